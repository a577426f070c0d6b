/**
 * WooCommerce's webhooks: signed with base64 HMAC-SHA256 of the exact bytes, an unsigned ping,
 * order.deleted's bare id, and orders whose line grosses add up to WooCommerce's own `total`.
 */
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { adapters } from '../../../src/plugins/orders/server/src/features/integrations/adapters';
import type { NormalizedOrder } from '../../../src/plugins/orders/shared/contracts/normalized-order';
import { parseFixed } from '../../../src/plugins/orders/shared/domain/fixed-point';
import { fixture, refusal, request } from './support';

const { woocommerce } = adapters;
const SECRET = 'test_secret';
const compact = fixture('woocommerce_order_v3.compact.json');
const signatureOf = (body: Buffer) => createHmac('sha256', SECRET).update(body).digest('base64');
const topic = (name: string) => ({ headers: { 'x-wc-webhook-topic': name } });

const readOrder = (body: object | Buffer, name = 'order.updated'): NormalizedOrder => {
  const [message] = woocommerce.read(request(body, topic(name)));
  if (message.type !== 'order') throw new Error(`expected an order, got ${message.type}`);
  return message.order;
};
const hungarian = () => JSON.parse(fixture('woocommerce_hu_order.json').toString());
const sum = (texts: string[]) => texts.reduce((total, text) => total + parseFixed(text, 2), 0n);

describe('verify', () => {
  test('the compact fixture verifies with test_secret and its .sig', () => {
    const signature = /X-WC-Webhook-Signature=(\S+)/.exec(fixture('woocommerce_order_v3.compact.json.sig').toString())?.[1];
    expect(woocommerce.verify(request(compact, { headers: { 'x-wc-webhook-signature': signature } }), SECRET)).toBe('verified');
  });

  test('one changed byte does not', () => {
    const changed = Buffer.from(compact);
    changed[20] ^= 1;
    expect(woocommerce.verify(request(changed, { headers: { 'x-wc-webhook-signature': signatureOf(compact) } }), SECRET)).toBe(
      'unauthorized'
    );
  });

  test('another secret, no signature, or a signature of another length does not', () => {
    const signed = (signature: string | undefined) => request(compact, { headers: { 'x-wc-webhook-signature': signature } });
    expect(woocommerce.verify(signed(signatureOf(compact)), 'other_secret')).toBe('unauthorized');
    expect(woocommerce.verify(signed(undefined), SECRET)).toBe('unauthorized');
    expect(woocommerce.verify(signed('abc'), SECRET)).toBe('unauthorized');
  });

  test('the unsigned ping of a saved webhook is a ping, and says nothing', () => {
    const ping = request('webhook_id=15', { contentType: 'application/x-www-form-urlencoded' });
    expect(woocommerce.verify(ping, SECRET)).toBe('ping');
    expect(woocommerce.read(ping)).toEqual([]);
  });

  test('a JSON body without a signature is no ping', () => {
    expect(woocommerce.verify(request('{"webhook_id":15}'), SECRET)).toBe('unauthorized');
  });

  test('the delivery id is X-WC-Webhook-Delivery-ID', () => {
    expect(woocommerce.deliveryId(request(compact, { headers: { 'x-wc-webhook-delivery-id': 'a1b2' } }))).toBe('a1b2');
    expect(woocommerce.deliveryId(request(compact))).toBeNull();
  });
});

