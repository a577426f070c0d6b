/**
 * The upgrade's address backfill (issue 13 §2): an order from before orders kept addresses of
 * their own takes its customer's — billing from the customer's address, shipping from their
 * shipping address or else where billing goes —, and an order with addresses of its own keeps them.
 * The migration runs once at start; here its step is run again on orders made to look old.
 */
import { join } from 'path';
import type { Knex } from 'knex';
import { createOrder, createStockItem } from '../helpers/fixtures';
import { startApp, type TestApp } from '../helpers/strapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addressBackfillMigration } = require(
  join(__dirname, '../../src/plugins/orders/dist/server/src/features/orders/address-backfill')
) as {
  addressBackfillMigration: { up: (trx: Knex.Transaction) => Promise<void> };
};

let app: TestApp;
let stockItem: string;
beforeAll(async () => {
  app = await startApp();
  stockItem = (await createStockItem(app.admin, { sku: 'CIM-1', onHand: '10' })).documentId;
});
afterAll(() => app?.stop());

const HOME = { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' };
const DEPOT = { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 5.' };
const OWN = { country: 'HU', postalCode: '9021', city: 'Győr', street: 'Baross út 1.' };

/** An order whose own addresses are emptied, as every order was before it had them. */
const oldOrder = async (fields: Record<string, unknown>, keep: { shippingAddress?: object } = {}) => {
  const { documentId } = await createOrder(app.admin, [{ stockItem, quantity: '1' }], fields);
  await app.strapi.db
    .connection('orders_orders')
    .where('document_id', documentId)
    .update({ billing_address: null, shipping_address: keep.shippingAddress ? JSON.stringify(keep.shippingAddress) : null });
  return documentId;
};
const order = async (documentId: string) => (await app.admin.get(`/orders/orders/${documentId}`)).body.data;

test("old orders take their customer's addresses; an order's own are kept", async () => {
  const onlyHome = await oldOrder({ customer: { name: 'Régi Vevő', address: HOME } });
  const withDepot = await oldOrder({ customer: { name: 'Csomagos Vevő', address: HOME } });
  // A webshop's customer keeps where goods go apart (the API's customer has one address).
  await app.strapi.db
    .connection('orders_customers')
    .where('name', 'Csomagos Vevő')
    .update({ shipping_address: JSON.stringify(DEPOT) });
  const ownShipping = await oldOrder({ customer: { name: 'Saját Szállítás', address: HOME } }, { shippingAddress: OWN });
  const ownBoth = await oldOrder({ customer: { name: 'Mai Vevő', address: HOME } });
  await app.strapi.db
    .connection('orders_orders')
    .where('document_id', ownBoth)
    .update({
      billing_address: JSON.stringify(OWN),
      shipping_address: JSON.stringify(OWN),
    });
  const noAddress = await oldOrder({ customer: { name: 'Cím Nélkül' } });

  await app.strapi.db.connection.transaction((trx) => addressBackfillMigration.up(trx));

  expect(await order(onlyHome)).toMatchObject({ billingAddress: HOME, shippingAddress: HOME });
  expect(await order(withDepot)).toMatchObject({ billingAddress: HOME, shippingAddress: DEPOT });
  expect(await order(ownShipping)).toMatchObject({ billingAddress: HOME, shippingAddress: OWN });
  expect(await order(ownBoth)).toMatchObject({ billingAddress: OWN, shippingAddress: OWN });
  expect(await order(noAddress)).toMatchObject({ billingAddress: null, shippingAddress: null });
});
