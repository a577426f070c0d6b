/**
 * The orders export at a slow reader's pace: the CSV and the workbook read the next batch of
 * orders only once the response has taken the last, so a reader who stops reading holds the
 * export where it is instead of the whole file piling up in memory; the file still arrives whole
 * when it reads on; a reader who leaves stops the reading, and the app goes on answering.
 */
import { randomBytes } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import ExcelJS from 'exceljs';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
const TAG = `Lassu${Date.now()}`;
/**
 * Four batches of the export's 200 orders, each some 4.5 MB of rows (a line's row some 750
 * bytes): more than the sockets' buffers on loopback hold (Linux grows a send buffer up to 4 MB),
 * so that a reader who stops reading is felt by the export.
 */
const ORDERS = 800;
const LINES = 30;
const BATCHES = ORDERS / 200;

/** How many batches of orders the export has read so far: each is one read of orders with their customers. */
let batchesRead = 0;

beforeAll(async () => {
  app = await startApp();
  const engine = app.strapi.plugin('orders').service('orders');
  const system = { type: 'system', name: 'test' } as const;
  // Random text does not compress away in the workbook's zip.
  const noise = () => randomBytes(150).toString('base64');
  for (let i = 0; i < ORDERS; i += 1) {
    await engine.create(
      {
        customer: { name: `${TAG} ${i} ${noise()}`, company: noise() },
        items: Array.from({ length: LINES }, () => ({ name: noise(), quantity: '1', unitPrice: '100', vatRate: '27' })),
      },
      system
    );
  }
  // Counts the export's batch reads on the real database: the query goes through as it would.
  const query = app.strapi.db.query.bind(app.strapi.db);
  app.strapi.db.query = ((uid: string) => {
    const repository = query(uid as never);
    if (uid !== 'plugin::orders.order') return repository;
    return new Proxy(repository, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'findMany') return value;
        return (params: { populate?: { customer?: unknown } }) => {
          if (params?.populate?.customer) batchesRead += 1;
          return value.call(target, params);
        };
      },
    });
  }) as typeof app.strapi.db.query;
}, 600_000);
afterAll(() => app?.stop());
jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GET of the export whose response is not read until `read()` is called. */
const exportOf = (format: 'csv' | 'xlsx') =>
  new Promise<{ response: http.IncomingMessage; request: http.ClientRequest }>((resolve, reject) => {
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `/orders/orders/export.${format}?q=${TAG}&rows=lines&sort=number:asc&language=en`,
        headers: { Authorization: `Bearer ${app.admin.token}` },
      },
      (response) => {
        response.pause();
        resolve({ response, request });
      }
    );
    request.on('error', reject);
  });

const readAll = (response: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    response.resume();
  });

/** Waits until the export stops reading on its own (the reader reads nothing meanwhile). */
const settled = async () => {
  let before = -1;
  while (before !== batchesRead) {
    before = batchesRead;
    await sleep(500);
  }
  return batchesRead;
};

describe.each(['csv', 'xlsx'] as const)('%s', (format) => {
  test('a reader who stops reading holds the export back; reading on, the file arrives whole', async () => {
    batchesRead = 0;
    const { response } = await exportOf(format);
    expect(response.statusCode).toBe(200);
    // Not all read ahead: what is read waits in the sockets' buffers for the reader.
    const readWhilePaused = await settled();
    expect(readWhilePaused).toBeGreaterThan(0);
    expect(readWhilePaused).toBeLessThan(BATCHES);

    const body = await readAll(response);
    expect(batchesRead).toBe(BATCHES);
    if (format === 'csv') {
      expect(body.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1 + ORDERS * LINES);
    } else {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body);
      expect(book.worksheets[0].rowCount).toBe(1 + ORDERS * LINES);
    }
  });

  test('a reader who leaves stops the reading; the app answers on', async () => {
    batchesRead = 0;
    const { response, request } = await exportOf(format);
    await new Promise((resolve) => response.once('data', resolve).resume());
    request.destroy();
    const read = await settled();
    expect(read).toBeLessThan(BATCHES);
    const list = await app.admin.get(`/orders/orders?q=${TAG}&pageSize=1`);
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBe(ORDERS);
  });
});
