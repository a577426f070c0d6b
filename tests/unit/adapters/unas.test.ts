/**
 * UNAS: the signed webhook notice, the getOrder answer with its pseudo-items, and the API client
 * against a small local server playing UNAS, with an injected clock for the token's expiry.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adapters } from '../../../src/plugins/orders/server/src/features/integrations/adapters';
import {
  createUnasClient,
  readOrders,
  TOKEN_LIFETIME_MS,
} from '../../../src/plugins/orders/server/src/features/integrations/adapters/unas/index';
import { fixture, refusal, request } from './support';

const { unas } = adapters;
const answer = fixture('unas_getOrder_response.xml');

describe('the webhook notice', () => {
  const body = Buffer.from('{"shopID":"69312","orderID":"69312-465741","time":1729166212}');
  const hmac = createHmac('sha256', 'unas-key').update(body).digest('base64');

  test('verifies with X-Unas-Hmac, and a changed byte does not', () => {
    expect(unas.verify(request(body, { headers: { 'x-unas-hmac': hmac } }), 'unas-key')).toBe('verified');
    expect(unas.verify(request(Buffer.from(body.toString().replace('741', '742')), { headers: { 'x-unas-hmac': hmac } }), 'unas-key')).toBe(
      'unauthorized'
    );
  });

  test('says which order to fetch', () => {
    expect(unas.read(request(body))).toEqual([{ type: 'fetch', externalId: '69312-465741' }]);
    expect(unas.read(request('{"event":"order_create","orderKey":"1000-1000000"}'))).toEqual([
      { type: 'fetch', externalId: '1000-1000000' },
    ]);
  });

  test('a notice naming no order is missingExternalId', () => {
    expect(refusal(() => unas.read(request('{"event":"order_create"}')))).toMatchObject({ code: 'missingExternalId' });
  });
});

describe('the getOrder answer', () => {
  const [message] = readOrders(answer);
  const order = message.type === 'order' ? message.order : null;

  test('is order 1000-1000000 with its status, Budapest dates as UTC and its gross', () => {
    expect(order).toMatchObject({
      externalId: '1000-1000000',
      status: { code: '123456', name: 'Beérkezett', type: null },
      createdAt: '2012-01-01T09:00:00.000Z',
      modifiedAt: '2012-02-01T09:00:00.000Z',
      currency: 'HUF',
      totals: { gross: '7620' },
      paymentMethod: 'Utalás',
      shippingMethod: 'Futárszolgálat',
      note: 'A vásárló megjegyzése',
    });
  });

  test('the pseudo-items are shipping, a fee and coupons', () => {
    expect(order?.lines.map(({ kind, sku, net, vat, gross, vatPercent }) => [kind, sku, net, vat, gross, vatPercent])).toEqual([
      ['product', 'Cikkszam1', '1000', '270', '1270', '27'],
      ['product', 'Cikkszam2', '2000', '540', '2540', '27'],
      ['product', 'Cikkszam2', '3000', '810', '3810', '27'],
      ['coupon', 'discount-percent', '-1000', '-270', '-1270', '27'],
      ['shipping', 'shipping-cost', '1000', '270', '1270', '27'],
      ['coupon', 'discount-amount', '-100', '-27', '-127', '27'],
      ['fee', 'handel-cost', '100', '27', '127', '27'],
    ]);
  });

  test('the registered customer', () => {
    expect(order?.customer).toMatchObject({
      externalId: '100000',
      name: 'Kis János',
      email: 'unas@unas.hu',
      phone: '+36301111111',
      taxNumber: '12345678-9-00',
      billingAddress: { country: 'HU', postalCode: '1111', city: 'Teszt Város', street: 'Tej út 2.' },
      shippingAddress: { country: 'HU', postalCode: '2222', city: 'Teszt Város', street: 'Tej út 10.' },
    });
  });

  test('a status type is carried when UNAS sends it; summer time is 2 hours ahead', () => {
    const xml = answer.toString().replace('<StatusID>123456</StatusID>', '<StatusID>7</StatusID><StatusType>close_ok</StatusType>');
    const [summer] = readOrders(xml.replace('<DateMod>2012.02.01 10:00:00</DateMod>', '<DateMod>2024.07.01 10:00:00</DateMod>'));
    expect(summer.type === 'order' && summer.order).toMatchObject({
      status: { code: '7', type: 'close_ok' },
      modifiedAt: '2024-07-01T08:00:00.000Z',
    });
  });

  test('an answer of no orders is none', () => {
    expect(readOrders('<?xml version="1.0" encoding="UTF-8" ?><Orders></Orders>')).toEqual([]);
  });

  test('an unknown currency and a comma decimal are refused by name', () => {
    expect(refusal(() => readOrders(answer.toString().replace('<Currency>HUF</Currency>', '<Currency>FT</Currency>')))).toMatchObject({
      code: 'unknownCurrency',
    });
    expect(refusal(() => readOrders(answer.toString().replace('<PriceNet>2000</PriceNet>', '<PriceNet>2000,5</PriceNet>')))).toMatchObject({
      code: 'notANumber',
      path: 'Orders.Order[0].Items.Item[1].PriceNet',
    });
  });
});

describe('the API client', () => {
  let server: Server;
  let apiBase: string;
  const calls: Array<{ path: string; authorization?: string; body: string }> = [];
  let logins = 0;

  const bodyOf = (incoming: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve(Buffer.concat(chunks).toString()));
    });

  beforeAll(async () => {
    server = createServer(async (incoming, outgoing) => {
      const body = await bodyOf(incoming);
      calls.push({ path: incoming.url ?? '', authorization: incoming.headers.authorization, body });
      if (incoming.url === '/shop/login') {
        if (!body.includes('<ApiKey>good-key</ApiKey>'))
          return outgoing.writeHead(200).end('<?xml version="1.0"?><Error>Invalid ApiKey</Error>');
        logins += 1;
        return outgoing
          .writeHead(200)
          .end(`<?xml version="1.0"?><Login><Token>token-${logins}</Token><Expire>2030.01.01 12:00:00</Expire></Login>`);
      }
      if (incoming.url === '/shop/getOrder' && incoming.headers.authorization?.startsWith('Bearer token-')) {
        if (body.includes('<LimitNum>1</LimitNum>') && !body.includes('<LimitStart>0</LimitStart>'))
          return outgoing.writeHead(200).end('<Orders/>');
        return outgoing.writeHead(200, { 'content-type': 'application/xml' }).end(answer);
      }
      if (incoming.url === '/slow/shop/login') return;
      outgoing.writeHead(incoming.url === '/revoked/shop/login' ? 401 : 503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    calls.length = 0;
  });

  test('logs in once, reuses the token, and renews it after its two hours', async () => {
    let clock = 1_000_000;
    const client = createUnasClient({ apiBase, apiKey: 'good-key', now: () => clock });
    const [first] = await client.getOrder('1000-1000000');
    expect(first.type === 'order' && first.order.externalId).toBe('1000-1000000');
    await client.getOrder('1000-1000000');
    clock += TOKEN_LIFETIME_MS - 10 * 60 * 1000;
    await client.getOrder('1000-1000000');
    clock += 10 * 60 * 1000;
    await client.getOrder('1000-1000000');
    expect(calls.map((call) => call.path)).toEqual([
      '/shop/login',
      '/shop/getOrder',
      '/shop/getOrder',
      '/shop/getOrder',
      '/shop/login',
      '/shop/getOrder',
    ]);
    expect(calls[1]).toMatchObject({ authorization: 'Bearer token-1', body: expect.stringContaining('<Key>1000-1000000</Key>') });
    expect(calls[5].authorization).toBe(`Bearer token-${logins}`);
    expect(calls[5].authorization).not.toBe(calls[1].authorization);
  });

  test('reads the modified orders page by page, from a Unix time', async () => {
    const client = createUnasClient({ apiBase, apiKey: 'good-key' });
    const messages = await client.getOrdersModifiedSince(new Date('2024-01-01T00:00:00Z'), 1);
    expect(messages).toHaveLength(1);
    const pages = calls.filter((call) => call.path === '/shop/getOrder');
    expect(pages).toHaveLength(2);
    expect(pages[0].body).toContain('<TimeModStart>1704067200</TimeModStart><LimitStart>0</LimitStart><LimitNum>1</LimitNum>');
    expect(pages[1].body).toContain('<LimitStart>1</LimitStart>');
  });

  test('a refused API key is loginRefused', async () => {
    await expect(createUnasClient({ apiBase, apiKey: 'bad-key' }).login()).rejects.toMatchObject({ code: 'loginRefused' });
  });

  test('an HTTP error is httpStatus, a stalled answer a timeout, a large one tooLarge', async () => {
    await expect(createUnasClient({ apiBase: `${apiBase}/nowhere`, apiKey: 'good-key' }).login()).rejects.toMatchObject({
      code: 'httpStatus',
      status: 503,
    });
    await expect(createUnasClient({ apiBase: `${apiBase}/revoked`, apiKey: 'good-key' }).login()).rejects.toMatchObject({
      code: 'loginRefused',
    });
    await expect(createUnasClient({ apiBase: `${apiBase}/slow`, apiKey: 'x', timeoutMs: 200 }).login()).rejects.toMatchObject({
      code: 'timeout',
    });
    const tiny = createUnasClient({ apiBase, apiKey: 'good-key', maxBytes: 1000 });
    await expect(tiny.getOrder('1000-1000000')).rejects.toMatchObject({ code: 'tooLarge' });
  });

  test('an answer that is no XML is malformedAnswer', async () => {
    const fake = (async () => new Response('not xml <<<')) as typeof fetch;
    await expect(createUnasClient({ apiBase, apiKey: 'k', fetch: fake }).login()).rejects.toMatchObject({ code: 'malformedAnswer' });
  });
});
