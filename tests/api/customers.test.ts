/**
 * Customers over the admin API, on a fixed clock: segments after orders of every count and age,
 * kept current by the job each order's change sends and by the daily pass; merge, the picker's
 * reuse of a customer, the list, the export, bad input and permissions.
 */
import { addDays, dayIn, startOfDay } from '../../src/plugins/orders/shared/domain/calendar';
import { DEFAULT_SEGMENT_RULES, segmentOf } from '../../src/plugins/orders/shared/domain/segments';
import { act, createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';
import { webshopFixture, webshops } from '../helpers/webshops';

const TZ = 'Europe/Budapest';
const RECOMPUTE = 'customers.recompute';
const DAILY = 'customers.segments-daily';

let app: TestApp;
let stockItem: string;
/** The fixed clock: the test's start. Orders made during the test are of its day. */
const NOW = new Date();

const segments = () => app.strapi.plugin('orders').service('segments');
const jobs = () => app.strapi.plugin('orders').service('jobs');

beforeAll(async () => {
  app = await startApp();
  segments().useClock(() => NOW);
  stockItem = (await createStockItem(app.admin, { onHand: '100000' })).documentId;
});
afterAll(() => app?.stop());

/** 23:30 in Budapest, `days` calendar days before NOW's day there. */
const daysAgo = (days: number) => new Date(startOfDay(addDays(dayIn(NOW, TZ), -days), TZ).getTime() + 23.5 * 3_600_000);

const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Waits until no recompute job waits or runs: every order change so far has been followed. */
const settled = () =>
  until(
    async () =>
      (await jobs().list(RECOMPUTE, { limit: 1000 })).filter(
        (job: { state: string }) => !['succeeded', 'failed', 'cancelled'].includes(job.state)
      ).length,
    (open) => open === 0
  );

const customerOf = async (documentId: string) => (await app.admin.get(`/orders/customers/${documentId}`)).body.data;

let people = 0;
/** A new customer, made by a draft order of their own (a draft does not count). */
const newCustomer = async (fields: Record<string, unknown> = {}) => {
  people += 1;
  const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { customer: { name: `Vevő ${people}`, ...fields } });
  return (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.customer.documentId as string;
};

/** An order of the customer moved to `state`, placed at `at`. */
const orderFor = async (customerId: string, { state = 'finalized', at }: { state?: string; at?: Date } = {}) => {
  const order = await createOrder(app.admin, [{ stockItem, quantity: '1', unitPrice: '1000' }], { customer: undefined, customerId });
  const path: Record<string, string[]> = {
    draft: [],
    finalized: ['finalize'],
    fulfilled: ['finalize', 'fulfil'],
    successful: ['finalize', 'fulfil', 'succeed'],
    failed: ['finalize', 'fail'],
  };
  for (const action of path[state]) expect((await act(app.admin, order.documentId, action)).status).toBe(200);
  if (at) await placedAt(order.documentId, at);
  return order;
};

/** The order's creation time, moved into the past in the database: the orders of a customer's history. */
const placedAt = (documentId: string, at: Date) =>
  app.strapi.db.connection('orders_orders').where({ document_id: documentId }).update({ created_at: at });

describe('segments', () => {
  const DAYS = [0, 30, 31, 60, 61, 90, 91, 365, 366];
  const COUNTS = [0, 1, 2, 3, 4];
  const cases = COUNTS.flatMap((n) => DAYS.map((d) => ({ n, d })));

  test('after orders of every count and age, on the fixed clock', async () => {
    const made: Array<{ n: number; d: number; customer: string }> = [];
    for (const { n, d } of cases) {
      const customer = await newCustomer();
      // The customer's older orders, then the last one, d days ago; a failed and a draft one never count.
      for (let i = 1; i < n; i += 1) await orderFor(customer, { at: daysAgo(d + 10 * i) });
      if (n > 0) await orderFor(customer, { at: daysAgo(d), state: n % 2 ? 'successful' : 'fulfilled' });
      await orderFor(customer, { state: 'failed', at: daysAgo(0) });
      made.push({ n, d, customer });
    }
    // The registered ones without orders: registered d days ago.
    for (const { n, d, customer } of made) {
      if (n === 0) {
        const { id } = await app.strapi.db.query('plugin::orders.customer').findOne({ where: { documentId: customer }, select: ['id'] });
        await app.strapi.db
          .connection('orders_customers')
          .where({ id })
          .update({ created_at: daysAgo(d) });
      }
    }
    await settled();
    await segments().recompute('all', NOW);

    for (const { n, d, customer } of made) {
      const expected = segmentOf(
        { counted: n, lastOrderAt: n ? daysAgo(d) : null, registeredAt: daysAgo(d), subscription: null },
        NOW,
        DEFAULT_SEGMENT_RULES,
        TZ
      );
      const data = await customerOf(customer);
      expect({ n, d, segment: data.segment, ordersCount: data.ordersCount }).toEqual({ n, d, segment: expected, ordersCount: n });
      expect(data.successfulCount).toBe(n % 2 ? 1 : 0);
      expect(data.totalSpent).toBe(String(n * 1270));
      expect(data.lastOrderAt).toBe(n ? daysAgo(d).toISOString() : null);
    }
    // The boundaries, written out.
    const at = (n: number, d: number) => made.find((one) => one.n === n && one.d === d)!.customer;
    expect((await customerOf(at(1, 30))).segment).toBe('one-time');
    expect((await customerOf(at(1, 31))).segment).toBe('passive');
    expect((await customerOf(at(1, 61))).segment).toBe('lost');
    expect((await customerOf(at(3, 60))).segment).toBe('repeat');
    expect((await customerOf(at(3, 91))).segment).toBe('lost');
    expect((await customerOf(at(4, 90))).segment).toBe('loyal');
    expect((await customerOf(at(4, 365))).segment).toBe('passive-loyal');
    expect((await customerOf(at(4, 366))).segment).toBe('lost-loyal');
    expect((await customerOf(at(0, 60))).segment).toBe('registered');
    expect((await customerOf(at(0, 61))).segment).toBe('inactive');
    // 45 customers and 90 orders through the engine: well within a minute alone, longer on a machine doing three other things.
  }, 300_000);

  test('follow every change of an order, by the job its event sends', async () => {
    const customer = await newCustomer();
    await settled();
    expect(await customerOf(customer)).toMatchObject({ segment: 'registered', ordersCount: 0 });

    const first = await orderFor(customer);
    const one = await until(
      () => customerOf(customer),
      (data) => data.ordersCount === 1
    );
    expect(one).toMatchObject({ segment: 'one-time', ordersCount: 1, totalSpent: '1270' });

    await orderFor(customer);
    await until(
      () => customerOf(customer),
      (data) => data.segment === 'repeat'
    );

    // A failed order leaves the count.
    expect((await act(app.admin, first.documentId, 'fail')).status).toBe(200);
    const after = await until(
      () => customerOf(customer),
      (data) => data.ordersCount === 1
    );
    expect(after).toMatchObject({ segment: 'one-time', ordersCount: 1, successfulCount: 0, totalSpent: '1270' });
    expect(after.segmentHistory.map(({ from, to }: { from: string; to: string }) => [from, to])).toEqual([
      ['repeat', 'one-time'],
      ['one-time', 'repeat'],
      ['registered', 'one-time'],
      [null, 'registered'],
    ]);
    expect(Date.parse(after.segmentChangedAt)).toBe(Date.parse(after.segmentHistory[0].at));
  });

  test('the daily pass moves a loyal customer to passive when time passes, and records it', async () => {
    const customer = await newCustomer();
    for (let i = 0; i < 4; i += 1) await orderFor(customer, { at: daysAgo(90 + i) });
    await settled();
    await segments().recompute('all', NOW);
    expect((await customerOf(customer)).segment).toBe('loyal');

    // The next day, as the scheduled job runs it: no order changed.
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    segments().useClock(() => tomorrow);
    try {
      const id = await jobs().send(DAILY, {});
      await until(
        () => jobs().get(DAILY, id),
        (job: { state: string }) => job.state === 'succeeded'
      );
    } finally {
      segments().useClock(() => NOW);
    }
    const data = await customerOf(customer);
    expect(data.segment).toBe('passive-loyal');
    expect(data.segmentHistory[0]).toEqual({ at: tomorrow.toISOString(), from: 'loyal', to: 'passive-loyal' });
    // Passing again changes nothing and records nothing.
    expect(await segments().recompute('all', tomorrow)).toEqual({ statsChanged: 0, segmentsChanged: 0 });
  });

  test('the counted states are a setting', async () => {
    const customer = await newCustomer();
    await orderFor(customer, { state: 'successful' });
    await orderFor(customer, { state: 'finalized' });
    await settled();
    const only = await app.admin.put('/orders/settings', { segments: { ...DEFAULT_SEGMENT_RULES, countedStates: ['successful'] } });
    expect(only.status).toBe(200);
    try {
      await segments().recompute('all', NOW);
      expect(await customerOf(customer)).toMatchObject({ ordersCount: 1, segment: 'one-time' });
    } finally {
      await app.admin.put('/orders/settings', { segments: DEFAULT_SEGMENT_RULES });
      await segments().recompute('all', NOW);
    }
    expect(await customerOf(customer)).toMatchObject({ ordersCount: 2, segment: 'repeat' });
  });

  test('thresholds that do not fit together are refused, naming the problem', async () => {
    const response = await app.admin.put('/orders/settings', {
      segments: { ...DEFAULT_SEGMENT_RULES, oneTime: { activeDays: 60, passiveDays: 30 } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['segments', 'oneTime', 'passiveDays'],
        code: 'segmentThresholds',
        values: { rule: 'passiveBelowActive' },
      }),
    ]);
    expect(response.body.error.message).toMatch(/oneTime\.passiveDays/);
  });
});

