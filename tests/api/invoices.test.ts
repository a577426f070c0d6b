/**
 * Invoices over HTTP on a real Strapi: issued from a fulfilled order with every field Áfa tv.
 * 169. § asks, refused with the reason when something is missing, numbered without gaps even
 * when an issue fails, stornoed with a reference to the original, frozen whatever changes later,
 * and booking stock when invoices drive it. On PostgreSQL, fifty issues from two app processes at
 * once take fifty consecutive numbers.
 */
import { usesPostgres } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { strFromU8, unzipSync } from 'fflate';
import { schemaErrors } from '../helpers/nav-schema';
import { pdfPages } from '../helpers/pdf';
import { INVOICE_TEMPLATE, SELLER } from '../helpers/sample-invoices';
import { act, createOrder, createStockItem, ledgerDisagreements, onHand, setSettings } from '../helpers/fixtures';
import { startSecondProcess } from '../helpers/second-process';
import { startApp, type Api, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** The seller of the sample invoices: the company settings these invoices are issued with. */
const COMPANY = SELLER;

const COMPANY_BUYER = {
  name: 'Nagy Péter',
  company: 'Vevő Bt.',
  taxNumber: '24387774-2-06',
  email: 'penzugy@vevo.hu',
  address: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 1.' },
};

const PRIVATE_BUYER = { name: 'Kovács Éva', address: { country: 'HU', postalCode: '9021', city: 'Győr', street: 'Baross út 3.' } };

const year = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Budapest', year: 'numeric' }).format(new Date()));
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Budapest' }).format(new Date());

/** A manual order moved to `state` through the engine's buttons. */
const orderIn = async (
  state: 'draft' | 'finalized' | 'fulfilled' | 'successful',
  items: Array<Record<string, unknown>>,
  customer: object = COMPANY_BUYER,
  fields: object = {}
) => {
  const order = await createOrder(app.admin, items, { customer, ...fields });
  const path = { draft: [], finalized: ['finalize'], fulfilled: ['finalize', 'fulfil'], successful: ['finalize', 'fulfil', 'succeed'] }[
    state
  ];
  for (const action of path) expect((await act(app.admin, order.documentId, action)).status).toBe(200);
  return order;
};

const issue = (orderId: string, body: object = {}, api: Api = app.admin) => api.post(`/orders/orders/${orderId}/invoice`, body);

/** The sequence numbers of invoice numbers of the default pattern: "2026-E/00007" → 7. */
const sequenceOf = (number: string) => Number(/\/(\d+)$/.exec(number)![1]);

beforeAll(async () => {
  expect((await setSettings(app.admin, { company: COMPANY })).status).toBe(200);
});

describe('issuing', () => {
  test('a fulfilled order is invoiced with everything §169 asks, and the order lists its invoice', async () => {
    const coffee = await createStockItem(app.admin, { name: 'Pörkölt kávé', unitPrice: '12990', unit: 'kg', onHand: '20' });
    const order = await orderIn('fulfilled', [
      { stockItem: coffee.documentId, quantity: '2', discountPercent: '10' },
      { name: 'Barista tanfolyam', quantity: '1', unitPrice: '15000', vatRate: 'AAM', note: 'December 12.' },
    ]);
    const response = await issue(order.documentId, { paymentMethod: 'card' });
    expect(response.status).toBe(201);
    const invoice = response.body.data;
    expect(invoice.number).toMatch(new RegExp(`^${year()}-E/\\d{5}$`));
    expect(invoice).toMatchObject({
      series: 'E',
      type: 'invoice',
      state: 'issued',
      order: { documentId: order.documentId, number: order.number },
      stornoOf: null,
      issueDate: today(),
      fulfilmentDate: today(),
      paymentMethod: 'card',
      currency: 'HUF',
      exchangeRate: '1',
      language: 'hu',
      seller: COMPANY,
      buyer: {
        name: 'Vevő Bt.',
        vatStatus: 'domestic',
        taxNumber: '24387774-2-06',
        euVatNumber: null,
        address: COMPANY_BUYER.address,
      },
      pdf: { state: expect.stringMatching(/pending|failed|issued/) },
    });
    // Due by the settings' default: eight days.
    expect(Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)).toBe(8 * 86_400_000);
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        position: 1,
        name: 'Pörkölt kávé',
        sku: coffee.sku,
        stockItem: coffee.documentId,
        quantity: '2',
        unit: 'kg',
        unitPrice: '12990',
        discountPercent: '10',
        vatRate: '27',
        vatPercentage: '0.27',
        exemption: null,
        net: '23382',
        vat: '6313',
        gross: '29695',
        vatHuf: '6313',
      }),
      expect.objectContaining({
        position: 2,
        vatRate: 'AAM',
        vatPercentage: null,
        exemption: { category: 'vatExemption', case: 'AAM', reason: 'Alanyi adómentes (Áfa tv. XIII. fejezet)' },
        net: '15000',
        vat: '0',
        note: 'December 12.',
      }),
    ]);
    expect(invoice.totals).toMatchObject({ net: '38382', vat: '6313', gross: '44695', grossHuf: '44695' });
    expect(invoice.totals.byVatRate.map((row: { vatRate: string; net: string }) => [row.vatRate, row.net])).toEqual([
      ['27', '23382'],
      ['AAM', '15000'],
    ]);
    expect(invoice.issuedBy).toMatchObject({ type: 'admin' });

    const after = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data;
    expect(after.invoices).toEqual([
      { documentId: invoice.documentId, number: invoice.number, type: 'invoice', state: 'issued', issueDate: today(), gross: '44695' },
    ]);
    expect(after.history.at(-1)).toMatchObject({ action: 'invoice', from: 'fulfilled', to: 'fulfilled', note: invoice.number });
    expect((await app.admin.get(`/orders/invoices/${invoice.documentId}`)).body.data).toEqual(
      expect.objectContaining({ number: invoice.number, lines: invoice.lines })
    );
  });

  test('one invoice in force per order; a draft or finalized order is not invoiced', async () => {
    const order = await orderIn('successful', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    expect((await issue(order.documentId)).status).toBe(201);
    const again = await issue(order.documentId);
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ code: 'alreadyInvoiced', number: order.number });

    for (const state of ['draft', 'finalized'] as const) {
      const early = await orderIn(state, [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
      const refused = await issue(early.documentId);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details).toMatchObject({ code: 'orderNotInvoiceable', state });
    }
    expect((await issue('no-such-order')).status).toBe(404);
  });

  test('a company buyer without a tax number, a buyer without an address, a foreign currency without a rate: 400 naming them', async () => {
    const line = [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }];
    const noTaxNumber = await orderIn('fulfilled', line, { ...COMPANY_BUYER, taxNumber: null });
    const refused = await issue(noTaxNumber.documentId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['customer', 'taxNumber'], code: 'buyerTaxNumber' }),
    ]);

    const noAddress = await orderIn('fulfilled', line, { name: 'Kiss Anna' });
    const paths = (await issue(noAddress.documentId)).body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toEqual(['customer.address.country', 'customer.address.postalCode', 'customer.address.city', 'customer.address.street']);

    const euros = await orderIn('fulfilled', [{ name: 'Mug', quantity: '1', unitPrice: '12.50' }], COMPANY_BUYER, { currency: 'EUR' });
    const noRate = await issue(euros.documentId);
    expect(noRate.status).toBe(400);
    expect(noRate.body.error.details.errors[0]).toMatchObject({ path: ['exchangeRate'], code: 'exchangeRateRequired' });
    expect((await issue(noTaxNumber.documentId, { exchangeRate: '400' })).body.error.details.errors[0]).toMatchObject({
      code: 'exchangeRateNotTaken',
    });
    expect((await issue(euros.documentId, { dueDate: '2000-01-01' })).body.error.details.errors[0]).toMatchObject({
      path: ['dueDate'],
      code: 'belowMin',
    });
    expect((await issue(euros.documentId, { issueDate: '2999-01-01', exchangeRate: '400' })).body.error.details.errors[0]).toMatchObject({
      path: ['issueDate'],
      code: 'aboveMax',
    });
    expect((await issue(euros.documentId, { series: 'X' })).body.error.details.errors[0]).toMatchObject({
      path: ['series'],
      code: 'unknownSeries',
    });
    expect((await app.admin.get(`/orders/orders/${euros.documentId}`)).body.data.invoices).toEqual([]);
  });

  test('an invoice in euros carries the exchange rate and every amount in whole forints', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Shipping', quantity: '1', unitPrice: '12.40' }], COMPANY_BUYER, {
      currency: 'EUR',
      language: 'en',
    });
    const invoice = (await issue(order.documentId, { exchangeRate: '395.12' })).body.data;
    expect(invoice).toMatchObject({ currency: 'EUR', exchangeRate: '395.12', language: 'en' });
    expect(invoice.totals).toMatchObject({ net: '12.40', vat: '3.35', gross: '15.75', netHuf: '4899', vatHuf: '1324', grossHuf: '6223' });
  });

  test('a private buyer is a private person on the invoice, without a tax number', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }], PRIVATE_BUYER);
    const invoice = (await issue(order.documentId, { paymentMethod: 'cashOnDelivery' })).body.data;
    expect(invoice.buyer).toEqual({
      name: 'Kovács Éva',
      vatStatus: 'privatePerson',
      address: PRIVATE_BUYER.address,
      taxNumber: null,
      euVatNumber: null,
      email: null,
    });
  });

  test('an invoice is a snapshot: later changes of the company and the customer leave it as it was', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const invoice = (await issue(order.documentId)).body.data;
    expect((await setSettings(app.admin, { company: { ...COMPANY, name: 'Új Név Kft.' } })).status).toBe(200);
    const customer = (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.customer;
    expect((await app.admin.put(`/orders/customers/${customer.documentId}`, { ...COMPANY_BUYER, company: 'Más Bt.' })).status).toBe(200);
    const later = (await app.admin.get(`/orders/invoices/${invoice.documentId}`)).body.data;
    expect(later.seller.name).toBe('Példa Kávé Kft.');
    expect(later.buyer.name).toBe('Vevő Bt.');
    await setSettings(app.admin, { company: COMPANY });
  });

  test('issuing is refused, naming each field, while the company details are incomplete', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    expect((await setSettings(app.admin, { company: { name: 'Csak Név Kft.' } })).status).toBe(200);
    const refused = await issue(order.documentId);
    await setSettings(app.admin, { company: COMPANY });
    expect(refused.status).toBe(400);
    expect(
      refused.body.error.details.errors.map((error: { path: string[]; code: string }) => `${error.path.join('.')} ${error.code}`)
    ).toEqual([
      'company.address.country sellerIncomplete',
      'company.address.postalCode sellerIncomplete',
      'company.address.city sellerIncomplete',
      'company.address.street sellerIncomplete',
      'company.taxNumber sellerIncomplete',
      'company.bankAccount sellerIncomplete',
    ]);
  });

  test('several orders at once: a result per order', async () => {
    const line = [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }];
    const [good, draft] = [await orderIn('fulfilled', line), await orderIn('draft', line)];
    const response = await app.admin.post('/orders/invoices/bulk', { orders: [good.documentId, draft.documentId, 'nope'] });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { order: good.documentId, ok: true, invoice: { documentId: expect.any(String), number: expect.any(String) } },
      { order: draft.documentId, ok: false, error: expect.objectContaining({ status: 409, code: 'orderNotInvoiceable' }) },
      { order: 'nope', ok: false, error: expect.objectContaining({ status: 404, code: 'orderNotFound' }) },
    ]);
  });
});

