/**
 * Shoprenter's webhooks, in JSON and in XML, protected by our own ?token=; its numbers come as
 * JSON numbers next to texts (970.0714 next to "1006").
 */
import { adapters } from '../../../src/plugins/orders/server/src/features/integrations/adapters';
import { fixture, refusal, request } from './support';

const { shoprenter } = adapters;
const json = fixture('shoprenter_order_confirm_webhook.json');
const xml = fixture('shoprenter_order_confirm_webhook.xml');
const sample = () => JSON.parse(json.toString());

describe('verify', () => {
  test('the token in the query is the secret', () => {
    expect(shoprenter.verify(request(json, { query: { token: 's3cret-token' } }), 's3cret-token')).toBe('verified');
  });

  test('another, a missing or a longer token is not', () => {
    expect(shoprenter.verify(request(json, { query: { token: 'wrong' } }), 's3cret-token')).toBe('unauthorized');
    expect(shoprenter.verify(request(json), 's3cret-token')).toBe('unauthorized');
    expect(shoprenter.verify(request(json, { query: { token: 's3cret-token-and-more' } }), 's3cret-token')).toBe('unauthorized');
  });

  test('no secret configured lets nothing in', () => {
    expect(shoprenter.verify(request(json, { query: { token: '' } }), '')).toBe('unauthorized');
  });
});

describe('the order_confirm sample', () => {
  const [message] = shoprenter.read(request(json));
  const order = message.type === 'order' ? message.order : null;

  test('is order 190, status 1 "Pending", at its Budapest time', () => {
    expect(order).toMatchObject({
      externalId: '190',
      status: { code: '1', name: 'Pending', type: null },
      modifiedAt: '2025-12-01T19:57:40.000Z',
      currency: 'HUF',
      totals: { net: null, vat: null, gross: '11206' },
      paymentMethod: 'Cash on delivery',
      shippingMethod: 'Home delivery with courier',
    });
  });

  test('its lines, with the mixed number types kept as the shop wrote them', () => {
    expect(
      order?.lines.map(({ kind, sku, quantity, unitNet, vatPercent, net, vat, gross }) => [
        kind,
        sku,
        quantity,
        unitNet,
        vatPercent,
        net,
        vat,
        gross,
      ])
    ).toEqual([
      ['product', '996000004', '1', '945', '27', '945', '255.15', '1200.15'],
      ['product', 'TTA1234', '1', '9000', '0', '9000', '0', '9000'],
      ['shipping', null, '1', '970.0714', '3.7', '970.0714', '35.9286', '1006'],
    ]);
  });

  test('the guest customer with both addresses', () => {
    expect(order?.customer).toMatchObject({
      externalId: null,
      name: 'Peter Test',
      email: 'pterballa@gmail.com',
      phone: '+36304573549',
      billingAddress: { country: 'Hungary', postalCode: '4033', city: 'Debrecen', street: 'Test utca 5' },
      shippingAddress: { country: 'Hungary', postalCode: '4033', city: 'Debrecen', street: 'Test utca 5' },
    });
  });

  test('the XML form reads as the JSON one', () => {
    expect(shoprenter.read(request(xml, { contentType: 'text/xml; charset=utf-8' }))).toEqual([message]);
  });

  test('an untyped body is told by its first character', () => {
    expect(shoprenter.read(request(xml, { contentType: null }))).toEqual([message]);
  });
});

describe('variants', () => {
  test('one message per order', () => {
    const body = sample();
    body.orders.order.push({ ...body.orders.order[0], innerId: '191' });
    expect(shoprenter.read(request(body)).map((m) => (m.type === 'order' ? m.order.externalId : m.type))).toEqual(['190', '191']);
  });

  test('a cash-on-delivery fee and a coupon become their lines, the coupon negative', () => {
    const body = sample();
    Object.assign(body.orders.order[0], {
      paymentNetPrice: '394',
      paymentGrossPrice: 500,
      couponCode: 'NYAR10',
      couponGrossPrice: '1270',
      couponNetPrice: 1000,
    });
    const [message] = shoprenter.read(request(body));
    const lines = message.type === 'order' ? message.order.lines : [];
    expect(lines.slice(3).map(({ kind, name, net, vat, gross, vatPercent }) => [kind, name, net, vat, gross, vatPercent])).toEqual([
      ['fee', 'Cash on delivery', '394', '106', '500', '27'],
      ['coupon', 'NYAR10', '-1000', '-270', '-1270', '27'],
    ]);
  });

  test('a registered customer keeps its id', () => {
    const body = sample();
    body.orders.order[0].customerId = '77';
    const [message] = shoprenter.read(request(body));
    expect(message.type === 'order' && message.order.customer.externalId).toBe('77');
  });

  test('a quantity of "0" is badQuantity, named by its path', () => {
    const body = sample();
    body.orders.order[0].orderProducts.orderProduct[1].quantity = '0';
    expect(refusal(() => shoprenter.read(request(body)))).toEqual({
      code: 'badQuantity',
      message: 'orders.order[0].lines[1].quantity: must be greater than 0 (got "0")',
      path: 'orders.order[0].lines[1].quantity',
    });
  });

  test('a price of "9 000,00" is notANumber', () => {
    const body = sample();
    body.orders.order[0].orderProducts.orderProduct[1].price = '9 000,00';
    expect(refusal(() => shoprenter.read(request(body)))).toMatchObject({
      code: 'notANumber',
      path: 'orders.order[0].orderProducts.orderProduct[1].price',
    });
  });

  test('a missing innerId is missingExternalId', () => {
    const body = sample();
    delete body.orders.order[0].innerId;
    expect(refusal(() => shoprenter.read(request(body)))).toMatchObject({ code: 'missingExternalId' });
  });

  test('malformed XML and a DOCTYPE are refused', () => {
    expect(refusal(() => shoprenter.read(request('<orders><order></orders>', { contentType: 'application/xml' })))).toMatchObject({
      code: 'malformedXml',
    });
    const doctype = `<!DOCTYPE orders [<!ENTITY x "y">]>${xml.toString().replace(/<\?xml[^>]*>/, '')}`;
    expect(refusal(() => shoprenter.read(request(doctype, { contentType: 'application/xml' })))).toMatchObject({
      code: 'xmlDeclaresEntities',
    });
  });

  test('a form body is unsupportedContentType', () => {
    expect(refusal(() => shoprenter.read(request('a=1', { contentType: 'application/x-www-form-urlencoded' })))).toMatchObject({
      code: 'unsupportedContentType',
    });
  });
});
