/**
 * Newsletter notices as the adapters read them: Shoprenter's newsletter webhooks (JSON and XML,
 * the documented prefixed names and the unprefixed ones its order webhooks suggest, the event from
 * the URL or the subscriber's status) and a custom shop's JSON form, with what they refuse.
 */
import { adapters } from '../../../src/plugins/orders/server/src/features/integrations/adapters';
import { fixture, refusal, request } from './support';

const { shoprenter, xml } = adapters;

const subscribeJson = fixture('shoprenter_newsletter_subscribe_webhook.json');
const subscribeXml = fixture('shoprenter_newsletter_subscribe_webhook.xml');
const updateXml = fixture('shoprenter_newsletter_update_subscriber_webhook.xml');
const unsubscribeJson = fixture('shoprenter_newsletter_unsubscribe_webhook.json');

const sample = () => JSON.parse(subscribeJson.toString()).subscribers.subscriber[0] as Record<string, string>;
const body = (...subscribers: object[]) => ({ subscribers: { subscriber: subscribers } });
const event = (name: string) => ({ query: { token: 't', event: name } });
const asXml = { contentType: 'application/xml' };

const notices = (messages: ReturnType<typeof shoprenter.read>) =>
  messages.map((message) => (message.type === 'subscription' ? message.notice : message));

const ANNA = {
  externalId: '417',
  email: 'kovacs.anna@example.hu',
  name: 'Kovács Anna',
  phone: '+36301234567',
  subscription: 'subscribed',
  reason: null,
  // 09:15 in Budapest in November (UTC+1).
  at: '2026-11-20T08:15:00.000Z',
};

describe('Shoprenter newsletter webhooks', () => {
  test('newsletter_subscribe in JSON: the subscriber, the Hungarian name order, the subscribe date as the time', () => {
    expect(notices(shoprenter.read(request(subscribeJson, event('newsletter_subscribe'))))).toEqual([ANNA]);
  });

  test('the same subscriber in XML reads the same', () => {
    expect(notices(shoprenter.read(request(subscribeXml, { ...asXml, ...event('newsletter_subscribe') })))).toEqual([ANNA]);
  });

  test('newsletter_unsubscribe: unsubscribed whatever the status, at no time of the shop’s (the subscribe date is not the unsubscribe’s)', () => {
    const [notice] = notices(shoprenter.read(request(subscribeJson, event('newsletter_unsubscribe'))));
    expect(notice).toEqual({ ...ANNA, subscription: 'unsubscribed', at: null });
  });

  test('the documented prefixed names in XML, newsletter_update_subscriber: the status decides', () => {
    expect(notices(shoprenter.read(request(updateXml, { ...asXml, ...event('newsletter_update_subscriber') })))).toEqual([
      {
        externalId: '418',
        email: 'szabo.bela@example.hu',
        name: 'Szabó Béla',
        phone: '+36209876543',
        subscription: 'subscribed',
        reason: null,
        at: '2026-11-25T17:40:00.000Z',
      },
    ]);
    const off = body({ ...sample(), status: '0' });
    expect(notices(shoprenter.read(request(off, event('newsletter_update_subscriber'))))[0]).toMatchObject({
      subscription: 'unsubscribed',
    });
  });

  test('prefixed names in JSON, and camelCased ones, are read too', () => {
    const prefixed = Object.fromEntries(Object.entries(sample()).map(([name, value]) => [`subscriber_${name}`, value]));
    expect(notices(shoprenter.read(request(body(prefixed), event('newsletter_subscribe'))))).toEqual([ANNA]);
    const { subscribe_date, ...rest } = sample();
    expect(notices(shoprenter.read(request(body({ ...rest, subscribeDate: subscribe_date }), event('newsletter_subscribe'))))).toEqual([
      ANNA,
    ]);
  });

  test('without an event, a body of subscribers and no orders: status "1" subscribes, "0" unsubscribes', () => {
    expect(notices(shoprenter.read(request(subscribeJson)))[0]).toMatchObject({ subscription: 'subscribed' });
    expect(notices(shoprenter.read(request(unsubscribeJson)))[0]).toMatchObject({ subscription: 'unsubscribed', at: null });
  });

  test('several subscribers, a non-English name order for another language, an id of 0 as none', () => {
    const read = notices(
      shoprenter.read(
        request(
          body(sample(), { ...sample(), id: '0', email: 'john@example.com', firstname: 'John', lastname: 'Smith', language: 'en' }),
          event('newsletter_subscribe')
        )
      )
    );
    expect(read).toHaveLength(2);
    expect(read[1]).toMatchObject({ externalId: null, name: 'John Smith', email: 'john@example.com' });
  });

  test('the order webhooks still read their orders, with or without an event in the URL', () => {
    const order = fixture('shoprenter_order_confirm_webhook.json');
    expect(shoprenter.read(request(order)).map((message) => message.type)).toEqual(['order']);
    expect(shoprenter.read(request(order, event('order_status_change'))).map((message) => message.type)).toEqual(['order']);
  });

  describe('refuses, naming the problem', () => {
    const refused = (payload: object | Buffer, query: Record<string, string> = event('newsletter_subscribe').query) =>
      refusal(() => shoprenter.read(request(payload, { query })));

    test('no e-mail, or one that is no address', () => {
      expect(refused(body({ ...sample(), email: '' }))).toMatchObject({ code: 'missingEmail', path: 'subscribers.subscriber[0].email' });
      expect(refused(body({ ...sample(), email: 'kovacs.anna' }))).toMatchObject({
        code: 'badEmail',
        path: 'subscribers.subscriber[0].email',
      });
      expect(refused(body({ ...sample(), email: 'a b@example.hu' })).code).toBe('badEmail');
    });

    test('a status that is neither 1 nor 0 on an update', () => {
      expect(refused(body({ ...sample(), status: 'yes' }), event('newsletter_update_subscriber').query)).toMatchObject({
        code: 'unknownSubscriptionStatus',
        path: 'subscribers.subscriber[0].status',
      });
    });

    test('no event and no clear status: says what to add to the URL', () => {
      const { status, ...without } = sample();
      expect(status).toBe('1');
      const problem = refused(body(without), {});
      expect(problem.code).toBe('missingEvent');
      expect(problem.message).toMatch(/add &event=newsletter_subscribe, newsletter_unsubscribe or newsletter_update_subscriber/);
    });

    test('an event this does not read, a newsletter event without subscribers, a subscribe date that is no date, malformed JSON', () => {
      expect(refused(body(sample()), { event: 'newsletter_bounce' }).code).toBe('unsupportedTopic');
      expect(refused({ subscribers: {} }).code).toBe('invalidSubscription');
      expect(refused(body({ ...sample(), subscribe_date: 'tegnap' }))).toMatchObject({
        code: 'invalidSubscription',
        path: 'subscribers.subscriber[0].subscribe_date',
      });
      expect(refused(Buffer.from('{"subscribers": ')).code).toBe('malformedJson');
    });
  });
});