describe('numbers', () => {
  test('the series shows its next number; numbers follow one another without a gap, even past a failed issue', async () => {
    const next = (await app.admin.get('/orders/invoices/series')).body.data;
    expect(next).toEqual([
      { key: 'E', name: 'Számlák', pattern: '{year}-E/{seq:5}', nextNumber: expect.stringMatching(/^\d{4}-E\/\d{5}$/) },
    ]);
    const first = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const a = (await issue(first.documentId)).body.data.number;
    expect(a).toBe(next[0].nextNumber);

    // Refused after its number was taken (the stock is short, under the invoices driver): the number is not used up.
    const scarce = await createStockItem(app.admin, { onHand: '1' });
    await setSettings(app.admin, { inventoryDriver: 'invoices' });
    const short = await orderIn('fulfilled', [{ stockItem: scarce.documentId, quantity: '5' }]);
    const refused = await issue(short.documentId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({
      code: 'stockShortage',
      shortages: [{ sku: scarce.sku, requested: '5', available: '1' }],
    });
    await setSettings(app.admin, { inventoryDriver: 'orders' });

    const second = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const b = (await issue(second.documentId)).body.data.number;
    expect(sequenceOf(b)).toBe(sequenceOf(a) + 1);
  });

  test('an issue retried with its Idempotency-Key answers the same invoice and takes no second number', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const headers = { 'Idempotency-Key': `invoice-${order.documentId}` };
    const [first, retried] = [
      await app.admin.postWith(headers, `/orders/orders/${order.documentId}/invoice`, {}),
      await app.admin.postWith(headers, `/orders/orders/${order.documentId}/invoice`, {}),
    ];
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.body.data.number).toBe(first.body.data.number);
    const next = (await app.admin.get('/orders/invoices/series')).body.data[0].nextNumber;
    expect(sequenceOf(next)).toBe(sequenceOf(first.body.data.number) + 1);
  });

  test('a series of its own pattern, and a pattern without the year is refused', async () => {
    const invoicing = (await app.admin.get('/orders/settings')).body.data.invoicing;
    const wrong = await setSettings(app.admin, {
      invoicing: { ...invoicing, series: [...invoicing.series, { key: 'W', name: 'Web', pattern: 'W-{seq}' }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.errors[0]).toMatchObject({ path: ['invoicing', 'series', '1', 'pattern'], code: 'notInvoicePattern' });
    const saved = await setSettings(app.admin, {
      invoicing: { ...invoicing, series: [...invoicing.series, { key: 'W', name: 'Web', pattern: 'W{year}/{seq:3}' }] },
    });
    expect(saved.status).toBe(200);
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    expect((await issue(order.documentId, { series: 'W' })).body.data).toMatchObject({ series: 'W', number: `W${year()}/001` });
    expect((await app.admin.get('/orders/invoices?series=W')).body.data.map((row: { number: string }) => row.number)).toEqual([
      `W${year()}/001`,
    ]);
    await setSettings(app.admin, { invoicing });
  });

  test(`fifty issues at once${usesPostgres() ? ', from two app processes,' : ''} take fifty consecutive numbers`, async () => {
    // Made through the engine's service, not over HTTP: the race is what this test is about.
    const engine = app.strapi.plugin('orders').service('orders');
    const actor = { type: 'system', name: 'test' };
    const orders = [];
    for (let i = 0; i < 50; i += 1) {
      const order = await engine.create(
        { customer: COMPANY_BUYER, items: [{ name: `Tétel ${i}`, quantity: '1', unitPrice: '100' }] },
        actor
      );
      await engine.transition(order.documentId, 'finalize', {}, actor);
      orders.push(await engine.transition(order.documentId, 'fulfil', {}, actor));
    }
    const second = usesPostgres() ? await startSecondProcess() : null;
    try {
      const apis = second ? [app.admin, app.admin.at(second.url)] : [app.admin];
      const responses = await Promise.all(orders.map((order, i) => issue(order.documentId, {}, apis[i % apis.length])));
      expect(responses.map((response) => response.status)).toEqual(orders.map(() => 201));
      const sequences = responses.map((response) => sequenceOf(response.body.data.number)).sort((x, y) => x - y);
      expect(sequences).toEqual(sequences.map((_, i) => sequences[0] + i));
    } finally {
      await second?.stop();
    }
  });
});

describe('storno', () => {
  test('a storno takes the next number, negates the lines, refers to the original, which is marked stornoed and stays as it was', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '3', unitPrice: '2500' }]);
    const original = (await issue(order.documentId)).body.data;
    // The original's PDF, made before the storno: the same bytes after it.
    const madeBefore = await eventually(async () => {
      const { pdf } = (await app.admin.get(`/orders/invoices/${original.documentId}`)).body.data;
      return pdf.state === 'issued' ? pdf : null;
    });
    expect((await app.admin.post(`/orders/invoices/${original.documentId}/storno`, {})).status).toBe(400);
    const response = await app.admin.post(`/orders/invoices/${original.documentId}/storno`, { reason: 'A vevő visszaküldte' });
    expect(response.status).toBe(201);
    const storno = response.body.data;
    expect(sequenceOf(storno.number)).toBe(sequenceOf(original.number) + 1);
    expect(storno).toMatchObject({
      type: 'storno',
      state: 'issued',
      stornoOf: { documentId: original.documentId, number: original.number, issueDate: original.issueDate },
      stornoReason: 'A vevő visszaküldte',
      modificationIndex: 1,
      issueDate: today(),
      buyer: original.buyer,
      seller: original.seller,
      totals: { net: '-7500', vat: '-2025', gross: '-9525' },
    });
    expect(storno.lines[0]).toMatchObject({ quantity: '-3', unitPrice: '2500', net: '-7500', gross: '-9525' });

    const after = (await app.admin.get(`/orders/invoices/${original.documentId}`)).body.data;
    expect(after.pdf.contentHash).toBe(madeBefore.contentHash);
    expect(after).toEqual({
      ...original,
      state: 'stornoed',
      stornoedBy: { documentId: storno.documentId, number: storno.number },
      pdf: after.pdf,
    });

    const twice = await app.admin.post(`/orders/invoices/${original.documentId}/storno`, { reason: 'megint' });
    expect(twice.body.error.details).toMatchObject({ code: 'alreadyStornoed', storno: storno.number });
    const ofStorno = await app.admin.post(`/orders/invoices/${storno.documentId}/storno`, { reason: 'x' });
    expect(ofStorno.body.error.details.code).toBe('stornoOfStorno');

    // Stornoed, the order is invoiced again.
    const again = await issue(order.documentId);
    expect(again.status).toBe(201);
    expect(
      (await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.invoices.map(
        (row: { type: string; state: string }) => `${row.type} ${row.state}`
      )
    ).toEqual(['invoice stornoed', 'storno issued', 'invoice issued']);
    expect((await app.admin.get(`/orders/invoices?order=${order.documentId}&state=stornoed`)).body.data).toHaveLength(1);
  });
});

