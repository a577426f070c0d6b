/**
 * Bad input answers 400 naming the field at fault, with a code and its values, and changes nothing.
 */
import { FIELD_ERROR_CODES } from '../../src/plugins/orders/shared/contracts/errors';
import { ORDER_ACTIONS } from '../../src/plugins/orders/shared/domain/lifecycle';
import { VAT_RATES } from '../../src/plugins/orders/shared/domain/vat';
import { createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let item: { documentId: string; sku: string };
beforeAll(async () => {
  app = await startApp();
  item = await createStockItem(app.admin, { sku: 'VALID-1', onHand: '10' });
});
afterAll(() => app?.stop());

const counts = async () => ({
  orders: await app.strapi.db.query('plugin::orders.order').count(),
  lines: await app.strapi.db.query('plugin::orders.order-item').count(),
  customers: await app.strapi.db.query('plugin::orders.customer').count(),
  stockItems: await app.strapi.db.query('plugin::orders.stock-item').count(),
  movements: await app.strapi.db.query('plugin::orders.stock-movement').count(),
});

interface FieldError {
  path: string[];
  message: string;
  code: string;
  values: Record<string, unknown>;
}

/** Refused with 400 and nothing changed; `field`'s error has the code (and values) given. */
const expectRefused = async (
  send: () => Promise<{ status: number; body: any }>,
  field: string,
  message: RegExp,
  code: string,
  values: Record<string, unknown> = {}
) => {
  const before = await counts();
  const response = await send();
  expect(response.status).toBe(400);
  expect(response.body.data).toBeNull();
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.message).toMatch(message);
  const errors: FieldError[] = response.body.error.details.errors;
  for (const error of errors) {
    expect(FIELD_ERROR_CODES).toContain(error.code);
    expect(typeof error.message).toBe('string');
  }
  expect(errors.filter((e) => e.path.join('.') === field).map(({ code, values }) => ({ code, values }))).toContainEqual({ code, values });
  expect(await counts()).toEqual(before);
};

const line = (fields: Record<string, unknown>) => ({
  customer: { name: 'Vevő' },
  items: [{ stockItem: item.documentId, quantity: '1', ...fields }],
});