describe('a custom shop’s JSON notices', () => {
  const read = (payload: object) => notices(xml.read(request(payload)));

  test('the fixture: a subscription, and an e-mail reported as bad', () => {
    expect(notices(xml.read(request(fixture('custom_subscriptions.json'))))).toEqual([
      {
        externalId: 'C-1001',
        email: 'nagy.eva@example.hu',
        name: 'Nagy Éva',
        phone: '+36701112233',
        subscription: 'subscribed',
        reason: null,
        at: '2026-11-28T09:00:00.000Z',
      },
      {
        externalId: null,
        email: 'bounced@example.hu',
        name: null,
        phone: null,
        subscription: 'unsubscribed',
        reason: 'bouncedEmail',
        at: '2026-11-29T08:30:00.000Z',
      },
    ]);
  });

  test('one notice alone, told from an order by its subscription', () => {
    expect(read({ email: 'a@example.hu', subscription: 'unsubscribed' })).toEqual([
      { externalId: null, email: 'a@example.hu', name: null, phone: null, subscription: 'unsubscribed', reason: null, at: null },
    ]);
  });

  test('refuses a missing or malformed e-mail, an unknown subscription, a bounce that subscribes, an unknown field', () => {
    const refused = (payload: object) => refusal(() => xml.read(request(payload)));
    expect(refused({ subscriptions: [{ subscription: 'subscribed' }] })).toMatchObject({
      code: 'missingEmail',
      path: 'subscriptions[0].email',
    });
    expect(refused({ email: 'anna@', subscription: 'subscribed' })).toMatchObject({ code: 'badEmail', path: 'email' });
    expect(refused({ email: 'a@example.hu', subscription: 'maybe' })).toMatchObject({
      code: 'unknownSubscriptionStatus',
      path: 'subscription',
    });
    expect(refused({ email: 'a@example.hu', subscription: 'subscribed', reason: 'bouncedEmail' })).toMatchObject({
      code: 'unknownSubscriptionStatus',
      path: 'subscription',
    });
    expect(refused({ email: 'a@example.hu', subscription: 'subscribed', list: 'weekly' }).code).toBe('invalidSubscription');
    expect(refused({ email: 'a@example.hu', subscription: 'subscribed', at: 'tomorrow' })).toMatchObject({
      code: 'invalidSubscription',
      path: 'at',
    });
  });
});
