/**
 * Order documents on a real Strapi and database: the seller's details in the settings, the PDF a
 * finalize issues after its commit (exactly one, none for a refused or rolled-back finalize), what
 * the PDF says, its pages, reissue and retry that keep every earlier version byte for byte, and
 * the permissions that guard them.
 */
import { createHash } from 'crypto';
import request from 'supertest';
import { readFileSync } from 'fs';
import { join } from 'path';
import { crc32, deflateSync } from 'zlib';
import { permission } from '../../src/plugins/orders/shared/contracts/permissions';
import { TEMPLATE_FONTS } from '../../src/plugins/orders/shared/domain/template-rules';
import { act, createOrder, createStockItem, setSettings } from '../helpers/fixtures';
import { pdfPages, saveFirstPage } from '../helpers/pdf';
import { startApp, type Api, type TestApp } from '../helpers/strapi';
import { webshopFixture, webshops, type Connection } from '../helpers/webshops';
import { eventually, sleep } from '../helpers/eventually';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

interface DocumentJson {
  documentId: string;
  version: number;
  state: string;
  error: string | null;
  contentHash: string | null;
  size: number | null;
  fileName: string;
  template: { key: string; version: number };
  issuedBy: { type: string; name: string } | null;
}

const documentsOf = async (orderId: string, api: Api = app.admin): Promise<DocumentJson[]> => {
  const response = await api.get(`/orders/orders/${orderId}/documents`);
  expect(response.status).toBe(200);
  return response.body.data;
};

/** The order's documents once none is pending any more. */
const issuedDocumentsOf = (orderId: string, count = 1) =>
  eventually(async () => {
    const documents = await documentsOf(orderId);
    return documents.length >= count && documents.every((document) => document.state !== 'pending') ? documents : null;
  });

/** The PDF's bytes as the admin API serves them. */
const download = (documentId: string, api: Api = app.admin, query = '') => api.bytes(`/orders/documents/${documentId}/pdf${query}`);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The field errors of a 400 as "path code". */
const problemsOf = (response: { status: number; body: { error: { details: { errors: Array<{ path: string[]; code: string }> } } } }) => {
  expect(response.status).toBe(400);
  return response.body.error.details.errors.map(({ path, code }) => `${path.join('.')} ${code}`);
};

const COMPANY = {
  name: 'Kávéőrlő Űrhajó Kft.',
  address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
  taxNumber: '12345676-2-42',
  euVatNumber: 'HU12345676',
  bankAccount: '11773016-11111018',
  email: 'iroda@kaveorlo.hu',
  phone: '+36 1 234 5678',
  website: 'https://kaveorlo.hu',
};

describe('the seller’s details (Settings → Company)', () => {
  test('are saved and answered in their printed form, every other setting kept', async () => {
    const response = await setSettings(app.admin, {
      company: { ...COMPANY, taxNumber: '12345676242', bankAccount: '11773016 11111018 00000000', euVatNumber: 'hu 12345676' },
    });
    expect(response.status).toBe(200);
    expect(response.body.data.company).toEqual({
      ...COMPANY,
      bankAccount: '11773016-11111018-00000000',
      logo: null,
    });
    expect(response.body.data.inventoryDriver).toBe('orders');
    expect((await app.admin.get('/orders/settings')).body.data.company.taxNumber).toBe('12345676-2-42');
  });

  test('are given whole: a field left out is emptied', async () => {
    const response = await setSettings(app.admin, { company: { name: 'Csak Név Bt.' } });
    expect(response.body.data.company).toEqual({
      name: 'Csak Név Bt.',
      address: null,
      taxNumber: null,
      euVatNumber: null,
      bankAccount: null,
      email: null,
      phone: null,
      website: null,
      logo: null,
    });
    expect((await setSettings(app.admin, { company: COMPANY })).status).toBe(200);
  });

  test('a tax number or bank account whose check digits are wrong is refused, naming the field', async () => {
    const response = await setSettings(app.admin, {
      company: { ...COMPANY, taxNumber: '12345678-2-42', bankAccount: '11773016-11111019', euVatNumber: '12', website: 'ftp://x' },
    });
    expect(problemsOf(response).sort()).toEqual(
      [
        'company.bankAccount notBankAccount',
        'company.euVatNumber notEuVatNumber',
        'company.taxNumber notTaxNumber',
        'company.website notUrl',
      ].sort()
    );
    expect((await app.admin.get('/orders/settings')).body.data.company.taxNumber).toBe('12345676-2-42');
  });

  test('a logo that is no Media Library file is refused', async () => {
    expect(problemsOf(await setSettings(app.admin, { company: { ...COMPANY, logo: 987654 } }))).toEqual(['company.logo unknownFile']);
  });

  test('need settings update to change, settings read to read', async () => {
    const reader = await app.as([permission('settings', 'read')]);
    expect((await reader.get('/orders/settings')).body.data.company.name).toBe(COMPANY.name);
    expect((await reader.put('/orders/settings', { company: { name: 'Más' } })).status).toBe(403);
  });
});