describe('stock', () => {
  const line = (item: { documentId: string }, quantity = '2') => [{ stockItem: item.documentId, quantity }];

  test('when invoices drive stock, issuing books the lines and a storno returns them; orders then book nothing', async () => {
    await setSettings(app.admin, { inventoryDriver: 'invoices' });
    try {
      const item = await createStockItem(app.admin, { onHand: '10' });
      const order = await orderIn('fulfilled', line(item));
      expect(await onHand(app.admin, item.documentId)).toBe('10');
      const invoice = (await issue(order.documentId)).body.data;
      expect(await onHand(app.admin, item.documentId)).toBe('8');
      // Moving the order on does not book again.
      expect((await act(app.admin, order.documentId, 'succeed')).status).toBe(200);
      expect(await onHand(app.admin, item.documentId)).toBe('8');
      const storno = (await app.admin.post(`/orders/invoices/${invoice.documentId}/storno`, { reason: 'visszáru' })).body.data;
      expect(await onHand(app.admin, item.documentId)).toBe('10');
      // Each movement names its cause as a code and links the invoice; the admin words it.
      const movements = (await app.admin.get(`/orders/stock-items/${item.documentId}/movements`)).body.data;
      expect(movements.slice(0, 2)).toEqual([
        expect.objectContaining({
          kind: 'order',
          quantity: '2',
          cause: 'storno',
          reason: null,
          invoice: expect.objectContaining({ number: storno.number }),
        }),
        expect.objectContaining({
          kind: 'order',
          quantity: '-2',
          cause: 'invoice',
          reason: null,
          invoice: expect.objectContaining({ number: invoice.number }),
        }),
      ]);
    } finally {
      await setSettings(app.admin, { inventoryDriver: 'orders' });
    }
  });

  test('when orders drive stock, invoices never touch it', async () => {
    const item = await createStockItem(app.admin, { onHand: '10' });
    const order = await orderIn('fulfilled', line(item));
    expect(await onHand(app.admin, item.documentId)).toBe('8');
    const invoice = (await issue(order.documentId)).body.data;
    await app.admin.post(`/orders/invoices/${invoice.documentId}/storno`, { reason: 'visszáru' });
    expect(await onHand(app.admin, item.documentId)).toBe('8');
  });

  test('switching the driver with orders and invoices in every state: each order holds what its driver says, once, and Σ movements = on hand', async () => {
    const item = await createStockItem(app.admin, { onHand: '100' });
    const held = async () => 100 - Number(await onHand(app.admin, item.documentId));
    // Under orders: finalized, fulfilled and successful orders hold 2 each; one fulfilled order is invoiced too.
    const finalized = await orderIn('finalized', line(item));
    const fulfilled = await orderIn('fulfilled', line(item));
    const invoicedUnderOrders = await orderIn('fulfilled', line(item));
    const underOrders = (await issue(invoicedUnderOrders.documentId)).body.data;
    await orderIn('draft', line(item));
    expect(await held()).toBe(6);

    await setSettings(app.admin, { inventoryDriver: 'invoices' });
    try {
      // Invoicing an order that holds its goods already moves nothing: it holds them once.
      const fulfilledInvoice = (await issue(fulfilled.documentId)).body.data;
      expect(await held()).toBe(6);
      // An order changed now lets go of what only its state held: a finalized order fulfilled, uninvoiced.
      expect((await act(app.admin, finalized.documentId, 'fulfil')).status).toBe(200);
      expect(await held()).toBe(4);
      // A new order under invoices: nothing until its invoice.
      const fresh = await orderIn('fulfilled', line(item));
      expect(await held()).toBe(4);
      const freshInvoice = (await issue(fresh.documentId)).body.data;
      expect(await held()).toBe(6);
      // A storno of an invoice issued under orders returns its order's goods.
      await app.admin.post(`/orders/invoices/${underOrders.documentId}/storno`, { reason: 'x' });
      expect(await held()).toBe(4);
      await app.admin.post(`/orders/invoices/${freshInvoice.documentId}/storno`, { reason: 'x' });
      expect(await held()).toBe(2);

      // A failed order whose invoice stands still holds its goods: the sale stands until the storno.
      const failing = await orderIn('fulfilled', line(item));
      const failingInvoice = (await issue(failing.documentId)).body.data;
      expect(await held()).toBe(4);
      expect((await act(app.admin, failing.documentId, 'fail')).status).toBe(200);
      expect(await held()).toBe(4);
      await app.admin.post(`/orders/invoices/${failingInvoice.documentId}/storno`, { reason: 'x' });
      expect(await held()).toBe(2);

      await setSettings(app.admin, { inventoryDriver: 'orders' });
      // Back under orders: the fulfilled order whose invoice stands holds through its state; a storno changes nothing.
      await app.admin.post(`/orders/invoices/${fulfilledInvoice.documentId}/storno`, { reason: 'x' });
      expect(await held()).toBe(2);
      // Orders changed now hold by their state again.
      expect((await act(app.admin, fresh.documentId, 'succeed')).status).toBe(200);
      expect(await held()).toBe(4);
    } finally {
      await setSettings(app.admin, { inventoryDriver: 'orders' });
    }
    expect(await ledgerDisagreements(app.strapi)).toEqual([]);
  });
});

