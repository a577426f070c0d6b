/**
 * Paging through the orders list: for every sort, all pages together hold every order exactly
 * once, in the sort's order — ties (the same creation time, customer, gross total, state)
 * broken by the order's id, newest first where the sort is newest first.
 */
import { ORDER_SORTS } from '../../src/plugins/orders/shared/contracts/orders';
import { act, createOrder } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

interface Made {
  documentId: string;
  number: string;
  /** Creation order, which is the order of ids. */
  rank: number;
  createdAt: number;
  customer: string;
  gross: number;
  state: string;
}

const ORDERS = 15;
const PAGE_SIZE = 4;
// Three creation times, five orders each, not in creation order.
const CREATED = ['2026-03-02T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z'];
const CUSTOMERS = ['Anna Pager', 'Bela Pager', 'Cili Pager'];

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

// Written out literally, so that a change of a sort in the engine is caught here.
const EXPECTED: Record<string, (a: Made, b: Made) => number> = {
  'createdAt:desc': (a, b) => compare(b.createdAt, a.createdAt) || compare(b.rank, a.rank),
  'createdAt:asc': (a, b) => compare(a.createdAt, b.createdAt) || compare(a.rank, b.rank),
  'number:asc': (a, b) => compare(a.number, b.number),
  'number:desc': (a, b) => compare(b.number, a.number),
  'gross:asc': (a, b) => compare(a.gross, b.gross) || compare(a.rank, b.rank),
  'gross:desc': (a, b) => compare(b.gross, a.gross) || compare(b.rank, a.rank),
  'state:asc': (a, b) => compare(a.state, b.state) || compare(b.createdAt, a.createdAt) || compare(b.rank, a.rank),
  'customer:asc': (a, b) => compare(a.customer, b.customer) || compare(b.rank, a.rank),
};

let app: TestApp;
const made: Made[] = [];

beforeAll(async () => {
  app = await startApp();
  for (let rank = 0; rank < ORDERS; rank += 1) {
    const gross = rank % 2 ? 100 : 200;
    const customer = CUSTOMERS[rank % 3];
    const order = await createOrder(app.admin, [{ name: 'Lapozó', quantity: '1', unitPrice: String(gross), vatRate: '0' }], {
      customer: { name: customer },
    });
    const finalized = Math.floor(rank / 2) % 2 === 1;
    if (finalized) expect((await act(app.admin, order.documentId, 'finalize')).status).toBe(200);
    const createdAt = CREATED[Math.floor(rank / 5)];
    await app.strapi.db.query('plugin::orders.order').update({ where: { documentId: order.documentId }, data: { createdAt } });
    made.push({
      documentId: order.documentId,
      number: order.number,
      rank,
      createdAt: Date.parse(createdAt),
      customer,
      gross,
      state: finalized ? 'finalized' : 'draft',
    });
  }
});
afterAll(() => app?.stop());

/** Every page of the list, one request per page, as documentIds. */
const allPages = async (query: string) => {
  const first = await app.admin.get(`/orders/orders?${query}&pageSize=${PAGE_SIZE}`);
  expect(first.status).toBe(200);
  const { pageCount } = first.body.meta.pagination;
  const ids: string[] = first.body.data.map((order: { documentId: string }) => order.documentId);
  for (let page = 2; page <= pageCount; page += 1) {
    const response = await app.admin.get(`/orders/orders?${query}&pageSize=${PAGE_SIZE}&page=${page}`);
    expect(response.body.meta.pagination).toMatchObject({ page, pageCount });
    ids.push(...response.body.data.map((order: { documentId: string }) => order.documentId));
  }
  return { ids, total: first.body.meta.pagination.total as number };
};

test('every sort of the API is checked here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ORDER_SORTS].sort());
});

test('the orders tie on every sort key but the number', async () => {
  const listed = (await app.admin.get('/orders/orders?pageSize=100')).body.data as Array<{ documentId: string; createdAt: string }>;
  const createdAt = new Map(listed.map((order) => [order.documentId, Date.parse(order.createdAt)]));
  expect(made.map((order) => createdAt.get(order.documentId))).toEqual(made.map((order) => order.createdAt));
  expect(new Set(made.map((order) => order.state))).toEqual(new Set(['draft', 'finalized']));
});

test.each(Object.keys(EXPECTED))('%s: all pages hold every order once, in order', async (sort) => {
  const { ids, total } = await allPages(`sort=${sort}`);
  expect(total).toBe(ORDERS);
  expect(ids).toEqual([...made].sort(EXPECTED[sort]).map((order) => order.documentId));
});

test('a filtered list pages the same way', async () => {
  const { ids, total } = await allPages('state=finalized&sort=createdAt:desc');
  const finalized = made.filter((order) => order.state === 'finalized').sort(EXPECTED['createdAt:desc']);
  expect(total).toBe(finalized.length);
  expect(ids).toEqual(finalized.map((order) => order.documentId));
});

test('several states, comma-separated: the orders in any of them, paged the same way', async () => {
  const { ids, total } = await allPages('state=draft,finalized&sort=gross:desc');
  expect(total).toBe(ORDERS);
  expect(ids).toEqual([...made].sort(EXPECTED['gross:desc']).map((order) => order.documentId));
  // A state named twice, or one no order is in, changes nothing.
  const finalized = made.filter((order) => order.state === 'finalized').sort(EXPECTED['number:asc']);
  expect((await allPages('state=finalized,successful,finalized&sort=number:asc')).ids).toEqual(finalized.map((order) => order.documentId));
});

test('a page past the last is empty, with the total', async () => {
  const response = await app.admin.get(`/orders/orders?pageSize=${PAGE_SIZE}&page=99`);
  expect(response.body.data).toEqual([]);
  expect(response.body.meta.pagination).toEqual({ page: 99, pageSize: PAGE_SIZE, pageCount: 4, total: ORDERS });
});