describe('the REST v3 sample', () => {
  const order = readOrder(compact);

  test('is the guest order 727, processing, in USD, modified at its GMT time', () => {
    expect(order).toMatchObject({
      externalId: '727',
      externalNumber: '727',
      status: { code: 'processing', name: null, type: null },
      currency: 'USD',
      modifiedAt: '2017-03-22T19:28:08.000Z',
      createdAt: '2017-03-22T19:28:02.000Z',
      customer: { externalId: null, name: 'John Doe', email: 'john.doe@example.com', phone: '(555) 555-5555' },
      totals: { net: '28.00', vat: '1.35', gross: '29.35' },
      paymentMethod: 'Direct Bank Transfer',
      shippingMethod: 'Flat Rate',
    });
  });

  test("keeps WooCommerce's money texts, the variation's SKU and decoded names", () => {
    expect(
      order.lines.map(({ kind, sku, name, quantity, net, vat, gross, vatPercent }) => ({
        kind,
        sku,
        name,
        quantity,
        net,
        vat,
        gross,
        vatPercent,
      }))
    ).toEqual([
      { kind: 'product', sku: null, name: 'Woo Single #1', quantity: '2', net: '6.00', vat: '0.45', gross: '6.45', vatPercent: '7.5' },
      {
        kind: 'product',
        sku: 'Bar3',
        name: 'Ship Your Idea – Color: Black, Size: M Test',
        quantity: '1',
        net: '12.00',
        vat: '0.90',
        gross: '12.90',
        vatPercent: '7.5',
      },
      { kind: 'shipping', sku: 'flat_rate', name: 'Flat Rate', quantity: '1', net: '10.00', vat: '0.00', gross: '10.00', vatPercent: '0' },
    ]);
  });

  test('the pretty-printed form reads as the compact one', () => {
    expect(readOrder(fixture('woocommerce_order_v3.json'))).toEqual(order);
  });
});

describe('a Hungarian shop in HUF', () => {
  const order = readOrder(hungarian(), 'order.created');

  test('27 % and 5 % lines, the coupon taken off once, shipping and a cash-on-delivery fee', () => {
    expect(
      order.lines.map(({ kind, sku, net, vat, gross, vatPercent, discountPercent }) => [
        kind,
        sku,
        net,
        vat,
        gross,
        vatPercent,
        discountPercent,
      ])
    ).toEqual([
      ['product', 'BOG-001', '4500', '1215', '5715', '27', '10'],
      ['product', 'KONYV-1', '3600', '180', '3780', '5', '10'],
      ['product', 'POLO-PIROS-XL', '2700', '729', '3429', '27', '10'],
      ['product', 'ISMERETLEN-99', '900', '243', '1143', '27', '10'],
      ['shipping', 'flat_rate', '1181', '319', '1500', '27', null],
      ['fee', null, '394', '106', '500', '27', null],
      ['coupon', null, '0', '0', '0', '0', null],
    ]);
  });

  test("the lines add up to WooCommerce's total", () => {
    expect(order.totals).toEqual({ net: '13275', vat: '2792', gross: '16067' });
    expect(sum(order.lines.map((line) => line.gross))).toBe(parseFixed('16067', 2));
  });

  test('a line keeps its unit price before the coupon, and the variable product its name', () => {
    expect(order.lines[0]).toMatchObject({ unitNet: '2500', quantity: '2' });
    expect(order.lines[2]).toMatchObject({ name: 'Póló – Piros, XL', externalId: '903' });
    expect(order.lines[6]).toMatchObject({ name: 'nyar10' });
  });

  test('the registered customer, named as Hungarians write it, with company, tax number and both addresses', () => {
    expect(order.customer).toEqual({
      externalId: '42',
      name: 'Kovács János',
      email: 'kovacs.janos@example.hu',
      phone: '+36301234567',
      company: 'Kovács és Társa Kft.',
      taxNumber: '12345678-2-06',
      billingAddress: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Fő utca 1. 2. emelet' },
      shippingAddress: { country: 'HU', postalCode: '6722', city: 'Szeged', street: 'Tisza Lajos krt. 5.' },
    });
    expect(order.note).toBe('Kérem, csöngessenek kétszer.');
  });

  test("without the tax lines' percents, a rounded forint tax is still its rate", () => {
    const body = hungarian();
    body.tax_lines = [];
    expect(readOrder(body).lines.map((line) => line.vatPercent)).toEqual(['27', '5', '27', '27', '27', '27', '0']);
  });

  test('a guest is customer_id 0', () => {
    expect(readOrder({ ...hungarian(), customer_id: 0 }).customer.externalId).toBeNull();
  });

  test('trash is a status like any other: the status map decides what it means', () => {
    expect(readOrder({ ...hungarian(), status: 'trash' }).status.code).toBe('trash');
  });

  test('numbers may come as JSON numbers or as texts', () => {
    const body = hungarian();
    body.line_items[0] = { ...body.line_items[0], quantity: '2', total: 4500, total_tax: 1215, subtotal: 5000 };
    expect(readOrder(body).lines[0]).toMatchObject({ quantity: '2', net: '4500', vat: '1215', gross: '5715' });
  });
});

