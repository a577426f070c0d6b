/**
 * Newsletter subscriptions from the shops, through the real webhook route: Shoprenter's newsletter
 * webhooks and a custom shop's JSON notices set a customer's subscription — and so the segment of
 * a customer without counted orders (subscriber / unsubscribed) — in order of the shop's time,
 * idempotently, with bad input kept as failed and nothing changed.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { inboundPath, sign, webshopFixture, webshops, type Connection } from '../helpers/webshops';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const { http, connect } = webshops(() => app);

const SUBSCRIBE = webshopFixture('shoprenter_newsletter_subscribe_webhook.json');
const UNSUBSCRIBE = webshopFixture('shoprenter_newsletter_unsubscribe_webhook.json');

/** A Shoprenter webhook of `body` to the connection's URL, with `event` added to it as the docs say. */
const deliverShoprenter = (
  connection: Connection,
  body: string,
  { event, type = 'application/json' }: { event?: string; type?: string } = {}
) => {
  const url = new URL(connection.inboundUrl);
  if (event) url.searchParams.set('event', event);
  return http()
    .post(url.pathname + url.search)
    .set('content-type', type)
    .send(body);
};

/** A custom shop's signed JSON push. */
const deliverCustom = (connection: Connection, payload: object) => {
  const body = JSON.stringify(payload);
  return http()
    .post(inboundPath(connection))
    .set({ 'content-type': 'application/json', 'x-orders-signature': sign(body, connection.secret) })
    .send(body);
};

/** The Shoprenter sample's subscriber with other fields (a new e-mail and id for each test). */
let people = 0;
const subscriber = (changes: Record<string, unknown> = {}) => {
  people += 1;
  const [sample] = JSON.parse(SUBSCRIBE).subscribers.subscriber;
  return JSON.stringify({
    subscribers: { subscriber: [{ ...sample, id: String(5000 + people), email: `feliratkozo${people}@example.hu`, ...changes }] },
  });
};

const customersOf = async (connection: Connection) =>
  (await app.admin.get(`/orders/customers?connection=${connection.documentId}&pageSize=100`)).body.data;
const customerOf = async (documentId: string) => (await app.admin.get(`/orders/customers/${documentId}`)).body.data;
const onlyCustomerOf = async (connection: Connection) => {
  const list = await customersOf(connection);
  expect(list).toHaveLength(1);
  return customerOf(list[0].documentId);
};
const inboxOf = async (connection: Connection) =>
  (await app.admin.get(`/orders/inbox?connection=${connection.documentId}&pageSize=100`)).body.data;
const historyOf = (customer: { segmentHistory: Array<{ from: string | null; to: string }> }) =>
  customer.segmentHistory.map(({ from, to }) => [from, to]);