/** An order of stock items named with every Hungarian accented letter, and a free line. */
const hungarianOrder = async (lines = 2, fields: Record<string, unknown> = {}) => {
  const items = [];
  for (let i = 0; i < lines; i += 1) {
    const item = await createStockItem(app.admin, {
      name: i % 2 ? `Őrölt kávé ű ${i + 1}` : `Tűzőgép ŐŰ áéíóöúü ${i + 1}`,
      unitPrice: '12990',
      onHand: '100',
      unit: 'kg',
    });
    items.push({ stockItem: item.documentId, quantity: i % 3 === 0 ? '2.5' : '1', ...(i === 0 ? { discountPercent: '10' } : {}) });
  }
  return createOrder(app.admin, [...items, { name: 'Szállítási díj', quantity: '1', unitPrice: '1490', vatRate: '27' }], {
    customer: { name: 'Kovács Őrsike', address: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 1.' } },
    note: 'Hívj fel érkezés előtt: ő ű Ő Ű',
    ...fields,
  });
};

describe('finalizing issues the order document', () => {
  test('exactly one, after the commit, by the admin who finalized', async () => {
    const order = await hungarianOrder();
    expect(await documentsOf(order.documentId)).toEqual([]);
    expect((await act(app.admin, order.documentId, 'finalize')).status).toBe(200);

    const [document] = await issuedDocumentsOf(order.documentId);
    expect(document).toMatchObject({
      version: 1,
      state: 'issued',
      error: null,
      template: { key: 'default', version: 1 },
      issuedBy: { type: 'admin' },
      fileName: `megrendeles-${order.number}-v1.pdf`,
    });
    await sleep(1500);
    expect(await documentsOf(order.documentId)).toHaveLength(1);
  });

  test('a finalize retried with its Idempotency-Key issues one document, not two', async () => {
    const order = await hungarianOrder(1);
    const key = { 'Idempotency-Key': `documents-${order.documentId}` };
    const url = `/orders/orders/${order.documentId}/actions/finalize`;
    expect((await app.admin.postWith(key, url, {})).status).toBe(200);
    const replay = await app.admin.postWith(key, url, {});
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await issuedDocumentsOf(order.documentId);
    await sleep(1500);
    expect(await documentsOf(order.documentId)).toHaveLength(1);
  });

  test('a refused finalize issues nothing, nor one rolled back after the engine announced it', async () => {
    const short = await createStockItem(app.admin, { onHand: '1' });
    const refused = await createOrder(app.admin, [{ stockItem: short.documentId, quantity: '5' }]);
    expect((await act(app.admin, refused.documentId, 'finalize')).status).toBe(409);

    const rolledBack = await hungarianOrder(1);
    const orders = app.strapi.plugin('orders').service('orders');
    await expect(
      app.strapi.db.transaction(async () => {
        await orders.transition(rolledBack.documentId, 'finalize', {}, { type: 'system', name: 'test' });
        throw new Error('rolled back');
      })
    ).rejects.toThrow('rolled back');
    expect((await app.admin.get(`/orders/orders/${rolledBack.documentId}`)).body.data.state).toBe('draft');

    // One loop takes the name's jobs oldest first: once a later finalize's document is made, any earlier job has run.
    const later = await hungarianOrder(1);
    await act(app.admin, later.documentId, 'finalize');
    await issuedDocumentsOf(later.documentId);
    expect(await documentsOf(refused.documentId)).toEqual([]);
    expect(await documentsOf(rolledBack.documentId)).toEqual([]);
  });

  test('a draft has no document to reissue', async () => {
    const draft = await hungarianOrder(1);
    const response = await app.admin.post(`/orders/orders/${draft.documentId}/documents`);
    expect(response.status).toBe(409);
    expect(response.body.error.details).toMatchObject({ code: 'documentOfDraft', number: draft.number });
  });
});

describe('the PDF', () => {
  test('says the number, the seller and the buyer, every line, the totals and the note, Hungarian letters as written', async () => {
    await setSettings(app.admin, { company: COMPANY });
    const order = await hungarianOrder(3);
    const finalized = (await act(app.admin, order.documentId, 'finalize')).body.data;
    const [document] = await issuedDocumentsOf(order.documentId);

    const response = await download(document.documentId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`inline; filename="megrendeles-${order.number}-v1.pdf"`);
    const bytes = response.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(bytes)).toBe(document.contentHash);
    expect(bytes.length).toBe(document.size);

    const [text, ...more] = await pdfPages(bytes);
    expect(more).toEqual([]);
    await saveFirstPage(bytes, `default-${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
    expect(text).toContain('MEGRENDELÉS');
    expect(text).toContain(order.number);
    expect(text).toContain(COMPANY.name);
    expect(text).toContain('12345676-2-42');
    expect(text).toContain('11773016-11111018');
    expect(text).toContain('Kovács Őrsike');
    expect(text).toContain('Kárász utca 1.');
    for (const item of finalized.items) {
      expect(text).toContain(item.name);
      if (item.sku) expect(text).toContain(item.sku);
    }
    // 2.5 × 12 990 Ft less 10 % = 29 228 Ft net; 1 × 12 990; 2.5 × 12 990 = 32 475; shipping 1 490.
    expect(text).toContain('2,5 kg');
    expect(text).toContain('12 990 Ft');
    expect(text).toContain('10%');
    const money = (value: string) => `${value.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} Ft`;
    expect(text).toContain(money(finalized.totals.net));
    expect(text).toContain(money(finalized.totals.vat));
    expect(text).toContain(money(finalized.totals.gross));
    expect(text).toContain('Hívj fel érkezés előtt: ő ű Ő Ű');
    expect(text).toContain('Tűzőgép ŐŰ áéíóöúü 1');
    expect(text).toContain('1 / 1');
  });

  test('of a long order repeats the lines’ header on every page and numbers the pages "1 / 3"…', async () => {
    const order = await hungarianOrder(85);
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);
    const pages = await pdfPages((await download(document.documentId)).body as Buffer);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain('Megnevezés Cikkszám Mennyiség Nettó egységár Kedvezmény Nettó ÁFA-kulcs ÁFA Bruttó');
      expect(page).toContain(`${i + 1} / 3`);
    });
    expect(pages[2]).toContain('Bruttó végösszeg');
    for (let i = 1; i <= 85; i += 1) expect(pages.join('\n')).toMatch(new RegExp(`(Tűzőgép ŐŰ áéíóöúü|Őrölt kávé ű) ${i}\\b`));
  });

  test('is written in English for an order in English', async () => {
    const order = await hungarianOrder(1, { language: 'en' });
    expect((await app.admin.get(`/orders/orders/${order.documentId}`)).body.data.language).toBe('en');
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);
    expect(document.fileName).toBe(`order-${order.number}-v1.pdf`);
    const [text] = await pdfPages((await download(document.documentId)).body as Buffer);
    expect(text).toContain('ORDER');
    expect(text).toContain('Item SKU Quantity Unit price Discount Net VAT rate VAT Gross');
    expect(text).toContain('HUF 12,990');
    expect(text).toContain('Gross total');
    expect(text).not.toContain('Megnevezés');
  });

  test('downloads as an attachment when asked', async () => {
    const order = await hungarianOrder(1);
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);
    const response = await download(document.documentId, app.admin, '?download=true');
    expect(response.headers['content-disposition']).toContain('attachment;');
  });

  test('of a document that does not exist is 404', async () => {
    const response = await app.admin.get('/orders/documents/no-such-document/pdf');
    expect(response.status).toBe(404);
    expect(response.body.error.details).toMatchObject({ code: 'documentNotFound' });
    expect((await app.admin.get('/orders/orders/no-such-order/documents')).body.error.details).toMatchObject({ code: 'orderNotFound' });
  });
});

/** A small red PNG, made here: the logo the Media Library is given. */
const redPng = () => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [255, 0, 0]).flat()])));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

describe('the logo', () => {
  test('comes from the Media Library, read by us, into the PDF and the snapshot', async () => {
    const png = redPng();
    const upload = await app.admin.request('post', '/upload').attach('files', png, 'logo.png');
    expect(upload.status).toBe(201);
    const [file] = upload.body;
    try {
      const saved = await setSettings(app.admin, { company: { ...COMPANY, logo: file.id } });
      expect(saved.status).toBe(200);
      expect(saved.body.data.company.logo).toBe(file.id);
      const order = await hungarianOrder(1);
      await act(app.admin, order.documentId, 'finalize');
      const [document] = await issuedDocumentsOf(order.documentId);
      const bytes = (await download(document.documentId)).body as Buffer;
      expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);
      const row = await app.strapi.db.query('plugin::orders.document').findOne({ where: { documentId: document.documentId } });
      // The Media Library may have optimised the picture on upload: the logo is the file it keeps.
      const kept = readFileSync(join(app.strapi.dirs.static.public, file.url));
      expect(row.snapshot.seller.logo).toEqual({ id: file.id, mime: 'image/png', sha256: sha256(kept) });
    } finally {
      await setSettings(app.admin, { company: COMPANY });
      await app.admin.delete(`/upload/files/${file.id}`);
    }
  });
});

describe('versions', () => {
  test('Reissue makes version 2 and keeps version 1 byte for byte', async () => {
    const order = await hungarianOrder(2);
    await act(app.admin, order.documentId, 'finalize');
    const [first] = await issuedDocumentsOf(order.documentId);
    const before = (await download(first.documentId)).body as Buffer;

    const reissued = await app.admin.post(`/orders/orders/${order.documentId}/documents`);
    expect(reissued.status).toBe(201);
    expect(reissued.body.data).toMatchObject({ version: 2, state: 'issued', fileName: `megrendeles-${order.number}-v2.pdf` });

    const documents = await documentsOf(order.documentId);
    expect(documents.map((document) => document.version)).toEqual([2, 1]);
    expect(documents[1]).toEqual(first);
    const after = (await download(first.documentId)).body as Buffer;
    expect(after.equals(before)).toBe(true);
    expect(sha256(after)).toBe(first.contentHash);
    const second = (await download(reissued.body.data.documentId)).body as Buffer;
    expect(sha256(second)).toBe(reissued.body.data.contentHash);
    expect(second.equals(before)).toBe(false);
  });

  test('Retry makes a failed version again, as the same version', async () => {
    const order = await hungarianOrder(1);
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);
    // As an attempt that failed leaves it: no bytes, the error kept.
    await app.strapi.db.query('plugin::orders.document').update({
      where: { documentId: document.documentId },
      data: { state: 'failed', error: 'the renderer ran out of memory', pdf: null },
    });
    expect((await documentsOf(order.documentId))[0]).toMatchObject({ state: 'failed', error: 'the renderer ran out of memory' });
    const pdf = await download(document.documentId);
    expect(pdf.status).toBe(409);

    const retried = await app.admin.post(`/orders/orders/${order.documentId}/documents`);
    expect(retried.status).toBe(201);
    expect(retried.body.data).toMatchObject({ documentId: document.documentId, version: 1, state: 'issued', error: null });
    expect(await documentsOf(order.documentId)).toHaveLength(1);
    expect((await download(document.documentId)).status).toBe(200);
  });

  test('two reissues at once make two versions, never one version twice', async () => {
    const order = await hungarianOrder(1);
    await act(app.admin, order.documentId, 'finalize');
    await issuedDocumentsOf(order.documentId);
    const answers = await Promise.all([1, 2, 3].map(() => app.admin.post(`/orders/orders/${order.documentId}/documents`)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect((await documentsOf(order.documentId)).map((document) => document.version)).toEqual([4, 3, 2, 1]);
  });
});

describe('a webshop’s order', () => {
  const { connect, deliverWoo } = webshops(() => app);
  let externalIds = 7000;
  const wooOrder = (changes: Record<string, unknown> = {}) => ({
    ...JSON.parse(webshopFixture('woocommerce_hu_order.json')),
    id: ++externalIds,
    ...changes,
  });
  const shopOrderOf = async (connection: Connection) => {
    const [summary] = (await app.admin.get(`/orders/orders?connection=${connection.documentId}`)).body.data;
    return summary as { documentId: string; state: string };
  };

  test('is issued one document when it first reaches finalized, where its connection says so', async () => {
    const connection = await connect('woocommerce', { issueDocuments: true });
    expect(connection).toMatchObject({ issueDocuments: true });
    const order = wooOrder({ status: 'pending' });
    await deliverWoo(connection, order);
    const draft = await shopOrderOf(connection);
    expect(draft.state).toBe('draft');

    await deliverWoo(connection, { ...order, status: 'processing', date_modified_gmt: '2030-01-01T10:00:00' });
    expect((await shopOrderOf(connection)).state).toBe('finalized');
    const [document] = await issuedDocumentsOf(draft.documentId);
    expect(document).toMatchObject({ version: 1, state: 'issued', issuedBy: { type: 'integration' } });

    // Back and forth with the shop: reaching finalized again issues no second document.
    await deliverWoo(connection, { ...order, status: 'pending', date_modified_gmt: '2030-01-01T11:00:00' });
    await deliverWoo(connection, { ...order, status: 'processing', date_modified_gmt: '2030-01-01T12:00:00' });
    await deliverWoo(connection, { ...order, status: 'completed', date_modified_gmt: '2030-01-01T13:00:00' });
    const later = await hungarianOrder(1);
    await act(app.admin, later.documentId, 'finalize');
    await issuedDocumentsOf(later.documentId);
    expect(await documentsOf(draft.documentId)).toHaveLength(1);
  });

  test('is issued none where its connection does not say so (the default)', async () => {
    const connection = await connect('woocommerce');
    expect(connection).toMatchObject({ issueDocuments: false });
    await deliverWoo(connection, wooOrder({ status: 'processing' }));
    const order = await shopOrderOf(connection);
    expect(order.state).toBe('finalized');
    const later = await hungarianOrder(1);
    await act(app.admin, later.documentId, 'finalize');
    await issuedDocumentsOf(later.documentId);
    expect(await documentsOf(order.documentId)).toEqual([]);
  });
});

describe('custom templates (Settings → Templates)', () => {
  const TEMPLATE = {
    accentColor: '#aa3300',
    footer: { text: '{{order.number}} · {{page}} / {{pages}}', alignment: 'center' },
    content: [
      { text: 'Visszaigazolás {{order.number}}', style: 'title' },
      { columns: [{ seller: {} }, { buyer: {} }] },
      { text: 'Kedves {{customer.name}}, köszönjük a megrendelést!' },
      { lines: { columns: ['name', 'quantity', 'gross'] } },
      { totals: {} },
    ],
  };

  afterAll(async () => {
    // The later tests expect the built-in template.
    for (const template of (await app.admin.get('/orders/templates')).body.data)
      await app.admin.delete(`/orders/templates/${template.key}`);
  });

  test('a template with an svg node, a file path, a URL or an unknown node is refused, naming the node and the rule', async () => {
    const response = await app.admin.post('/orders/templates', {
      name: 'Rossz',
      definition: {
        content: [
          { svg: '<svg><image href="file:///etc/passwd"/></svg>' },
          { image: '/etc/passwd' },
          { image: 'https://evil.example/logo.png' },
          { qr: 'x' },
        ],
      },
    });
    expect(problemsOf(response)).toEqual([
      'definition.content.0.svg svgRefused',
      'definition.content.1.image noFileOrUrl',
      'definition.content.2.image noFileOrUrl',
      'definition.content.3.qr unknownNode',
    ]);
    expect(response.body.error.details.errors[0].values).toEqual({ node: 'svg', at: 'content.0.svg' });
    expect((await app.admin.get('/orders/templates')).body.data).toEqual([]);
  });

  test('previews on an order, then as the default issues the documents of finalized orders', async () => {
    const order = await hungarianOrder(2);
    await act(app.admin, order.documentId, 'finalize');
    await issuedDocumentsOf(order.documentId);

    const preview = await app.admin.post('/orders/templates/preview', { definition: TEMPLATE, order: order.documentId });
    expect(preview.status).toBe(200);
    expect(preview.body.data.contentType).toBe('application/pdf');
    const [previewText] = await pdfPages(Buffer.from(preview.body.data.base64, 'base64'));
    expect(previewText).toContain(`Visszaigazolás ${order.number}`);
    expect(previewText).toContain('Kedves Kovács Őrsike, köszönjük a megrendelést!');
    expect((await documentsOf(order.documentId)).length).toBe(1);

    const created = await app.admin.post('/orders/templates', { name: 'Visszaigazolás', definition: TEMPLATE, isDefault: true });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ version: 1, name: 'Visszaigazolás', isDefault: true, definition: TEMPLATE });
    const { key } = created.body.data;

    const next = await hungarianOrder(1);
    await act(app.admin, next.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(next.documentId);
    expect(document.template).toEqual({ key, version: 1 });
    const custom = (await download(document.documentId)).body as Buffer;
    await saveFirstPage(custom, `custom-${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
    const [text] = await pdfPages(custom);
    expect(text).toContain(`Visszaigazolás ${next.number}`);
    expect(text).toContain('Megnevezés Mennyiség Bruttó');
    expect(text).toContain(`${next.number} · 1 / 1`);

    // Every save is a new version; the documents made from version 1 keep naming it.
    const changed = { ...TEMPLATE, content: [...TEMPLATE.content, { text: 'Második változat' }] };
    const updated = await app.admin.put(`/orders/templates/${key}`, { definition: changed });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ key, version: 2, isDefault: true });
    const reissued = await app.admin.post(`/orders/orders/${next.documentId}/documents`);
    expect(reissued.body.data.template).toEqual({ key, version: 2 });
    expect((await pdfPages((await download(reissued.body.data.documentId)).body as Buffer))[0]).toContain('Második változat');
    expect((await documentsOf(next.documentId))[1].template).toEqual({ key, version: 1 });

    // Retired, never deleted: the built-in template issues again.
    expect((await app.admin.delete(`/orders/templates/${key}`)).status).toBe(200);
    expect((await app.admin.get('/orders/templates')).body.data).toEqual([]);
    const again = await app.admin.post(`/orders/orders/${next.documentId}/documents`);
    expect(again.body.data.template).toEqual({ key: 'default', version: 1 });
    expect(await app.strapi.db.query('plugin::orders.document-template').count({ where: { key } })).toBe(2);
  });

  /** The PostScript names of the fonts a PDF embeds (each as a subset, "ABCDEF+DejaVuSans"). */
  const embeddedFonts = (pdf: Buffer) =>
    [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map(([, name]) => name))].sort();
  const FONT_NAMES: Record<string, string[]> = {
    Roboto: ['Roboto-Italic', 'Roboto-Medium', 'Roboto-MediumItalic', 'Roboto-Regular'],
    'DejaVu Sans': ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-BoldOblique', 'DejaVuSans-Oblique'],
    'DejaVu Serif': ['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-BoldItalic', 'DejaVuSerif-Italic'],
  };

  test.each(TEMPLATE_FONTS)('a template in %s renders every Hungarian letter in its four styles, in that font', async (font) => {
    const order = await hungarianOrder(1);
    const definition = {
      font,
      content: [
        { text: 'Álló: ő ű Ő Ű' },
        { text: 'Félkövér: ő ű Ő Ű', bold: true },
        { text: 'Dőlt: ő ű Ő Ű', italics: true },
        { text: 'Félkövér dőlt: ő ű Ő Ű', bold: true, italics: true },
        { lines: { columns: ['name', 'gross'] } },
      ],
    };
    const created = await app.admin.post('/orders/templates', { name: `Betű ${font}`, definition });
    expect(created.status).toBe(201);
    expect(created.body.data.definition.font).toBe(font);
    const preview = await app.admin.post('/orders/templates/preview', { definition, order: order.documentId });
    expect(preview.status).toBe(200);
    const pdf = Buffer.from(preview.body.data.base64, 'base64');
    const [text] = await pdfPages(pdf);
    for (const line of ['Álló: ő ű Ő Ű', 'Félkövér: ő ű Ő Ű', 'Dőlt: ő ű Ő Ű', 'Félkövér dőlt: ő ű Ő Ű', 'Tűzőgép ŐŰ áéíóöúü 1'])
      expect(text).toContain(line);
    expect(embeddedFonts(pdf)).toEqual(FONT_NAMES[font]);
  });

  test('a node may name a font of its own, which is loaded beside the template’s', async () => {
    const order = await hungarianOrder(1);
    const definition = { content: [{ text: 'Roboto: ő ű' }, { text: 'Serif: Ő Ű', font: 'DejaVu Serif' }] };
    const preview = await app.admin.post('/orders/templates/preview', { definition, order: order.documentId });
    expect(preview.status).toBe(200);
    const pdf = Buffer.from(preview.body.data.base64, 'base64');
    expect((await pdfPages(pdf))[0]).toContain('Serif: Ő Ű');
    expect(embeddedFonts(pdf)).toEqual(['DejaVuSerif', 'Roboto-Regular']);
  });

  test('a font that is not bundled is refused, naming where and the rule, on save and on preview', async () => {
    const order = await hungarianOrder(1);
    const definition = { font: 'Comic Sans', content: [{ text: 'x', font: '/usr/share/fonts/evil.ttf' }] };
    const created = await app.admin.post('/orders/templates', { name: 'Rossz betű', definition });
    expect(problemsOf(created)).toEqual(['definition.font badValue', 'definition.content.0.font badValue']);
    expect(created.body.error.details.errors[0].message).toContain('Roboto, DejaVu Sans, DejaVu Serif');
    expect(created.body.error.details.errors[1].values).toEqual({ node: 'text', at: 'content.0.font' });
    const preview = await app.admin.post('/orders/templates/preview', { definition, order: order.documentId });
    expect(problemsOf(preview)).toEqual(['definition.font badValue', 'definition.content.0.font badValue']);
    expect((await app.admin.get('/orders/templates')).body.data.map((template: { name: string }) => template.name)).not.toContain(
      'Rossz betű'
    );
  });

  test('a template that breaks a rule is refused on preview too, and a saved one needs settings update', async () => {
    const order = await hungarianOrder(1);
    const preview = await app.admin.post('/orders/templates/preview', {
      definition: { content: [{ image: '/etc/passwd' }] },
      order: order.documentId,
    });
    expect(problemsOf(preview)).toEqual(['definition.content.0.image noFileOrUrl']);
    const reader = await app.as([permission('settings', 'read')]);
    expect((await reader.get('/orders/templates')).status).toBe(200);
    expect((await reader.post('/orders/templates', { name: 'X', definition: TEMPLATE })).status).toBe(403);
    expect((await app.admin.put('/orders/templates/no-such-template', { name: 'X' })).body.error.details).toMatchObject({
      code: 'templateNotFound',
    });
  });
});

