/**
 * Hostile and broken input, and what the app answers: the list of what it survives.
 *
 * The rule for every case: bad input gets a clear 4xx naming the problem (a code the admin words,
 * see docs/api.md) and changes nothing — no order, line, customer, stock item, movement or history
 * entry appears or changes, the ledger still agrees with every item's on-hand quantity. A 500 is a
 * bug. An error never echoes a whole input back.
 *
 * One `describe` per kind of input. To add a kind: a new `describe`, its cases through `refused`
 * (or `refusedWith` when the request needs a client of its own). Its second half,
 * hostile-integrity.test.ts, is hostile use of well-formed requests: races for one SKU, amounts
 * that would overflow, retries that would create twice.
 */
import { createHmac } from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import request from 'supertest';
import zlib from 'zlib';
import { FIELD_ERROR_CODES, REFUSAL_CODES } from '../../src/plugins/orders/shared/contracts/errors';
import { ORDER_ACTIONS } from '../../src/plugins/orders/shared/domain/lifecycle';
import { act, createOrder, createStockItem, ledgerDisagreements } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

// Every temporary file a multipart parser writes lands here (formidable reads os.tmpdir() when it
// loads, which is when Strapi boots below), so that a test can see what was left behind.
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orders-hostile-'));
const tmpdir = jest.spyOn(os, 'tmpdir').mockReturnValue(uploadDir);
const leftBehind = () => fs.readdirSync(uploadDir);
/** Every file created in uploadDir, as inotify tells: a file written and removed at once shows here too. */
const written: string[] = [];
const watcher = fs.watch(uploadDir, (event, name) => event === 'rename' && name && written.push(name));
/** Runs `requests` and expects that no file at all was written meanwhile. */
const expectNothingWritten = async (requests: () => Promise<void>) => {
  const before = written.length;
  await requests();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(written.slice(before)).toEqual([]);
};
/** No temporary file is left, once the removals Strapi does not wait for (up to a second) are done. */
const expectNoneLeftBehind = async () => {
  for (let i = 0; i < 20 && leftBehind().length; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(leftBehind()).toEqual([]);
};

let app: TestApp;
const ids = { draft: '', finalized: '', item: '' };
let errorLog: jest.SpiedFunction<TestApp['strapi']['log']['error']>;

beforeAll(async () => {
  app = await startApp();
  const item = await createStockItem(app.admin, { sku: 'HOSTILE-1', onHand: '10' });
  ids.item = item.documentId;
  ids.draft = (await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }])).documentId;
  ids.finalized = (await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '2' }])).documentId;
  expect((await act(app.admin, ids.finalized, 'finalize')).status).toBe(200);
  errorLog = jest.spyOn(app.strapi.log, 'error');
});
afterAll(async () => {
  await app?.stop();
  watcher.close();
  tmpdir.mockRestore();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

/** A URL with the ids of this file's orders and stock item put in: ":draft", ":finalized", ":item". */
const url = (template: string) => template.replace(/:(draft|finalized|item)\b/g, (_, name: keyof typeof ids) => ids[name]);

/** Everything a hostile request could change: counts, the watched rows as the API shows them, the ledger. */
const world = async () => {
  const count = (uid: string) => app.strapi.db.query(uid as never).count();
  return {
    orders: await count('plugin::orders.order'),
    lines: await count('plugin::orders.order-item'),
    customers: await count('plugin::orders.customer'),
    stockItems: await count('plugin::orders.stock-item'),
    movements: await count('plugin::orders.stock-movement'),
    history: await count('plugin::orders.history-entry'),
    draft: (await app.admin.get(`/orders/orders/${ids.draft}`)).body.data,
    finalized: (await app.admin.get(`/orders/orders/${ids.finalized}`)).body.data,
    item: (await app.admin.get(`/orders/stock-items/${ids.item}`)).body.data,
    settings: (await app.admin.get('/orders/settings')).body.data,
    ledger: await ledgerDisagreements(app.strapi),
  };
};

interface Refusal {
  status: number;
  /** A field code (in details.errors) or a refusal code (details.code). */
  code: string;
  /** The field at fault, dotted ("items.0.note"); "" for the body as a whole. Field codes only. */
  path?: string;
  values?: Record<string, unknown>;
}

type Response = { status: number; body: any; text: string };

/** HOSTILE_REPORT=<file>: every case's answer is appended to the file, one JSON line each. */
const report = (response: Response) => {
  if (!process.env.HOSTILE_REPORT) return;
  const { error } = response.body ?? {};
  const codes = error?.details?.errors?.map((e: { code: string; path: string[] }) => `${e.code}@${e.path.join('.')}`) ?? [];
  const answer = {
    test: expect.getState().currentTestName,
    status: response.status,
    name: error?.name,
    code: error?.details?.code,
    codes: codes.slice(0, 3),
  };
  fs.appendFileSync(process.env.HOSTILE_REPORT, `${JSON.stringify(answer)}\n`);
};

/** Sends, and expects the refusal, nothing changed and an answer that echoes no whole input. */
const refused = async (send: () => PromiseLike<Response>, expected: Refusal) => {
  const before = await world();
  const response = await send();
  report(response);
  expectRefusal(response, expected);
  const after = await world();
  expect(after).toEqual(before);
  expect(after.ledger).toEqual([]);
  return response;
};

const expectRefusal = (response: Response, { status, code, path, values }: Refusal) => {
  expect({ status: response.status, text: response.text.slice(0, 300) }).toMatchObject({ status });
  expect(response.body.data).toBeNull();
  expect(response.text.length).toBeLessThan(3000);
  if ((FIELD_ERROR_CODES as readonly string[]).includes(code)) {
    expect(response.body.error.name).toBe('ValidationError');
    const errors: Array<{ path: string[]; code: string; values: object }> = response.body.error.details.errors;
    const found = errors.find((error) => error.code === code && (path === undefined || error.path.join('.') === path));
    expect({ found: !!found, errors }).toMatchObject({ found: true });
    if (values) expect(found!.values).toEqual(values);
  } else {
    expect(REFUSAL_CODES as readonly string[]).toContain(code);
    expect(response.body.error.details.code).toBe(code);
    if (values) expect(response.body.error.details).toMatchObject(values);
  }
};

const anonymous = () => request(app.strapi.server.httpServer);
/** Sends `body` as it is — text or raw bytes, not serialized again — with the Content-Type `type`. */
const json = (method: 'post' | 'put' | 'delete' | 'get', target: string, body: string | Buffer, type = 'application/json') =>
  app.admin
    .request(method, url(target))
    .set('Content-Type', type)
    .serialize((raw: any) => raw)
    .send(body as any);

/** Every route that takes a body, with a body it would accept. */
const WRITE_ROUTES: Array<[method: 'post' | 'put', route: string]> = [
  ['post', '/orders/orders'],
  ['put', '/orders/orders/:draft'],
  ['put', '/orders/orders/:draft/custom-status'],
  ...ORDER_ACTIONS.map((action) => ['post', `/orders/orders/:finalized/actions/${action}`] as ['post', string]),
  ['post', '/orders/stock-items'],
  ['put', '/orders/stock-items/:item'],
  ['post', '/orders/stock-items/:item/adjustments'],
  ['put', '/orders/settings'],
  ['post', '/orders/orders/:finalized/documents'],
  ['post', '/orders/orders/bulk'],
];

/** Every route that takes none. */
const READ_ROUTES: Array<[method: 'get' | 'delete', route: string]> = [
  ['get', '/orders/orders'],
  ['get', '/orders/orders/:draft'],
  ['get', '/orders/orders/:draft/stock-impact'],
  ['delete', '/orders/orders/:draft'],
  ['get', '/orders/stock-items'],
  ['get', '/orders/stock-items/export.csv'],
  ['get', '/orders/orders/export.csv'],
  ['get', '/orders/orders/export.xlsx'],
  ['get', '/orders/stock-items/:item'],
  ['get', '/orders/stock-items/:item/movements'],
  ['get', '/orders/settings'],
  ['get', '/orders/custom-statuses'],
  ['get', '/orders/orders/:draft/documents'],
  ['get', '/orders/templates'],
];

const nested = (levels: number, inner = 'null') => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('deeply nested JSON', () => {
  test.each(WRITE_ROUTES)('3000 levels to %s %s: 400 tooDeep', async (method, route) => {
    const response = await refused(() => json(method, route, `{"zzz":${nested(3000)}}`), {
      status: 400,
      code: 'tooDeep',
      values: { max: 4 },
    });
    expect(response.body.error.details.errors[0].path).toEqual(['zzz', '0', '0', '0']);
  });

  test('half a million levels (1 MB of brackets): 400 tooDeep, quickly', async () => {
    await refused(() => json('post', '/orders/orders', nested(500_000, '0')), { status: 400, code: 'tooDeep', path: '0.0.0.0' });
  });

  test('one level too deep inside a line: 400 tooDeep at the line’s field', async () => {
    const body = JSON.stringify({ customer: { name: 'Vevő' }, items: [{ stockItem: ids.item, quantity: [[1]] }] });
    await refused(() => json('post', '/orders/orders', body), { status: 400, code: 'tooDeep', path: 'items.0.quantity.0' });
  });

  test('the deepest real request — an order with an address and lines — is taken', async () => {
    const response = await app.admin.post('/orders/orders', {
      customer: { name: 'Mély Vevő', address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 1.' } },
      items: [{ stockItem: ids.item, quantity: '1', note: 'ok' }],
    });
    expect(response.status).toBe(201);
  });
});

/** Text fields of every request, as [what, method, route, body with the field set to `text`, the field's path]. */
const TEXT_FIELDS: Array<[string, 'post' | 'put', string, (text: string) => object, string]> = [
  ['customer name', 'post', '/orders/orders', (text) => ({ customer: { name: text }, items: [] }), 'customer.name'],
  ['customer phone', 'post', '/orders/orders', (text) => ({ customer: { name: 'V', phone: text }, items: [] }), 'customer.phone'],
  ['customer company', 'post', '/orders/orders', (text) => ({ customer: { name: 'V', company: text }, items: [] }), 'customer.company'],
  [
    'customer tax number',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V', taxNumber: text }, items: [] }),
    'customer.taxNumber',
  ],
  [
    'customer e-mail',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V', email: `a${text}@b.hu` }, items: [] }),
    'customer.email',
  ],
  [
    'address city',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V', address: { city: text } }, items: [] }),
    'customer.address.city',
  ],
  [
    'address street',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V', address: { street: text } }, items: [] }),
    'customer.address.street',
  ],
  ['customerId', 'post', '/orders/orders', (text) => ({ customerId: text, items: [] }), 'customerId'],
  ['order note', 'post', '/orders/orders', (text) => ({ customer: { name: 'V' }, note: text, items: [] }), 'note'],
  ['currency', 'post', '/orders/orders', (text) => ({ customer: { name: 'V' }, currency: `HU${text}`, items: [] }), 'currency'],
  ['line SKU', 'post', '/orders/orders', (text) => ({ customer: { name: 'V' }, items: [{ sku: text, quantity: '1' }] }), 'items.0.sku'],
  [
    'line stock item',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V' }, items: [{ stockItem: text, quantity: '1' }] }),
    'items.0.stockItem',
  ],
  [
    'free line name',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V' }, items: [{ name: text, quantity: '1', unitPrice: '100' }] }),
    'items.0.name',
  ],
  [
    'line note',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V' }, items: [{ stockItem: ids.item, quantity: '1', note: text }] }),
    'items.0.note',
  ],
  [
    'line unit',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V' }, items: [{ stockItem: ids.item, quantity: '1', unit: text }] }),
    'items.0.unit',
  ],
  [
    'line quantity',
    'post',
    '/orders/orders',
    (text) => ({ customer: { name: 'V' }, items: [{ stockItem: ids.item, quantity: `1${text}` }] }),
    'items.0.quantity',
  ],
  ['draft note', 'put', '/orders/orders/:draft', (text) => ({ note: text }), 'note'],
  ['draft customer name', 'put', '/orders/orders/:draft', (text) => ({ customer: { name: text } }), 'customer.name'],
  ['custom status', 'put', '/orders/orders/:draft/custom-status', (text) => ({ customStatus: text }), 'customStatus'],
  ['transition note', 'post', '/orders/orders/:finalized/actions/fail', (text) => ({ restock: false, note: text }), 'note'],
  ['stock item SKU', 'post', '/orders/stock-items', (text) => ({ sku: text, name: 'N', unitPrice: '1', vatRate: '27' }), 'sku'],
  ['stock item name', 'post', '/orders/stock-items', (text) => ({ sku: 'NEW-1', name: text, unitPrice: '1', vatRate: '27' }), 'name'],
  [
    'stock item unit',
    'post',
    '/orders/stock-items',
    (text) => ({ sku: 'NEW-1', name: 'N', unit: text, unitPrice: '1', vatRate: '27' }),
    'unit',
  ],
  ['changed SKU', 'put', '/orders/stock-items/:item', (text) => ({ sku: text }), 'sku'],
  ['changed name', 'put', '/orders/stock-items/:item', (text) => ({ name: text }), 'name'],
  ['adjustment reason', 'post', '/orders/stock-items/:item/adjustments', (text) => ({ delta: '1', reason: text }), 'reason'],
  [
    'custom status label',
    'put',
    '/orders/settings',
    (text) => ({ customStatuses: [{ key: 'processing', label: text, color: '#0c75af' }] }),
    'customStatuses.0.label',
  ],
  [
    'custom status key',
    'put',
    '/orders/settings',
    (text) => ({ customStatuses: [{ key: `k${text}`, label: 'L', color: '#0c75af' }] }),
    'customStatuses.0.key',
  ],
];

describe('NUL characters and lone surrogates', () => {
  const CHARACTERS: Array<[string, string, string]> = [
    ['a NUL', 'a\u0000b', 'U+0000'],
    ['a lone high surrogate', 'a\ud800b', 'U+D800'],
    ['a lone low surrogate', 'a\udc00b', 'U+DC00'],
  ];
  const cases = TEXT_FIELDS.flatMap(([field, method, route, body, fieldPath]) =>
    CHARACTERS.map(([what, text, character]) => ({ what, field, method, route, body: () => body(text), fieldPath, character }))
  );

  test.each(cases)('$what in the $field: 400 invalidCharacter', async ({ method, route, body, fieldPath, character }) => {
    // JSON.stringify writes a lone surrogate as its escape, \ud800, as a hostile client would.
    await refused(() => json(method, route, JSON.stringify(body())), {
      status: 400,
      code: 'invalidCharacter',
      path: fieldPath,
      values: { character },
    });
  });

  test('a NUL in a field’s name: 400 invalidCharacter at the object', async () => {
    await refused(() => json('post', '/orders/orders/:finalized/actions/fail', '{"restock":false,"no\\u0000te":"x"}'), {
      status: 400,
      code: 'invalidCharacter',
      path: '',
    });
  });

  test.each([
    ['an order', '/orders/orders/%00'],
    ['an order’s stock impact', '/orders/orders/%00/stock-impact'],
    ['a stock item', '/orders/stock-items/%00'],
    ['a stock item’s movements', '/orders/stock-items/%00/movements'],
  ])('a NUL as the id of %s: 400 invalidCharacter at id', async (_, target) => {
    const response = await refused(() => app.admin.get(target), {
      status: 400,
      code: 'invalidCharacter',
      path: 'id',
      values: { character: 'U+0000' },
    });
    // The id alone: not also the router's capture of the whole path.
    expect(response.body.error.details.errors).toHaveLength(1);
  });

  test.each([
    ['put', '/orders/orders/%00', { note: 'x' }],
    ['delete', '/orders/orders/%00', undefined],
    ['post', '/orders/orders/%00/actions/finalize', {}],
    ['put', '/orders/orders/%00/custom-status', { customStatus: null }],
    ['put', '/orders/stock-items/%00', { name: 'x' }],
    ['post', '/orders/stock-items/%00/adjustments', { delta: '1', reason: 'x' }],
  ] as const)('a NUL as the id of %s %s: 400 invalidCharacter at id', async (method, target, body) => {
    await refused(() => (body ? app.admin.request(method, target).send(body) : app.admin.request(method, target)), {
      status: 400,
      code: 'invalidCharacter',
      path: 'id',
    });
  });

  test('a NUL as the action: 400 invalidCharacter at action', async () => {
    await refused(() => app.admin.post(url('/orders/orders/:finalized/actions/%00')), {
      status: 400,
      code: 'invalidCharacter',
      path: 'action',
    });
  });

  test.each([
    ['the orders’ search', '/orders/orders?q=%00', 'q'],
    ['the orders’ search, after a word', '/orders/orders?q=abc%00def', 'q'],
    ['the custom status filter', '/orders/orders?customStatus=%00', 'customStatus'],
    ['the source filter', '/orders/orders?source=a%00', 'source'],
    ['the stock items’ search', '/orders/stock-items?q=%00', 'q'],
    ['the CSV separator', '/orders/stock-items/export.csv?separator=%00', 'separator'],
    ['a parameter the route ignores', '/orders/orders?ignored=%00', 'ignored'],
    ['a parameter’s name', '/orders/orders?a%00b=1', ''],
  ])('a NUL in %s: 400 invalidCharacter', async (_, target, field) => {
    await refused(() => app.admin.get(target), { status: 400, code: 'invalidCharacter', path: field });
  });
});

describe('bytes that are not UTF-8', () => {
  const bytes = (before: string, raw: number[], after: string) =>
    Buffer.concat([Buffer.from(before), Buffer.from(raw), Buffer.from(after)]);
  test.each([
    ['a stray 0xFF', [0xff]],
    ['a truncated sequence', [0xc3]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['a surrogate encoded as UTF-8 (CESU-8)', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('%s in the customer’s name: 400 notUtf8 at customer.name', async (_, raw) => {
    await refused(() => json('post', '/orders/orders', bytes('{"customer":{"name":"Kov', raw, 'cs"},"items":[]}')), {
      status: 400,
      code: 'notUtf8',
      path: 'customer.name',
    });
  });

  test.each([
    ['the adjustment reason', 'post', '/orders/stock-items/:item/adjustments', '{"delta":"1","reason":"', '"}', 'reason'],
    ['the transition note', 'post', '/orders/orders/:finalized/actions/fail', '{"restock":false,"note":"', '"}', 'note'],
    ['a field’s name', 'put', '/orders/orders/:draft', '{"no', 'te":"x"}', ''],
  ] as const)('0xFF in %s: 400 notUtf8', async (_, method, route, before, after, field) => {
    await refused(() => json(method, route, bytes(before, [0xff], after)), { status: 400, code: 'notUtf8', path: field });
  });

  test.each([
    ['the search', '/orders/orders?q=%FF', 'q'],
    ['the search, as a CESU-8 surrogate', '/orders/orders?q=%ED%A0%80', 'q'],
    ['a broken escape', '/orders/orders?q=%E0%A4%A', 'q'],
    ['an order id', '/orders/orders/%FF', 'id'],
    ['an order id, as a lone surrogate', '/orders/orders/%ED%A0%80', 'id'],
    ['a stock item id', '/orders/stock-items/%C3', 'id'],
  ])('in %s of the URL: 400 notUtf8', async (_, target, field) => {
    await refused(() => app.admin.get(target), { status: 400, code: 'notUtf8', path: field });
  });

  test('a text in UTF-16 sent as UTF-8: 400 malformedJson', async () => {
    await refused(() => json('put', '/orders/orders/:draft', Buffer.from('{"note":"x"}', 'utf16le')), {
      status: 400,
      code: 'malformedJson',
    });
  });
});

describe('text that is fine', () => {
  test('emoji (a valid surrogate pair), accents and U+FFFD itself are kept as sent', async () => {
    const name = 'Kovács Anna 😀 \ufffd';
    const response = await json('post', '/orders/orders', JSON.stringify({ customer: { name }, items: [] }));
    expect(response.status).toBe(201);
    expect(response.body.data.customer.name).toBe(name);
  });

  test('a byte-order mark before the JSON is ignored (RFC 8259 allows it)', async () => {
    const response = await json(
      'put',
      '/orders/orders/:draft',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"note":"BOM"}')])
    );
    expect(response.status).toBe(200);
    expect(response.body.data.note).toBe('BOM');
  });

  test('a search for a quote, a percent sign or an underscore is a search, not SQL', async () => {
    for (const q of ["'", '%', '_', '\\', '%25']) {
      const response = await app.admin.get(`/orders/orders?q=${encodeURIComponent(q)}`);
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
  });
});

describe('bodies the route cannot read', () => {
  const WRITE_IT_OFF = '{"restock":false,"note":"write it off"}';
  const fail = (type: string | null, body: string | Buffer = WRITE_IT_OFF) => {
    const req = app.admin.request('post', url('/orders/orders/:finalized/actions/fail'));
    return (type === null ? req : req.set('Content-Type', type)).send(body);
  };

  test.each([
    'application/octet-stream',
    'application/xml',
    'text/xml',
    'text/plain',
    'text/json',
    'application/x-www-form-urlencoded',
    'application/vnd.api+json',
    'application/json-patch+json',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/jsonx',
    'multipart/form-data; boundary=x',
    'nonsense',
  ])('“restock: false” as %s: 415 unsupportedMediaType, the goods stay written out of nothing', async (type) => {
    const response = await refused(() => fail(type), {
      status: 415,
      code: 'unsupportedMediaType',
      values: { accepted: ['application/json'] },
    });
    expect(response.body.error.message).toContain('application/json');
  });

  test('“restock: false” without a Content-Type: 415 unsupportedMediaType', async () => {
    await refused(() => fail(null, Buffer.from(WRITE_IT_OFF)), { status: 415, code: 'unsupportedMediaType' });
  });

  test('gzipped JSON: 415 unsupportedMediaType (no content coding is taken)', async () => {
    await refused(() => fail('application/json').set('Content-Encoding', 'gzip').send(zlib.gzipSync(WRITE_IT_OFF)), {
      status: 415,
      code: 'unsupportedMediaType',
    });
  });

  test.each(READ_ROUTES)('a body on %s %s: 415 bodyNotAllowed', async (method, route) => {
    await refused(() => json(method, route, '{"x":1}'), { status: 415, code: 'bodyNotAllowed' });
  });

  test('application/json with charset=UTF-8 (any case, quoted) is JSON', async () => {
    for (const type of ['application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'Application/JSON']) {
      const response = await json('put', '/orders/orders/:draft', JSON.stringify({ note: type }), type);
      expect({ type, status: response.status }).toEqual({ type, status: 200 });
    }
  });
});

describe('JSON that is not an object', () => {
  test.each([
    ['an array', '[]'],
    ['an array of the fields', '[{"restock":false,"note":"write it off"}]'],
    ['a string', '"write it off"'],
    ['a number', '42'],
    ['true', 'true'],
    ['null', 'null'],
  ])('%s as the body: 400 wrongType at the body', async (_, body) => {
    await refused(() => json('post', '/orders/orders/:finalized/actions/fail', body), {
      status: 400,
      code: 'wrongType',
      path: '',
      values: { expected: 'object' },
    });
  });

  test.each([
    ['cut short', '{"restock":false,'],
    ['single quotes', "{'restock':false}"],
    ['garbage after it', '{"restock":false}garbage'],
    ['two objects', '{"restock":true}{"restock":false}'],
    ['NaN', '{"restock":NaN}'],
    ['a comment', '{/* c */"restock":false}'],
    ['a trailing comma', '{"restock":false,}'],
    ['only spaces', '   '],
    ['two byte-order marks', '\ufeff\ufeff{}'],
    ['a raw control character in a string', '{"note":"a\tb"}'],
  ])('JSON %s: 400 malformedJson', async (_, body) => {
    const response = await refused(() => json('post', '/orders/orders/:finalized/actions/fail', body), {
      status: 400,
      code: 'malformedJson',
      path: '',
    });
    expect(response.text).not.toContain('garbage');
  });
});

describe('duplicate and dangerous keys', () => {
  test.each([
    ['restock twice', '/orders/orders/:finalized/actions/fail', '{"restock":true,"restock":false}', 'restock'],
    ['restock twice, once escaped', '/orders/orders/:finalized/actions/fail', '{"restock":true,"r\\u0065stock":false}', 'restock'],
    ['a customer’s name twice', '/orders/orders', '{"customer":{"name":"A","name":"B"},"items":[]}', 'customer.name'],
    [
      'a line’s quantity twice',
      '/orders/orders',
      '{"customer":{"name":"A"},"items":[{"sku":"HOSTILE-1","quantity":"1","quantity":"9"}]}',
      'items.0.quantity',
    ],
  ])('%s: 400 duplicateField', async (_, route, body, field) => {
    await refused(() => json('post', route, body), { status: 400, code: 'duplicateField', path: field });
  });

  test.each([
    ['__proto__ on a transition', 'post', '/orders/orders/:finalized/actions/fail', '{"__proto__":{"restock":false}}', '', ['__proto__']],
    [
      'constructor.prototype on a transition',
      'post',
      '/orders/orders/:finalized/actions/fail',
      '{"constructor":{"prototype":{"restock":false}}}',
      '',
      ['constructor'],
    ],
    ['__proto__ in the settings', 'put', '/orders/settings', '{"__proto__":{"allowNegativeStock":true}}', '', ['__proto__']],
    [
      '__proto__ in a customer',
      'post',
      '/orders/orders',
      '{"customer":{"name":"A","__proto__":{"isAdmin":true}},"items":[]}',
      'customer',
      ['__proto__'],
    ],
    [
      '__proto__ in a line',
      'post',
      '/orders/orders',
      '{"customer":{"name":"A"},"items":[{"sku":"HOSTILE-1","quantity":"1","__proto__":{"unitPrice":"0"}}]}',
      'items.0',
      ['__proto__'],
    ],
  ] as const)('%s: 400 unknownField, and no object is polluted', async (_, method, route, body, field, fields) => {
    await refused(() => json(method, route, body), { status: 400, code: 'unknownField', path: field, values: { fields } });
    const plain: Record<string, unknown> = {};
    expect([plain.restock, plain.allowNegativeStock, plain.isAdmin, plain.unitPrice]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('huge strings and bodies', () => {
  test('a 900 kB note: 400 tooLong, and the answer does not repeat it', async () => {
    await refused(() => app.admin.post(url('/orders/orders/:finalized/actions/fail'), { restock: false, note: 'x'.repeat(900_000) }), {
      status: 400,
      code: 'tooLong',
      path: 'note',
      values: { max: 2000 },
    });
  });

  test('a 500 kB quantity: 400, without the number in the answer', async () => {
    const body = { customer: { name: 'V' }, items: [{ stockItem: ids.item, quantity: '9'.repeat(500_000) }] };
    const response = await refused(() => app.admin.post('/orders/orders', body), {
      status: 400,
      code: 'tooLarge',
      path: 'items.0.quantity',
    });
    expect(response.text).not.toContain('9'.repeat(100));
  });

  test('a 500 kB unknown field name: 400 unknownField, its name cut short in the answer', async () => {
    await refused(() => json('post', '/orders/orders/:finalized/actions/fail', `{"${'k'.repeat(500_000)}":1}`), {
      status: 400,
      code: 'unknownField',
      path: '',
    });
  });

  test('50 000 unknown fields: 400 unknownField, a short answer', async () => {
    const body = `{${Array.from({ length: 50_000 }, (_, i) => `"f${i}":1`).join(',')}}`;
    await refused(() => json('put', '/orders/settings', body), { status: 400, code: 'unknownField', path: '' });
  });

  test('100 000 empty lines: 400 tooMany, without naming 100 000 problems', async () => {
    const body = `{"customer":{"name":"V"},"items":[${Array(100_000).fill('{}').join(',')}]}`;
    await refused(() => json('post', '/orders/orders', body), { status: 400, code: 'tooMany', path: 'items', values: { max: 2000 } });
  });

  const FRAME = '{"restock":false,"note":""}'.length;
  test('a body of 1 MB and one byte: 413 bodyTooLarge naming the limit', async () => {
    const body = JSON.stringify({ restock: false, note: 'x'.repeat(1024 * 1024 + 1 - FRAME) });
    expect(Buffer.byteLength(body)).toBe(1024 * 1024 + 1);
    const response = await refused(() => json('post', '/orders/orders/:finalized/actions/fail', body), {
      status: 413,
      code: 'bodyTooLarge',
      values: { limit: '1048576' },
    });
    expect(response.body.error.message).toContain('1048576');
  });

  test('a body of 1 MB exactly is read (and refused for its note alone)', async () => {
    const body = JSON.stringify({ restock: false, note: 'x'.repeat(1024 * 1024 - FRAME) });
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    await refused(() => json('post', '/orders/orders/:finalized/actions/fail', body), { status: 400, code: 'tooLong', path: 'note' });
  });
});

/** Writes `payload` on a raw connection and collects the first answer, until it is whole, the server closes or `ms` pass. */
const rawExchange = (payload: Buffer | string, { end = true, ms = 3000 } = {}) =>
  new Promise<string>((resolve) => {
    const { port } = app.strapi.server.httpServer.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const headEnd = received.indexOf('\r\n\r\n');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received)?.[1]);
      if (headEnd >= 0 && received.length >= headEnd + 4 + length) done();
    });
    socket.on('close', done);
    socket.on('error', done);
    socket.write(payload, () => end && socket.end());
  });
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const head = (method: string, target: string, headers: Record<string, string | number>) =>
  [
    `${method} ${url(target)} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Authorization: Bearer ${app.admin.token}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');

describe('bodies whose length lies', () => {
  const body = '{"restock":false,"note":"write it off"}';

  test('a chunked body over the limit: 413 bodyTooLarge', async () => {
    const before = await world();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const chunked = (data: Buffer | string) =>
      Buffer.concat([Buffer.from(`${Buffer.byteLength(data).toString(16)}\r\n`), Buffer.from(data), Buffer.from('\r\n')]);
    const payload = Buffer.concat([
      Buffer.from(
        head('POST', '/orders/orders/:finalized/actions/fail', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
      ),
      chunked('{"restock":false,"note":"'),
      ...Array.from({ length: 20 }, () => chunked(chunk)),
      chunked('"}'),
      Buffer.from('0\r\n\r\n'),
    ]);
    const answer = await rawExchange(payload, { end: false, ms: 2000 });
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('bodyTooLarge');
    expect(await world()).toEqual(before);
  });

  test('a chunked body of no bytes is no body: the settings answer as they are', async () => {
    const before = await world();
    const payload = head('PUT', '/orders/settings', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }) + '0\r\n\r\n';
    const answer = await rawExchange(payload, { end: false });
    expect(statusOf(answer)).toBe(200);
    expect(await world()).toEqual(before);
  });

  test('a Content-Length of 10 GB: 413 at once, without waiting for the bytes', async () => {
    const before = await world();
    const answer = await rawExchange(
      head('POST', '/orders/orders/:finalized/actions/fail', { 'Content-Type': 'application/json', 'Content-Length': 10 * 1024 ** 3 }) +
        body,
      {
        end: false,
        ms: 2000,
      }
    );
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('bodyTooLarge');
    expect(await world()).toEqual(before);
  });

  test('a Content-Length shorter than the body: only that much is read, the rest is no request (400)', async () => {
    const before = await world();
    const answer = await rawExchange(
      head('POST', '/orders/orders/:finalized/actions/fail', { 'Content-Type': 'application/json', 'Content-Length': 5 }) + body,
      {
        end: false,
      }
    );
    // Node's parser refuses what follows the five bytes as the next request, and closes.
    expect(statusOf(answer)).toBe(400);
    expect(await world()).toEqual(before);
  });

  test('a Content-Length longer than the body, then the client hangs up: nothing changes, the server carries on', async () => {
    const before = await world();
    await rawExchange(
      head('POST', '/orders/orders/:finalized/actions/fail', { 'Content-Type': 'application/json', 'Content-Length': 500 }) + body,
      { ms: 1000 }
    );
    expect(await world()).toEqual(before);
    expect((await app.admin.get('/orders/orders')).status).toBe(200);
  });

  test('both Content-Length and Transfer-Encoding: 400 from Node’s parser, nothing read', async () => {
    const before = await world();
    const answer = await rawExchange(
      head('POST', '/orders/orders/:finalized/actions/fail', {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        'Transfer-Encoding': 'chunked',
      }) + body
    );
    expect(statusOf(answer)).toBe(400);
    expect(await world()).toEqual(before);
  });

  test('a Content-Length that is no number: 400 from Node’s parser', async () => {
    const before = await world();
    const answer = await rawExchange(
      head('POST', '/orders/orders/:finalized/actions/fail', { 'Content-Type': 'application/json', 'Content-Length': 'abc' }) + body
    );
    expect(statusOf(answer)).toBe(400);
    expect(await world()).toEqual(before);
  });
});

describe('query strings', () => {
  test.each([
    ['a state as an array', '/orders/orders?state[]=draft', 'state', 'wrongType'],
    ['a state given twice', '/orders/orders?state=draft&state=finalized', 'state', 'wrongType'],
    ['a state that is none among several', '/orders/orders?state=draft,paid', 'state', 'notOneOf'],
    ['states of nothing but commas', '/orders/orders?state=,,', 'state', 'notOneOf'],
    ['a search given twice', '/orders/orders?q=a&q=b', 'q', 'wrongType'],
    ['a search as an object', '/orders/orders?q[$ne]=x', 'q', 'wrongType'],
    ['an operator on the page', '/orders/orders?page[$gt]=1', 'page', 'wrongType'],
    ['page 1e9', '/orders/orders?page=1e9', 'page', 'aboveMax'],
    ['page 10^20', '/orders/orders?page=100000000000000000000', 'page', 'aboveMax'],
    ['page 1.5', '/orders/orders?page=1.5', 'page', 'notNumber'],
    ['page 0', '/orders/orders?page=0', 'page', 'belowMin'],
    ['page -1', '/orders/orders?page=-1', 'page', 'belowMin'],
    ['page Infinity', '/orders/orders?page=Infinity', 'page', 'notNumber'],
    ['page NaN', '/orders/orders?page=NaN', 'page', 'notNumber'],
    ['a page size of 1e9', '/orders/orders?pageSize=1e9', 'pageSize', 'aboveMax'],
    ['a sort of __proto__', '/orders/orders?sort=__proto__', 'sort', 'notOneOf'],
    ['a sort by SQL', '/orders/orders?sort=number;DROP TABLE orders', 'sort', 'notOneOf'],
    ['a day that is no day', '/orders/orders?from=2026-13-45', 'from', 'notDate'],
    ['a search of 10 000 characters', `/orders/orders?q=${'x'.repeat(10_000)}`, 'q', 'tooLong'],
    ['movements page 1e9', '/orders/stock-items/:item/movements?page=1e9', 'page', 'aboveMax'],
    ['a stock items page as an array', '/orders/stock-items?page[]=1', 'page', 'wrongType'],
  ])('%s: 400 %s', async (_, target, field, code) => {
    await refused(() => app.admin.get(url(target)), { status: 400, code, path: field });
  });

  test('__proto__ in the query is ignored and pollutes nothing', async () => {
    const response = await app.admin.get('/orders/orders?__proto__[polluted]=1&constructor[prototype][polluted]=1');
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('the last page there can be is an empty page, not an error', async () => {
    const response = await app.admin.get('/orders/orders?page=1000000&pageSize=100');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});

describe('path parameters', () => {
  test('an id of 5000 characters: 400 tooLong at id, without the id in the answer', async () => {
    const response = await refused(() => app.admin.get(`/orders/orders/${'a'.repeat(5000)}`), {
      status: 400,
      code: 'tooLong',
      path: 'id',
      values: { max: 64 },
    });
    expect(response.text).not.toContain('a'.repeat(100));
    expect(response.body.error.details.errors).toHaveLength(1);
  });

  test('an action of 5000 characters: 400 tooLong at action', async () => {
    await refused(() => app.admin.post(url(`/orders/orders/:finalized/actions/${'x'.repeat(5000)}`)), {
      status: 400,
      code: 'tooLong',
      path: 'action',
    });
  });

  test.each([
    ['an encoded path traversal', '/orders/orders/..%2F..%2Fadmin%2Fusers', 'orderNotFound'],
    ['an encoded path traversal to a stock item', '/orders/stock-items/..%2F..%2F..%2Fetc%2Fpasswd', 'stockItemNotFound'],
    ['SQL as an id', `/orders/orders/${encodeURIComponent("1' OR '1'='1")}`, 'orderNotFound'],
    ['a LIKE pattern as an id', '/orders/orders/%25', 'orderNotFound'],
  ])('%s: 404 with its code', async (_, target, code) => {
    await refused(() => app.admin.get(target), { status: 404, code });
  });

  test('a raw path traversal reaches no route of the plugin: 404', async () => {
    const before = await world();
    const answer = await rawExchange(head('GET', '/orders/orders/../../admin/users/me', {}), { end: false, ms: 2000 });
    expect(statusOf(answer)).toBe(404);
    expect(await world()).toEqual(before);
  });

  test('a URL longer than Node takes: 431, nothing read', async () => {
    const before = await world();
    const answer = await rawExchange(head('GET', `/orders/orders?q=${'x'.repeat(100_000)}`, {}));
    expect(statusOf(answer)).toBe(431);
    expect(await world()).toEqual(before);
  });
});

describe('HTTP methods and overrides', () => {
  test.each(['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'])('POST with %s: DELETE is no delete: 405', async (header) => {
    const before = await world();
    const response = await app.admin.request('post', url('/orders/orders/:draft')).set(header, 'DELETE').send({});
    expect(response.status).toBe(405);
    expect(await world()).toEqual(before);
  });

  test('?_method=DELETE is no delete either: 405', async () => {
    const before = await world();
    const response = await app.admin.post(url('/orders/orders/:draft?_method=DELETE'), {});
    expect(response.status).toBe(405);
    expect(await world()).toEqual(before);
  });

  test('PATCH, which no route takes: 405, nothing changed', async () => {
    const before = await world();
    const response = await app.admin.request('patch', url('/orders/orders/:draft')).send({ note: 'patched' });
    expect(response.status).toBe(405);
    expect(await world()).toEqual(before);
  });

  test('the plugin’s routes in capitals (the router ignores case) read their bodies themselves too', async () => {
    await refused(() => json('post', '/ORDERS/orders/:finalized/actions/fail', '{"restock":false}', 'application/octet-stream'), {
      status: 415,
      code: 'unsupportedMediaType',
    });
    const response = await json('put', '/Orders/Orders/:draft', '{"note":"in capitals"}');
    expect(response.status).toBe(200);
    expect(response.body.data.note).toBe('in capitals');
  });
});

describe('multipart before and after authentication', () => {
  const file = Buffer.alloc(4 * 1024 * 1024, 'x');

  test.each([
    ['post', '/orders/orders'],
    ['post', '/orders/orders/:finalized/actions/fail'],
    ['put', '/orders/stock-items/:item'],
    ['post', '/ORDERS/orders'],
  ] as const)('unauthenticated multipart to %s %s: 401, no file written', async (method, route) => {
    await expectNothingWritten(async () => {
      for (let i = 0; i < 3; i += 1) {
        const response = await anonymous()[method](url(route)).attach('files', file, 'big.bin');
        expect(response.status).toBe(401);
      }
    });
  });

  test('authenticated multipart to the plugin: 415, no file written', async () => {
    await expectNothingWritten(async () => {
      await refused(() => app.admin.request('post', '/orders/orders').attach('files', file, 'big.bin').field('customer', 'x'), {
        status: 415,
        code: 'unsupportedMediaType',
      });
    });
  });

  test('a multipart upload to the Media Library writes its file (the watch above sees writes)', async () => {
    const before = written.length;
    expect((await anonymous().post('/upload').attach('files', file, 'big.bin')).status).toBe(401);
    expect(written.length).toBeGreaterThan(before);
    await expectNoneLeftBehind();
  });

  test('multipart/form-data without a boundary to the plugin: 401 unauthenticated, 415 authenticated', async () => {
    expect((await anonymous().post('/orders/orders').set('Content-Type', 'multipart/form-data').send('garbage')).status).toBe(401);
    await refused(() => json('post', '/orders/orders', 'garbage', 'multipart/form-data'), { status: 415, code: 'unsupportedMediaType' });
  });

  test.each([
    ['the admin login', '/admin/login'],
    ['the Media Library', '/upload'],
    ['the Content API', '/api/upload'],
  ])('multipart/form-data without a boundary to %s: 400, not 500', async (_, target) => {
    const response = await anonymous().post(target).set('Content-Type', 'multipart/form-data').send('garbage');
    expect(response.status).toBe(400);
  });

  test('a multipart body cut short to the Media Library: 400, no file left', async () => {
    const response = await app.admin
      .request('post', '/upload')
      .set('Content-Type', 'multipart/form-data; boundary=XyZ')
      .send('--XyZ\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello');
    expect(response.status).toBe(400);
    await expectNoneLeftBehind();
  });

  test('unauthenticated uploads to the Media Library: 401, their temporary files removed', async () => {
    for (let i = 0; i < 3; i += 1) expect((await anonymous().post('/upload').attach('files', file, 'big.bin')).status).toBe(401);
    for (let i = 0; i < 3; i += 1) expect((await anonymous().post('/upload').attach('other', file, 'big.bin')).status).toBe(401);
    await expectNoneLeftBehind();
  });

  test('an upload the Media Library refuses (into a folder that does not exist): 400, its temporary file removed', async () => {
    const response = await app.admin
      .request('post', '/upload')
      .field('fileInfo', JSON.stringify({ folder: 999999 }))
      .attach('files', file, 'big.bin');
    expect(response.status).toBe(400);
    await expectNoneLeftBehind();
  });

  test('the Media Library still takes an upload, and leaves no temporary file', async () => {
    const response = await app.admin.request('post', '/upload').attach('files', Buffer.from('hello, orders'), 'hello.txt');
    try {
      expect(response.status).toBe(201);
      expect(response.body[0]).toMatchObject({ name: 'hello.txt' });
      await expectNoneLeftBehind();
    } finally {
      // The file itself lands in public/uploads: removed through the Media Library, whatever happened.
      if (response.body?.[0]?.id) expect((await app.admin.delete(`/upload/files/${response.body[0].id}`)).status).toBe(200);
    }
  });
});

describe('secrets', () => {
  /** An HS256 JWT, as anyone who knows `secret` can sign it. */
  const sign = (payload: object, secret: string) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };

  test('an admin token forged with the public development secret is refused: 401', async () => {
    const session = await app.strapi.db.query('admin::session').findOne({ where: { origin: 'admin' } });
    const payload = { userId: session.userId, sessionId: session.sessionId, type: 'access' };
    const withTheRealSecret = await anonymous()
      .get('/orders/orders')
      .set('Authorization', `Bearer ${sign(payload, app.strapi.config.get('admin.auth.secret'))}`);
    expect(withTheRealSecret.status).toBe(200); // the forgery itself works: only the secret is wrong below
    const forged = await anonymous()
      .get('/orders/orders')
      .set('Authorization', `Bearer ${sign(payload, 'dev-admin-jwt-secret')}`);
    expect(forged.status).toBe(401);
  });
});

describe('the log', () => {
  test('malformed bodies, authenticated or not, are not logged as errors of the server', async () => {
    const before = errorLog.mock.calls.length;
    await anonymous().post('/admin/login').set('Content-Type', 'application/json').send('{"email":');
    await anonymous().post('/admin/login').set('Content-Type', 'multipart/form-data').send('garbage');
    await anonymous().post('/orders/orders').set('Content-Type', 'application/json').send('{"customer":');
    await json('post', '/orders/orders', '{"customer":');
    await json('post', '/orders/orders', `{"zzz":${nested(3000)}}`);
    await json('post', '/orders/orders', '{}', 'application/xml');
    expect(errorLog.mock.calls.slice(before)).toEqual([]);
  });

  test('nothing in this file was logged as an error of the server', () => {
    expect(errorLog.mock.calls.map((call) => String(call[0]).slice(0, 200))).toEqual([]);
  });
});