describe('Shoprenter’s newsletter webhooks', () => {
  test('a subscribe makes a customer with no orders, a subscriber; an unsubscribe moves them to unsubscribed, both in the history', async () => {
    const connection = await connect('shoprenter');
    const subscribed = await deliverShoprenter(connection, SUBSCRIBE, { event: 'newsletter_subscribe' });
    expect(subscribed.status).toBe(200);
    expect(subscribed.body.data).toMatchObject({ state: 'processed', error: null });

    const customer = await onlyCustomerOf(connection);
    expect(customer).toMatchObject({
      name: 'Kovács Anna',
      email: 'kovacs.anna@example.hu',
      phone: '+36301234567',
      ordersCount: 0,
      segment: 'subscriber',
      subscription: 'subscribed',
      subscriptionReason: null,
      // 09:15 in Budapest, in winter: 08:15 UTC.
      subscriptionAt: '2026-11-20T08:15:00.000Z',
      connection: { documentId: connection.documentId },
    });
    expect(historyOf(customer)).toEqual([[null, 'subscriber']]);

    const [entry] = await inboxOf(connection);
    expect(entry).toMatchObject({
      state: 'processed',
      topic: 'newsletter_subscribe',
      orders: [],
      customers: [{ documentId: customer.documentId }],
    });
    const byCustomer = (await app.admin.get(`/orders/inbox?customer=${customer.documentId}`)).body.data;
    expect(byCustomer.map((row: { documentId: string }) => row.documentId)).toEqual([entry.documentId]);

    const unsubscribed = await deliverShoprenter(connection, UNSUBSCRIBE, { event: 'newsletter_unsubscribe' });
    expect(unsubscribed.body.data).toMatchObject({ state: 'processed', error: null });
    const after = await onlyCustomerOf(connection);
    expect(after).toMatchObject({ segment: 'unsubscribed', subscription: 'unsubscribed', subscriptionReason: null });
    // Shoprenter's subscribe date is not the unsubscribe's time: the time it was received stands for it.
    expect(Date.parse(after.subscriptionAt)).toBeGreaterThan(Date.parse('2026-11-20T08:15:00.000Z'));
    expect(historyOf(after)).toEqual([
      ['subscriber', 'unsubscribed'],
      [null, 'subscriber'],
    ]);
  });

  test('an older notice after a newer one is ignored; a replay changes nothing', async () => {
    const connection = await connect('shoprenter');
    const body = subscriber();
    await deliverShoprenter(connection, body.replace('"1"', '"0"'), { event: 'newsletter_unsubscribe' });
    const unsubscribed = await onlyCustomerOf(connection);
    expect(unsubscribed.segment).toBe('unsubscribed');

    // Subscribed on 20 November, received after the unsubscribe that came later: older, so it changes nothing.
    const late = await deliverShoprenter(connection, body, { event: 'newsletter_subscribe' });
    expect(late.body.data).toMatchObject({ state: 'ignored', error: null });
    const still = await onlyCustomerOf(connection);
    expect(still).toMatchObject({ segment: 'unsubscribed', subscription: 'unsubscribed', subscriptionAt: unsubscribed.subscriptionAt });
    expect(historyOf(still)).toEqual([[null, 'unsubscribed']]);

    const [, first] = await inboxOf(connection);
    const replayed = await app.admin.post(`/orders/inbox/${first.documentId}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body.data).toMatchObject({ state: 'processed', customers: [{ documentId: still.documentId }] });
    const again = await onlyCustomerOf(connection);
    expect(again).toMatchObject({ segment: 'unsubscribed', subscriptionAt: unsubscribed.subscriptionAt });
    expect(historyOf(again)).toEqual([[null, 'unsubscribed']]);
    expect(await customersOf(connection)).toHaveLength(1);
  });

  test('XML with the documented prefixed names, and no event in the URL: the status decides', async () => {
    const connection = await connect('shoprenter');
    const response = await deliverShoprenter(connection, webshopFixture('shoprenter_newsletter_update_subscriber_webhook.xml'), {
      type: 'application/xml',
    });
    expect(response.body.data).toMatchObject({ state: 'processed', error: null });
    expect(await onlyCustomerOf(connection)).toMatchObject({ name: 'Szabó Béla', email: 'szabo.bela@example.hu', segment: 'subscriber' });
  });

  test('a customer with orders keeps the segment their orders give, and their subscription is stored', async () => {
    const connection = await connect('shoprenter');
    const order = await deliverShoprenter(connection, webshopFixture('shoprenter_order_confirm_webhook.json'));
    expect(order.body.data.state).toBe('processed');
    const response = await deliverShoprenter(connection, subscriber({ email: 'PTerBalla@gmail.com' }), { event: 'newsletter_subscribe' });
    expect(response.body.data.state).toBe('processed');
    const customer = await onlyCustomerOf(connection);
    expect(customer).toMatchObject({ email: 'pterballa@gmail.com', ordersCount: 1, segment: 'one-time', subscription: 'subscribed' });
    expect(historyOf(customer).map(([, to]) => to)).not.toContain('subscriber');
  });

  test('bad input fails visibly, naming the problem, and changes nothing', async () => {
    const connection = await connect('shoprenter');
    const cases: Array<[body: string, options: { event?: string; type?: string }, code: string]> = [
      [subscriber({ email: '' }), { event: 'newsletter_subscribe' }, 'missingEmail'],
      [subscriber({ email: 'not-an-address' }), { event: 'newsletter_subscribe' }, 'badEmail'],
      [subscriber({ status: '7' }), { event: 'newsletter_update_subscriber' }, 'unknownSubscriptionStatus'],
      [subscriber({ status: '' }), {}, 'missingEvent'],
      [subscriber(), { event: 'newsletter_resubscribe' }, 'unsupportedTopic'],
      [subscriber({ subscribe_date: 'tegnap' }), { event: 'newsletter_subscribe' }, 'invalidSubscription'],
      ['{"subscribers": {"subscriber": [', { event: 'newsletter_subscribe' }, 'malformedJson'],
    ];
    for (const [body, options, code] of cases) {
      const response = await deliverShoprenter(connection, body, options);
      expect([response.status, response.body.data.state, response.body.data.error?.code]).toEqual([200, 'failed', code]);
    }
    expect(await customersOf(connection)).toEqual([]);
    const entries = await inboxOf(connection);
    expect(entries.map((entry: { state: string }) => entry.state)).toEqual(cases.map(() => 'failed'));
    expect(entries.find((entry: { error: { code: string } }) => entry.error.code === 'missingEvent').error.message).toMatch(
      /add &event=newsletter_subscribe/
    );
  });

  test('one bad subscriber of several: the entry fails and none is set', async () => {
    const connection = await connect('shoprenter');
    const good = JSON.parse(subscriber()).subscribers.subscriber[0];
    const body = JSON.stringify({ subscribers: { subscriber: [good, { ...good, id: '9', email: 'rossz' }] } });
    const response = await deliverShoprenter(connection, body, { event: 'newsletter_subscribe' });
    expect(response.body.data).toMatchObject({ state: 'failed', error: { code: 'badEmail', path: 'subscribers.subscriber[1].email' } });
    expect(await customersOf(connection)).toEqual([]);
  });
});

describe('a merge', () => {
  test('takes over the newsletter state a shop said later, and the inbox entry’s link to the customer', async () => {
    const connection = await connect('shoprenter');
    // The sample order with an e-mail of its own: customers are found by e-mail across connections.
    const order = JSON.parse(webshopFixture('shoprenter_order_confirm_webhook.json'));
    order.orders.order[0].email = 'vevo.merge@example.hu';
    await deliverShoprenter(connection, JSON.stringify(order));
    await deliverShoprenter(connection, subscriber({ id: '0' }), { event: 'newsletter_subscribe' });
    const list = await customersOf(connection);
    const buyer = list.find((row: { email: string }) => row.email === 'vevo.merge@example.hu');
    const reader = list.find((row: { email: string }) => row.email !== 'vevo.merge@example.hu');
    expect([buyer.subscription, reader.subscription]).toEqual([null, 'subscribed']);

    const merged = await app.admin.post(`/orders/customers/${reader.documentId}/merge`, { into: buyer.documentId });
    expect(merged.status).toBe(200);
    expect(merged.body.data).toMatchObject({ subscription: 'subscribed', subscriptionAt: reader.subscriptionAt, segment: 'one-time' });
    const notice = (await inboxOf(connection)).find((entry: { topic: string | null }) => entry.topic === 'newsletter_subscribe');
    expect(notice.customers).toEqual([{ documentId: buyer.documentId, name: buyer.name }]);
  });
});

describe('a custom shop’s JSON notices', () => {
  test('a subscription and a bounced e-mail: subscriber, and unsubscribed for the bad address', async () => {
    const connection = await connect('xml');
    const response = await deliverCustom(connection, JSON.parse(webshopFixture('custom_subscriptions.json')));
    expect(response.body.data).toMatchObject({ state: 'processed', error: null });
    const list = await customersOf(connection);
    const byEmail = Object.fromEntries(list.map((row: { email: string }) => [row.email, row]));
    expect(byEmail['nagy.eva@example.hu']).toMatchObject({
      name: 'Nagy Éva',
      segment: 'subscriber',
      subscriptionAt: '2026-11-28T09:00:00.000Z',
    });
    expect(byEmail['bounced@example.hu']).toMatchObject({
      name: 'bounced@example.hu',
      segment: 'unsubscribed',
      subscription: 'unsubscribed',
      subscriptionReason: 'bouncedEmail',
    });
    const [entry] = await inboxOf(connection);
    expect(entry.customers).toHaveLength(2);
  });

  test('a bounced e-mail of a subscriber unsubscribes them; found by the shop’s customer id', async () => {
    const connection = await connect('xml');
    await deliverCustom(connection, {
      externalId: 'K-7',
      email: 'kiss.ida@example.hu',
      subscription: 'subscribed',
      at: '2026-11-01T10:00:00Z',
    });
    const bounced = await deliverCustom(connection, {
      externalId: 'K-7',
      email: 'ida.kiss@example.hu',
      subscription: 'unsubscribed',
      reason: 'bouncedEmail',
      at: '2026-11-02T10:00:00Z',
    });
    expect(bounced.body.data.state).toBe('processed');
    const customer = await onlyCustomerOf(connection);
    expect(customer).toMatchObject({ email: 'kiss.ida@example.hu', segment: 'unsubscribed', subscriptionReason: 'bouncedEmail' });
    expect(historyOf(customer)).toEqual([
      ['subscriber', 'unsubscribed'],
      [null, 'subscriber'],
    ]);
  });

  test('bad notices are kept failed with the field named', async () => {
    const connection = await connect('xml');
    const cases: Array<[payload: object, code: string, path: string]> = [
      [{ subscription: 'subscribed' }, 'missingEmail', 'email'],
      [{ email: 'a@b', subscription: 'subscribed' }, 'badEmail', 'email'],
      [{ email: 'a@example.hu', subscription: 'maybe' }, 'unknownSubscriptionStatus', 'subscription'],
      [{ email: 'a@example.hu', subscription: 'subscribed', reason: 'bouncedEmail' }, 'unknownSubscriptionStatus', 'subscription'],
      [
        { subscriptions: [{ email: 'a@example.hu', subscription: 'subscribed', at: 'soon' }] },
        'invalidSubscription',
        'subscriptions[0].at',
      ],
    ];
    for (const [payload, code, path] of cases) {
      const response = await deliverCustom(connection, payload);
      expect(response.body.data).toMatchObject({ state: 'failed', error: { code, path } });
    }
    expect(await customersOf(connection)).toEqual([]);
  });
});