describe('topics', () => {
  test('order.deleted is the id alone', () => {
    expect(woocommerce.read(request('{"id":727}', topic('order.deleted')))).toEqual([{ type: 'deleted', externalId: '727' }]);
  });

  test('order.deleted without an id is missingExternalId', () => {
    expect(refusal(() => woocommerce.read(request('{}', topic('order.deleted'))))).toMatchObject({ code: 'missingExternalId' });
  });

  test('order.restored is an order', () => {
    expect(readOrder(compact, 'order.restored').externalId).toBe('727');
  });

  test("a product's topic is not an order's", () => {
    expect(refusal(() => woocommerce.read(request(compact, topic('product.updated'))))).toMatchObject({ code: 'unsupportedTopic' });
  });

  test('an XML body is unsupportedContentType', () => {
    expect(refusal(() => woocommerce.read(request('<a/>', { contentType: 'application/xml' })))).toMatchObject({
      code: 'unsupportedContentType',
    });
  });
});

describe('what is refused, by name', () => {
  const withLine = (change: object) => {
    const body = hungarian();
    body.line_items[1] = { ...body.line_items[1], ...change };
    return () => readOrder(body);
  };

  test.each([
    ['a negative quantity', { quantity: -1 }, 'badQuantity', 'lines[1].quantity: must be greater than 0'],
    ['a zero quantity', { quantity: 0 }, 'badQuantity', 'lines[1].quantity: must be greater than 0'],
    ['an absurd quantity', { quantity: 5_999_640_123_456 }, 'badQuantity', 'lines[1].quantity: must be at most 1000000000'],
    ['"12,5" as a total', { total: '12,5' }, 'notANumber', 'line_items[1].total: "12,5" is not a number'],
    ['"abc" as a quantity', { quantity: 'abc' }, 'notANumber', 'line_items[1].quantity: "abc" is not a number'],
    ['a total of 1e3', { total: '1e3' }, 'notANumber', 'line_items[1].total: "1e3" is not a number'],
  ])('%s', (_case, change, code, message) => {
    expect(refusal(withLine(change))).toMatchObject({ code, message: expect.stringContaining(message) });
  });

  test('an unknown currency', () => {
    expect(refusal(() => readOrder({ ...hungarian(), currency: 'XYZ' }))).toMatchObject({
      code: 'unknownCurrency',
      message: 'currency: is not a known currency code (got "XYZ")',
      path: 'currency',
    });
  });

  test('a missing order id', () => {
    const { id: _id, ...body } = hungarian();
    expect(refusal(() => readOrder(body))).toMatchObject({ code: 'missingExternalId', path: 'externalId' });
  });

  test('malformed JSON', () => {
    expect(refusal(() => woocommerce.read(request('{"id":727', topic('order.updated'))))).toMatchObject({ code: 'malformedJson' });
  });
});

describe('property: the shop texts pass through unchanged', () => {
  const money = fc.bigInt({ min: 0n, max: 10_000_000n }).map((cents) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);
  const item = fc.record({ quantity: fc.integer({ min: 1, max: 999 }), subtotal: money, total: money, total_tax: money });

  test("every line's net and VAT are WooCommerce's, and the order's gross is its total", () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ total: money, total_tax: money }), { maxLength: 2 }),
        (items, shipping) => {
          const all = [...items, ...shipping];
          const cents = (text: string) => parseFixed(text, 2);
          const totalTax = all.reduce((t, line) => t + cents(line.total_tax), 0n);
          const total = all.reduce((t, line) => t + cents(line.total) + cents(line.total_tax), 0n);
          const text = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
          const order = readOrder({
            id: 1,
            status: 'processing',
            currency: 'EUR',
            total: text(total),
            total_tax: text(totalTax),
            billing: { first_name: 'Anna' },
            line_items: items.map((line, index) => ({ id: index + 1, name: `Cikk ${index}`, sku: `SKU-${index}`, price: 1, ...line })),
            shipping_lines: shipping.map((line, index) => ({ id: 100 + index, method_title: 'Futár', ...line })),
          });
          expect(order.lines.map((line) => [line.net, line.vat])).toEqual(all.map((line) => [line.total, line.total_tax]));
          expect(order.totals.gross).toBe(text(total));
          expect(sum(order.lines.map((line) => line.gross))).toBe(total);
        }
      ),
      { numRuns: 200 }
    );
  });
});
