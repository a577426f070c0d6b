/**
 * Custom statuses labelled per language: the defaults, labels given in Hungarian and English, a
 * single label (the shape from before) labelling both, refusals at the field, and settings saved
 * in the old shape read as the new one — with orders still taking their keys.
 */
import { createOrder } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const statuses = async () => (await app.admin.get('/orders/custom-statuses')).body.data;

test('the defaults carry a Hungarian and an English label', async () => {
  expect(await statuses()).toEqual([
    { key: 'processing', labels: { hu: 'Feldolgozás alatt', en: 'Processing' }, label: 'Feldolgozás alatt', color: '#0c75af' },
    {
      key: 'awaiting-confirmation',
      labels: { hu: 'Visszaigazolásra vár', en: 'Awaiting confirmation' },
      label: 'Visszaigazolásra vár',
      color: '#d9822f',
    },
    { key: 'in-delivery', labels: { hu: 'Kiszállítás alatt', en: 'In delivery' }, label: 'Kiszállítás alatt', color: '#328048' },
  ]);
});

test('labels per language are saved and answered; a single label labels both', async () => {
  const response = await app.admin.put('/orders/settings', {
    customStatuses: [
      { key: 'packing', labels: { hu: 'Csomagolás alatt', en: 'Packing' }, color: '#aa3300' },
      { key: 'waiting', label: 'Alkatrészre vár', color: '#0000aa' },
    ],
  });
  expect(response.status).toBe(200);
  const expected = [
    { key: 'packing', labels: { hu: 'Csomagolás alatt', en: 'Packing' }, label: 'Csomagolás alatt', color: '#aa3300' },
    { key: 'waiting', labels: { hu: 'Alkatrészre vár', en: 'Alkatrészre vár' }, label: 'Alkatrészre vár', color: '#0000aa' },
  ];
  expect(response.body.data.customStatuses).toEqual(expected);
  expect(await statuses()).toEqual(expected);
  // What GET answers goes back as it came (label and labels both): the labels win.
  const again = await app.admin.put('/orders/settings', { customStatuses: expected });
  expect(again.status).toBe(200);
  expect(again.body.data.customStatuses).toEqual(expected);
});

test.each([
  ['no label at all', { key: 'x', color: '#000000' }, 'customStatuses.0.labels', 'required'],
  ['an empty English label', { key: 'x', labels: { hu: 'Iksz', en: '' }, color: '#000000' }, 'customStatuses.0.labels.en', 'required'],
  ['no Hungarian label', { key: 'x', labels: { en: 'X' }, color: '#000000' }, 'customStatuses.0.labels.hu', 'required'],
  [
    'a language the admin has not',
    { key: 'x', labels: { hu: 'Iksz', en: 'X', de: 'X' }, color: '#000000' },
    'customStatuses.0.labels',
    'unknownField',
  ],
])('%s: 400 at the field, nothing changed', async (_case, status, path, code) => {
  const before = await statuses();
  const response = await app.admin.put('/orders/settings', { customStatuses: [status] });
  expect(response.status).toBe(400);
  expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: path.split('.'), code })]);
  expect(await statuses()).toEqual(before);
});

test('settings saved with a single label still load, as both languages’ label, and orders take the key', async () => {
  const store = app.strapi.store({ type: 'plugin', name: 'orders', key: 'settings' });
  const saved = (await store.get({})) as Record<string, unknown>;
  await store.set({ value: { ...saved, customStatuses: [{ key: 'regi', label: 'Régi státusz', color: '#123456' }] } });

  expect(await statuses()).toEqual([
    { key: 'regi', labels: { hu: 'Régi státusz', en: 'Régi státusz' }, label: 'Régi státusz', color: '#123456' },
  ]);
  const order = await createOrder(app.admin, []);
  const set = await app.admin.put(`/orders/orders/${order.documentId}/custom-status`, { customStatus: 'regi' });
  expect(set.status).toBe(200);
  // Saving something else keeps the old status, now in the new shape.
  expect((await app.admin.put('/orders/settings', { allowNegativeStock: false })).status).toBe(200);
  expect(((await store.get({})) as { customStatuses: unknown[] }).customStatuses).toEqual([
    { key: 'regi', labels: { hu: 'Régi státusz', en: 'Régi státusz' }, label: 'Régi státusz', color: '#123456' },
  ]);
});