describe('a new order', () => {
  test.each([
    ['a missing quantity', { quantity: undefined }, /items\[0\]\.quantity/, 'required'],
    ['a non-numeric quantity', { quantity: 'two' }, /"two" is not a decimal number/, 'notNumber'],
    ['a quantity of the wrong type', { quantity: true }, /items\[0\]\.quantity/, 'notNumber'],
    ['a zero quantity', { quantity: '0' }, /must be greater than 0/, 'notPositive'],
    ['a negative quantity', { quantity: -1 }, /must be greater than 0/, 'notPositive'],
    ['a quantity with 4 decimals', { quantity: '1.2345' }, /more than 3 decimals/, 'decimals', { max: 3 }],
    ['an absurd quantity', { quantity: '1000000000' }, /must be less than 1000000000 in size/, 'tooLarge', { limit: '1000000000' }],
    ['an absurd price', { unitPrice: '1e15' }, /"1e15" is not a decimal number/, 'notNumber'],
    [
      'an unknown VAT rate',
      { vatRate: '25' },
      /must be one of 27, 18, 5, 0, AAM, TAM, EU, EUK, MAA/,
      'notOneOf',
      { allowed: [...VAT_RATES] },
    ],
    ['a discount above 100', { discountPercent: '100.01' }, /between 0 and 100/, 'percent'],
    ['a negative discount', { discountPercent: '-5' }, /between 0 and 100/, 'percent'],
    [
      'an unknown stock item',
      { stockItem: 'nosuchdocumentid' },
      /no stock item nosuchdocumentid/,
      'unknownStockItem',
      { stockItem: 'nosuchdocumentid' },
    ],
    ['a forint price with fillér', { unitPrice: '10.5' }, /more than 0 decimals \(HUF prices\)/, 'decimals', { max: 0 }],
    ['a note too long', { note: 'x'.repeat(2001) }, /items\[0\]\.note/, 'tooLong', { max: 2000 }],
  ])('refuses %s', async (_, fields, message, code, values = {}) => {
    const path = code === 'unknownStockItem' ? 'items.0.stockItem' : `items.0.${Object.keys(fields)[0]}`;
    await expectRefused(() => app.admin.post('/orders/orders', line(fields)), path, message, code, values);
  });

  test('refuses a line naming both a stock item and a SKU, a bad e-mail and a bad currency', async () => {
    const order = { customer: { name: 'Vevő' }, items: [{ stockItem: item.documentId, sku: item.sku, quantity: '1' }] };
    await expectRefused(() => app.admin.post('/orders/orders', order), 'items.0', /not both/, 'bothGiven', {
      fields: ['stockItem', 'sku'],
    });
    const customer = { customer: { name: 'Vevő', email: 'nem-email' }, items: [] };
    await expectRefused(() => app.admin.post('/orders/orders', customer), 'customer.email', /email/i, 'notEmail');
    await expectRefused(
      () => app.admin.post('/orders/orders', { ...customer, customer: { name: 'Vevő' }, currency: 'Ft' }),
      'currency',
      /ISO 4217/,
      'notCurrency'
    );
  });

  test('refuses an unknown SKU', async () => {
    await expectRefused(
      () => app.admin.post('/orders/orders', { customer: { name: 'Vevő' }, items: [{ sku: 'NO-SUCH', quantity: '1' }] }),
      'items.0.sku',
      /no stock item with SKU NO-SUCH/,
      'unknownSku',
      { sku: 'NO-SUCH' }
    );
  });

  test('refuses a free line without a name or a price, naming both', async () => {
    for (const field of ['items.0.name', 'items.0.unitPrice']) {
      await expectRefused(
        () => app.admin.post('/orders/orders', { customer: { name: 'Vevő' }, items: [{ quantity: '1' }] }),
        field,
        /is required for a line without a stock item/,
        'required'
      );
    }
  });

  test('names every bad line of an order at once', async () => {
    const response = await app.admin.post('/orders/orders', {
      customer: { name: 'Vevő' },
      items: [
        { sku: 'NOPE', quantity: '1' },
        { stockItem: item.documentId, quantity: '0' },
        { stockItem: item.documentId, quantity: '1' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['items.1.quantity']);
    const unknown = await app.admin.post('/orders/orders', {
      customer: { name: 'Vevő' },
      items: [
        { sku: 'NOPE', quantity: '1' },
        { stockItem: 'gone', quantity: '1' },
      ],
    });
    expect(unknown.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'items.0.sku',
      'items.1.stockItem',
    ]);
  });

  test('refuses an order without a customer, and unknown fields', async () => {
    await expectRefused(() => app.admin.post('/orders/orders', { items: [] }), 'customer', /give a customer/, 'required');
    await expectRefused(
      () => app.admin.post('/orders/orders', { customer: { name: 'Vevő' }, items: [], state: 'successful' }),
      '',
      /unknown field state/,
      'unknownField',
      { fields: ['state'] }
    );
  });

  test('a line in another currency must carry its own price', async () => {
    await expectRefused(
      () => app.admin.post('/orders/orders', { ...line({}), currency: 'EUR' }),
      'items.0.unitPrice',
      /stock items are priced in HUF, this order is in EUR/,
      'priceInOrderCurrency',
      { stockCurrency: 'HUF', currency: 'EUR' }
    );
  });

  test('malformed JSON is refused', async () => {
    const before = await counts();
    const response = await app.admin.post('/orders/orders', '{"customer": {"name": ').set('Content-Type', 'application/json');
    expect(response.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('changing an order', () => {
  test('refuses an unknown custom status', async () => {
    const order = await createOrder(app.admin, []);
    await expectRefused(
      () => app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: 'teleported' }),
      'customStatus',
      /unknown custom status "teleported"/,
      'unknownCustomStatus',
      { customStatus: 'teleported', allowed: ['processing', 'awaiting-confirmation', 'in-delivery'] }
    );
  });

  test('refuses a currency change without repriced lines', async () => {
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
    await expectRefused(
      () => app.admin.put(`/orders/orders/${order.documentId}`, { currency: 'EUR' }),
      'currency',
      /needs the items too/,
      'currencyNeedsItems'
    );
  });

  test('a bad line in an update changes nothing', async () => {
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
    await expectRefused(
      () =>
        app.admin.put(`/orders/orders/${order.documentId}`, {
          items: [
            { stockItem: item.documentId, quantity: '1' },
            { sku: 'GONE', quantity: '1' },
          ],
        }),
      'items.1.sku',
      /no stock item with SKU GONE/,
      'unknownSku',
      { sku: 'GONE' }
    );
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.items).toHaveLength(1);
  });

  test('restock applies to fail only', async () => {
    const order = await createOrder(app.admin, [{ stockItem: item.documentId, quantity: '1' }]);
    await expectRefused(
      () => app.admin.post(`/orders/orders/${order.documentId}/actions/finalize`, { restock: false }),
      'restock',
      /fail only/,
      'failOnly'
    );
  });

  test('an unknown order, stock item or action answers 404 with its code', async () => {
    const notFound = async (response: { status: number; body: any }, details: Record<string, unknown>) => {
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
      expect(response.body.error.details).toEqual(details);
    };
    await notFound(await app.admin.get('/orders/orders/nosuchorder'), { code: 'orderNotFound', id: 'nosuchorder' });
    await notFound(await app.admin.post('/orders/orders/nosuchorder/actions/finalize'), { code: 'orderNotFound', id: 'nosuchorder' });
    await notFound(await app.admin.get('/orders/stock-items/nosuchitem'), { code: 'stockItemNotFound', id: 'nosuchitem' });
    const order = await createOrder(app.admin, []);
    await notFound(await app.admin.post(`/orders/orders/${order.documentId}/actions/teleport`), {
      code: 'unknownAction',
      action: 'teleport',
      actions: [...ORDER_ACTIONS],
    });
  });
});

describe('list queries', () => {
  test.each([
    ['a bad date', '?from=2026-13-01', 'from', /must be a date/, 'notDate', {}],
    ['a range that ends before it starts', '?from=2026-11-20&to=2026-11-10', 'to', /before the from date/, 'toBeforeFrom', {}],
    ['a page size above 100', '?pageSize=500', 'pageSize', /pageSize/, 'aboveMax', { max: 100 }],
    ['page 0', '?page=0', 'page', /page/, 'belowMin', { min: 1 }],
    ['a page that is no number', '?page=two', 'page', /page/, 'notNumber', {}],
  ])('refuses %s', async (_, query, field, message, code, values) => {
    await expectRefused(() => app.admin.get(`/orders/orders${query}`), field, message, code, values);
  });
});

describe('stock items', () => {
  test('refuses a duplicate SKU on create and on update', async () => {
    await expectRefused(
      () => app.admin.post('/orders/stock-items', { sku: 'VALID-1', name: 'Másik', unitPrice: '1', vatRate: '27' }),
      'sku',
      /SKU VALID-1 is already used/,
      'skuTaken',
      { sku: 'VALID-1' }
    );
    const other = await createStockItem(app.admin);
    await expectRefused(
      () => app.admin.put(`/orders/stock-items/${other.documentId}`, { sku: 'VALID-1' }),
      'sku',
      /already used/,
      'skuTaken',
      {
        sku: 'VALID-1',
      }
    );
  });

  test('refuses setting onHand other than by an adjustment', async () => {
    await expectRefused(
      () => app.admin.put(`/orders/stock-items/${item.documentId}`, { onHand: '99' }),
      '',
      /unknown field onHand/,
      'unknownField',
      {
        fields: ['onHand'],
      }
    );
  });

  test('refuses a negative initial quantity and a bad VAT rate', async () => {
    await expectRefused(
      () => app.admin.post('/orders/stock-items', { sku: 'NEG', name: 'Neg', unitPrice: '1', vatRate: '27', onHand: '-1' }),
      'onHand',
      /must not be negative/,
      'negative'
    );
    await expectRefused(
      () => app.admin.post('/orders/stock-items', { sku: 'VAT', name: 'Vat', unitPrice: '1', vatRate: '20%' }),
      'vatRate',
      /must be one of/,
      'notOneOf',
      { allowed: [...VAT_RATES] }
    );
    await expectRefused(
      () => app.admin.post('/orders/stock-items', { sku: 'FT', name: 'Ft', unitPrice: '9.99', vatRate: '27' }),
      'unitPrice',
      /not a whole amount/,
      'decimals',
      { max: 0 }
    );
    await expectRefused(
      () => app.admin.post('/orders/stock-items', { sku: 'X'.repeat(65), name: 'Long', unitPrice: '1', vatRate: '27' }),
      'sku',
      /sku/,
      'tooLong',
      {
        max: 64,
      }
    );
  });

  test('refuses an adjustment without a reason, or of zero', async () => {
    const adjust = (body: object) => () => app.admin.post(`/orders/stock-items/${item.documentId}/adjustments`, body);
    await expectRefused(adjust({ delta: '5' }), 'reason', /reason/, 'required');
    await expectRefused(adjust({ delta: '5', reason: '  ' }), 'reason', /is required/, 'required');
    await expectRefused(adjust({ delta: '0', reason: 'x' }), 'delta', /must not be 0/, 'zero');
  });
});

describe('settings', () => {
  test('refuses an unknown driver, duplicate status keys and bad colours', async () => {
    await expectRefused(
      () => app.admin.put('/orders/settings', { inventoryDriver: 'magic' }),
      'inventoryDriver',
      /inventoryDriver/,
      'notOneOf',
      {
        allowed: ['orders', 'invoices'],
      }
    );
    const twice = { key: 'same', label: 'A', color: '#000000' };
    await expectRefused(
      () => app.admin.put('/orders/settings', { customStatuses: [twice, twice] }),
      'customStatuses.1.key',
      /keys must be unique/,
      'duplicateKeys'
    );
    await expectRefused(
      () => app.admin.put('/orders/settings', { customStatuses: [{ key: 'x', label: 'X', color: 'red' }] }),
      'customStatuses.0.color',
      /colour/,
      'notColour'
    );
    await expectRefused(
      () => app.admin.put('/orders/settings', { customStatuses: [{ key: 'Nagy Betű', label: 'X', color: '#000000' }] }),
      'customStatuses.0.key',
      /lowercase/,
      'notStatusKey'
    );
    await expectRefused(
      () => app.admin.put('/orders/settings', { allowNegativeStock: 'yes' }),
      'allowNegativeStock',
      /boolean/,
      'wrongType',
      {
        expected: 'boolean',
      }
    );
    expect((await app.admin.get('/orders/settings')).body.data.inventoryDriver).toBe('orders');
  });

  test('a PUT changes only the fields it sends', async () => {
    const response = await app.admin.put('/orders/settings', { allowNegativeStock: true });
    expect(response.body.data).toMatchObject({ inventoryDriver: 'orders', allowNegativeStock: true });
    expect(response.body.data.customStatuses.length).toBeGreaterThan(0);
    await app.admin.put('/orders/settings', { allowNegativeStock: false });
  });
});

test('an oversized body is refused and changes nothing', async () => {
  const before = await counts();
  const items = Array.from({ length: 1800 }, () => ({ name: 'x'.repeat(250), quantity: '1', unitPrice: '1', note: 'y'.repeat(1000) }));
  const response = await app.admin.post('/orders/orders', { customer: { name: 'Vevő' }, items });
  expect(response.status).toBe(413);
  expect(await counts()).toEqual(before);
});