describe('downloads, list and permissions', () => {
  test('the list filters by state, type and date and searches number and buyer', async () => {
    const all = (await app.admin.get('/orders/invoices?pageSize=100')).body;
    expect(all.meta.pagination.total).toBeGreaterThan(50);
    const first = all.data[0];
    expect(first).toEqual(
      expect.objectContaining({
        documentId: expect.any(String),
        number: expect.any(String),
        buyer: { name: expect.any(String) },
        totals: expect.any(Object),
      })
    );
    expect(
      (await app.admin.get(`/orders/invoices?q=${encodeURIComponent(first.number)}`)).body.data.map((row: { number: string }) => row.number)
    ).toEqual([first.number]);
    // Accents and case forgiven: "KOVACS eva" finds Kovács Éva's invoices, and only hers.
    const hers = (await app.admin.get('/orders/invoices?q=KOVACS%20eva')).body.data;
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((row: { buyer: { name: string } }) => row.buyer.name === 'Kovács Éva')).toBe(true);
    expect((await app.admin.get('/orders/invoices?type=storno')).body.data.every((row: { type: string }) => row.type === 'storno')).toBe(
      true
    );
    expect((await app.admin.get(`/orders/invoices?from=${today()}&to=${today()}`)).body.meta.pagination.total).toBe(
      all.meta.pagination.total
    );
    expect((await app.admin.get('/orders/invoices?from=2000-01-01&to=2000-01-02')).body.data).toEqual([]);
    expect((await app.admin.get('/orders/invoices?from=2000-01-02&to=2000-01-01')).status).toBe(400);
  });

  test('the NAV XML of one invoice and a ZIP of a date range download; the PDF is made after the issue', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const invoice = (await issue(order.documentId)).body.data;
    const xml = await app.admin.get(`/orders/invoices/${invoice.documentId}/nav.xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.headers['content-disposition']).toContain(`szamla-${invoice.number.replace('/', '_')}.xml`);
    expect(xml.text).toContain(`<invoiceNumber>${invoice.number}</invoiceNumber>`);
    expect(await schemaErrors(xml.text)).toEqual([]);
    const zip = await app.admin.bytes(`/orders/invoices/nav.zip?from=${today()}&to=${today()}`);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    // Every invoice and storno of the day, each valid.
    const files = unzipSync(new Uint8Array(zip.body));
    expect(Object.keys(files)).toContain(`${invoice.number.replace('/', '_')}.xml`);
    expect(Object.keys(files).length).toBe(
      (await app.admin.get(`/orders/invoices?from=${today()}&to=${today()}`)).body.meta.pagination.total
    );
    expect(await schemaErrors(Object.values(files).map((bytes) => strFromU8(bytes)))).toEqual([]);
    expect((await app.admin.get('/orders/invoices/nav.zip')).status).toBe(400);

    const made = await eventually(async () => {
      const { pdf } = (await app.admin.get(`/orders/invoices/${invoice.documentId}`)).body.data;
      return pdf.state === 'pending' ? null : pdf;
    });
    expect(made.state).toBe('issued');
    const pdf = await app.admin.bytes(`/orders/invoices/${invoice.documentId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(pdf.body)).join('\n');
    for (const field of [
      'SZÁMLA',
      invoice.number,
      COMPANY.name,
      COMPANY.taxNumber,
      COMPANY.bankAccount,
      'Vevő Bt.',
      COMPANY_BUYER.taxNumber,
      'Bögre',
    ]) {
      expect(text).toContain(field);
    }
    // Made once: asked again, the same bytes.
    const again = await app.admin.bytes(`/orders/invoices/${invoice.documentId}/pdf`);
    expect(again.headers.etag).toBe(`"${made.contentHash}"`);
  });

  test('each button needs its permission', async () => {
    const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
    const reader = await app.as(['plugin::orders.invoice.read', 'plugin::orders.order.read']);
    expect((await issue(order.documentId, {}, reader)).status).toBe(403);
    const issuer = await app.as(['plugin::orders.invoice.issue']);
    const invoice = (await issue(order.documentId, {}, issuer)).body.data;
    expect((await issuer.get(`/orders/invoices/${invoice.documentId}`)).status).toBe(403);
    expect((await reader.get(`/orders/invoices/${invoice.documentId}`)).status).toBe(200);
    expect((await reader.post(`/orders/invoices/${invoice.documentId}/storno`, { reason: 'x' })).status).toBe(403);
  });
});