describe('merge', () => {
  test('moves the orders into the other record, which takes over what it lacked, and recomputes it, in one go', async () => {
    const twin = await newCustomer({ email: 'kiss.eva@example.hu', taxNumber: '12345678-1-42' });
    const kept = await newCustomer({ phone: '+36 30 765 4321' });
    await orderFor(twin);
    await orderFor(kept);
    await settled();
    const response = await app.admin.post(`/orders/customers/${twin}/merge`, { into: kept });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: kept,
      email: 'kiss.eva@example.hu',
      taxNumber: '12345678-1-42',
      phone: '+36 30 765 4321',
      ordersCount: 2,
      segment: 'repeat',
    });
    expect(response.body.data.orders).toHaveLength(4);
    expect(new Set(response.body.data.orders.map((order: { customer: { documentId: string } }) => order.customer.documentId))).toEqual(
      new Set([kept])
    );
    expect((await app.admin.get(`/orders/customers/${twin}`)).status).toBe(404);
    const listed = await app.admin.get(`/orders/orders?customer=${kept}&pageSize=100`);
    expect(listed.body.data.map((order: { customer: { name: string } }) => order.customer.name)).toEqual(
      Array(4).fill(response.body.data.name)
    );
  });

  test.each([
    ['into itself', (a: string) => ({ id: a, into: a }), 'into', 'sameCustomer'],
    ['of an unknown customer', (a: string) => ({ id: 'no-such-customer', into: a }), 'id', 'unknownCustomer'],
    ['into an unknown customer', (a: string) => ({ id: a, into: 'no-such-customer' }), 'into', 'unknownCustomer'],
  ])('%s is a 400 naming it, and changes nothing', async (_, ids, path, code) => {
    const customer = await newCustomer();
    const { id, into } = ids(customer);
    const response = await app.admin.post(`/orders/customers/${id}/merge`, { into });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [path], code })]);
    expect((await app.admin.get(`/orders/customers/${customer}`)).status).toBe(200);
  });
});