describe('permissions', () => {
  test('documents read lists and downloads; documents issue reissues; neither is 403', async () => {
    const order = await hungarianOrder(1);
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);

    const nobody = await app.as([permission('order', 'read')]);
    expect((await nobody.get(`/orders/orders/${order.documentId}/documents`)).status).toBe(403);
    expect((await download(document.documentId, nobody)).status).toBe(403);
    expect((await nobody.post(`/orders/orders/${order.documentId}/documents`)).status).toBe(403);

    const reader = await app.as([permission('document', 'read')]);
    expect(await documentsOf(order.documentId, reader)).toHaveLength(1);
    expect((await download(document.documentId, reader)).status).toBe(200);
    expect((await reader.post(`/orders/orders/${order.documentId}/documents`)).status).toBe(403);

    const issuer = await app.as([permission('document', 'issue')]);
    expect((await issuer.post(`/orders/orders/${order.documentId}/documents`)).status).toBe(201);
  });

  test('the PDF is never a public file', async () => {
    const order = await hungarianOrder(1);
    await act(app.admin, order.documentId, 'finalize');
    const [document] = await issuedDocumentsOf(order.documentId);
    expect((await request(app.strapi.server.httpServer).get(`/orders/documents/${document.documentId}/pdf`)).status).toBe(401);
    expect((await request(app.strapi.server.httpServer).get('/uploads/')).status).not.toBe(200);
  });
});