describe('invoice templates', () => {
  const TEMPLATE = INVOICE_TEMPLATE;

  test('a custom invoice template, the default of its kind, makes the invoices’ PDFs; the order documents keep theirs', async () => {
    const incomplete = await app.admin.post('/orders/templates', {
      name: 'Hiányos',
      kind: 'invoice',
      definition: { content: [{ heading: {} }] },
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.errors.map((error: { code: string }) => error.code)).toEqual([
      'blockMissing',
      'blockMissing',
      'blockMissing',
      'blockMissing',
      'blockMissing',
    ]);
    const created = await app.admin.post('/orders/templates', {
      name: 'Kávéház számla',
      kind: 'invoice',
      definition: TEMPLATE,
      isDefault: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ kind: 'invoice', isDefault: true, version: 1 });
    const template = created.body.data;
    try {
      const order = await orderIn('fulfilled', [{ name: 'Bögre', quantity: '1', unitPrice: '2500' }]);
      const invoice = (await issue(order.documentId)).body.data;

      const preview = await app.admin.post('/orders/templates/preview', { definition: TEMPLATE, invoice: invoice.documentId });
      expect(preview.status).toBe(200);
      expect((await pdfPages(Buffer.from(preview.body.data.base64, 'base64'))).join('\n')).toContain('Számla – Kávéház');
      // An order template's rules refuse an invoice's blocks.
      expect((await app.admin.post('/orders/templates/preview', { definition: TEMPLATE, order: order.documentId })).status).toBe(400);

      const made = await eventually(async () => {
        const { pdf } = (await app.admin.get(`/orders/invoices/${invoice.documentId}`)).body.data;
        return pdf.state === 'issued' ? pdf : null;
      });
      expect(made.template).toEqual({ key: template.key, version: 1 });
      const text = (await pdfPages((await app.admin.bytes(`/orders/invoices/${invoice.documentId}/pdf`)).body)).join('\n');
      expect(text).toContain('Számla – Kávéház');
      expect(text).toContain(`${COMPANY.name} · ${invoice.number} · 1/1`);
      // The order documents' default is still the built-in one.
      expect(
        (await app.admin.get('/orders/templates')).body.data.filter((row: { isDefault: boolean; kind: string }) => row.isDefault)
      ).toEqual([expect.objectContaining({ key: template.key, kind: 'invoice' })]);
    } finally {
      await app.admin.delete(`/orders/templates/${template.key}`);
    }
  });
});