describe('New order picks an existing customer', () => {
  test('by documentId: no new customer, and the list finds them by e-mail, phone or tax number', async () => {
    const customer = await newCustomer({ email: 'Picker.Pal@Example.hu', phone: '+36 1 234 5678', taxNumber: '87654321-2-13' });
    const count = await app.strapi.db.query('plugin::orders.customer').count();
    const order = await createOrder(app.admin, [{ stockItem, quantity: '1' }], { customer: undefined, customerId: customer });
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.customer.documentId).toBe(customer);
    expect(await app.strapi.db.query('plugin::orders.customer').count()).toBe(count);
    for (const q of ['picker.pal', '234 5678', '87654321']) {
      const found = await app.admin.get(`/orders/customers?q=${encodeURIComponent(q)}`);
      expect(found.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([customer]);
    }
  });
});

describe('the list', () => {
  test('filters by segment and connection, sorts and pages on the server', async () => {
    await settled();
    await segments().recompute('all', NOW);
    const loyal = await app.admin.get('/orders/customers?segment=loyal&pageSize=100');
    expect(loyal.status).toBe(200);
    expect(loyal.body.data.length).toBeGreaterThan(0);
    expect(loyal.body.data.every((row: { segment: string }) => row.segment === 'loyal')).toBe(true);

    const all = await app.admin.get('/orders/customers?sort=totalSpent:desc&pageSize=100');
    const spent = all.body.data.map((row: { totalSpent: string }) => Number(row.totalSpent));
    expect(spent).toEqual([...spent].sort((a, b) => b - a));
    const [page1, page2] = await Promise.all(
      [1, 2].map((page) => app.admin.get(`/orders/customers?sort=lastOrderAt:desc&page=${page}&pageSize=10`))
    );
    expect(page1.body.meta.pagination).toMatchObject({ page: 1, pageSize: 10, total: all.body.meta.pagination.total });
    const ids = [...page1.body.data, ...page2.body.data].map((row: { documentId: string }) => row.documentId);
    expect(new Set(ids).size).toBe(20);
    // Newest last order first; those without an order after every buyer.
    const last = [...page1.body.data, ...page2.body.data].map((row: { lastOrderAt: string | null }) => row.lastOrderAt);
    const buyers = last.filter(Boolean) as string[];
    expect(buyers).toEqual([...buyers].sort().reverse());
    expect(last.slice(0, buyers.length)).toEqual(buyers);

    // A webshop's customer came from its connection.
    const { connect, deliverWoo } = webshops(() => app);
    const connection = await connect('woocommerce');
    const delivery = await deliverWoo(connection, { ...JSON.parse(webshopFixture('woocommerce_hu_order.json')), id: 4242 });
    expect(delivery.status).toBe(200);
    const fromShop = await app.admin.get(`/orders/customers?connection=${connection.documentId}`);
    expect(fromShop.body.data).toHaveLength(1);
    expect(fromShop.body.data[0].connection).toEqual({ documentId: connection.documentId, name: expect.any(String) });

    // A customer from before customers kept their connection is linked to it by the next pass
    // (after the delivery's own recompute, which would link it again behind the check below).
    await settled();
    const link = (app.strapi.db.metadata.get('plugin::orders.customer').attributes as Record<string, { joinTable?: { name: string } }>)
      .connection.joinTable!.name;
    await app.strapi.db.connection(link).delete();
    expect((await app.admin.get(`/orders/customers?connection=${connection.documentId}`)).body.data).toHaveLength(0);
    await segments().recompute('all', NOW);
    const relinked = await app.admin.get(`/orders/customers?connection=${connection.documentId}`);
    expect(relinked.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([fromShop.body.data[0].documentId]);
  });

  test('the overview counts customers and what they spent per segment', async () => {
    await settled();
    await segments().recompute('all', NOW);
    const response = await app.admin.get('/orders/customers/overview');
    expect(response.status).toBe(200);
    const { total } = (await app.admin.get('/orders/customers')).body.meta.pagination;
    const rows = response.body.data.segments as Array<{ segment: string; customers: number; totalSpent: string }>;
    expect(rows.reduce((sum, row) => sum + row.customers, 0)).toBe(total);
    const loyal = (await app.admin.get('/orders/customers?segment=loyal&pageSize=100')).body.data;
    expect(rows.find((row) => row.segment === 'loyal')).toEqual({
      segment: 'loyal',
      customers: loyal.length,
      totalSpent: String(loyal.reduce((sum: number, row: { totalSpent: string }) => sum + Number(row.totalSpent), 0)),
    });
  });

  test('exports as CSV for Excel: a byte-order mark, ";" between fields, columns and segments in the reader\'s language', async () => {
    const customer = await newCustomer({ email: 'csv@example.hu', company: '=HYPERLINK("x")' });
    await orderFor(customer);
    await settled();
    const response = await app.admin.get('/orders/customers/export.csv?q=csv@example.hu');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const text = response.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, row] = text.slice(1).split('\r\n');
    expect(header).toBe(
      'Név;E-mail;Telefon;Cég;Adószám;Webshop;Szegmens;Megrendelések;Sikeres;Vásárlások összege;Pénznem;Utolsó megrendelés;Ügyfél ekkortól'
    );
    expect(row.split(';').slice(1, 11)).toEqual([
      'csv@example.hu',
      '',
      '"\'=HYPERLINK(""x"")"',
      '',
      '',
      'Egyszeri vevő',
      '1',
      '0',
      '1270',
      'HUF',
    ]);
    const english = (await app.admin.get('/orders/customers/export.csv?q=csv@example.hu&language=en')).text.slice(1).split('\r\n');
    expect(english[0]).toBe(
      'Name;Email;Phone;Company;Tax number;Webshop;Segment;Orders;Successful;Total spent;Currency;Last order;Customer since'
    );
    expect(english[1].split(';')[6]).toBe('One-time buyer');
  });
});

describe('contact data', () => {
  test('is edited with customers manage, validated, and the orders list shows the new name', async () => {
    const customer = await newCustomer();
    const bad = await app.admin.put(`/orders/customers/${customer}`, { name: 'Új Név', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['email'], code: 'notEmail' })]);
    const response = await app.admin.put(`/orders/customers/${customer}`, { name: 'Új Név', email: 'uj@example.hu' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ name: 'Új Név', email: 'uj@example.hu' });
    const orders = (await app.admin.get(`/orders/orders?customer=${customer}`)).body.data;
    expect(orders.map((order: { customer: { name: string } }) => order.customer.name)).toEqual(['Új Név']);
  });
});

describe('bad input and permissions', () => {
  test('an unknown segment filter or sort is a 400 naming it', async () => {
    const response = await app.admin.get('/orders/customers?segment=vip&sort=age:asc');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((error: { path: string[]; code: string }) => [error.path[0], error.code])).toEqual([
      ['segment', 'notOneOf'],
      ['sort', 'notOneOf'],
    ]);
    expect(response.body.error.message).toMatch(/segment/);
  });

  test('an unknown customer is a 404 with its code', async () => {
    const response = await app.admin.get('/orders/customers/no-such-customer');
    expect(response.status).toBe(404);
    expect(response.body.error.details).toEqual({ code: 'customerNotFound', id: 'no-such-customer' });
  });

  test('403 without the permission: customers read to look, customers manage to change', async () => {
    const customer = await newCustomer();
    const nobody = await app.as(['plugin::orders.order.read']);
    expect((await nobody.get('/orders/customers')).status).toBe(403);
    expect((await nobody.get(`/orders/customers/${customer}`)).status).toBe(403);
    expect((await nobody.get('/orders/customers/export.csv')).status).toBe(403);
    const reader = await app.as(['plugin::orders.customer.read']);
    expect((await reader.get(`/orders/customers/${customer}`)).status).toBe(200);
    expect((await reader.put(`/orders/customers/${customer}`, { name: 'X' })).status).toBe(403);
    expect((await reader.post(`/orders/customers/${customer}/merge`, { into: customer })).status).toBe(403);
    expect((await customerOf(customer)).name).not.toBe('X');
  });
});
