/**
 * Demo data for `npm run demo`: an inventory, customers and orders in every lifecycle state,
 * all made through the orders engine so the stock ledger is as real as a shop's would be; then
 * half a year of a shop's life behind them and a webshop's deliveries (demo-history.ts).
 * Runs only on an empty database; prints the admin URL and the demo login.
 */
import type { Core } from '@strapi/strapi';
import { seedHistory, seedWebshop } from './demo-history';

export const DEMO_ADMIN = { email: 'demo@orders.local', password: 'Demo-orders-1', firstname: 'Demo', lastname: 'Admin' };

const STOCK = [
  { sku: 'KAVE-1KG', name: 'Pörkölt kávé 1 kg', unit: 'db', unitPrice: '8990', vatRate: '27', onHand: '40', lowStockThreshold: '10' },
  { sku: 'TEA-ZOLD', name: 'Zöld tea 100 g', unit: 'db', unitPrice: '2490', vatRate: '27', onHand: '120', lowStockThreshold: '20' },
  { sku: 'BOGRE-03', name: 'Kerámia bögre 0,3 l', unit: 'db', unitPrice: '3290', vatRate: '27', onHand: '25', lowStockThreshold: '5' },
  { sku: 'KABEL-UTP', name: 'UTP kábel', unit: 'm', unitPrice: '190', vatRate: '27', onHand: '500.5', lowStockThreshold: '50' },
  { sku: 'KONYV-RECEPT', name: 'Receptkönyv', unit: 'db', unitPrice: '5990', vatRate: '5', onHand: '12', lowStockThreshold: '3' },
] as const;

const CUSTOMERS = [
  {
    name: 'Kovács Anna',
    email: 'anna.kovacs@example.hu',
    phone: '+36 30 123 4567',
    address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
  },
  {
    name: 'Szabó Péter',
    company: 'Szabó és Társa Kft.',
    taxNumber: '24387774-2-06',
    email: 'peter@szabo-tarsa.example',
    address: { country: 'HU', postalCode: '6720', city: 'Szeged', street: 'Kárász utca 5.' },
  },
  {
    name: 'Nagy Eszter',
    phone: '+36 20 765 4321',
    address: { country: 'HU', postalCode: '4025', city: 'Debrecen', street: 'Piac utca 20.' },
  },
];

/** The demo shop itself: the seller on its documents and invoices. */
const COMPANY = {
  name: 'Demo Kávé Kft.',
  address: { country: 'HU', postalCode: '1061', city: 'Budapest', street: 'Andrássy út 1.' },
  taxNumber: '12345676-2-42',
  euVatNumber: 'HU12345676',
  bankAccount: '11773016-11111018',
  email: 'szamla@demokave.example',
  phone: '+36 1 234 5678',
};

/** How many of the most recent successful orders the demo invoices, and how many of those it stornoes. */
const INVOICED = 12;
const STORNOED = 1;

/** Each demo order: its lines, then the actions that bring it to its state. */
const ORDERS: Array<{ customer: number; lines: Array<[string, string]>; actions: string[]; customStatus?: string; restock?: boolean }> = [
  {
    customer: 0,
    lines: [
      ['KAVE-1KG', '2'],
      ['BOGRE-03', '2'],
    ],
    actions: [],
  },
  {
    customer: 1,
    lines: [
      ['KABEL-UTP', '15.5'],
      ['TEA-ZOLD', '10'],
    ],
    actions: ['finalize'],
    customStatus: 'awaiting-confirmation',
  },
  {
    customer: 2,
    lines: [
      ['KONYV-RECEPT', '1'],
      ['KAVE-1KG', '1'],
    ],
    actions: ['finalize', 'fulfil'],
    customStatus: 'in-delivery',
  },
  { customer: 0, lines: [['TEA-ZOLD', '4']], actions: ['finalize', 'fulfil', 'succeed'] },
  { customer: 1, lines: [['BOGRE-03', '6']], actions: ['finalize', 'fail'] },
];

/** Prints the admin's URL as the app really listens (a PORT of 0 takes a free port) and the demo login. */
const announce = (strapi: Core.Strapi, what: string) =>
  strapi.server.httpServer.once('listening', () => {
    const address = strapi.server.httpServer.address();
    if (!address || typeof address === 'string') return;
    const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
    const shown = host.includes(':') ? `[${host}]` : host;
    strapi.log.info(`${what} Admin: http://${shown}:${address.port}/admin — log in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  });

export const seedDemo = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query('plugin::orders.stock-item').count()) > 0) {
    announce(strapi, 'Demo data already present.');
    return;
  }
  await createDemoAdmin(strapi);
  const system = { type: 'system', name: 'demo' } as const;
  const orders = strapi.plugin('orders').service('orders');
  const inventory = strapi.plugin('orders').service('inventory');

  await strapi.plugin('orders').service('settings').update({ company: COMPANY });
  for (const item of STOCK) await inventory.create(item, system);
  for (const [index, spec] of ORDERS.entries()) {
    const order = await orders.create(
      {
        customer: CUSTOMERS[spec.customer],
        note: index === 0 ? 'Telefonos rendelés' : null,
        items: [
          ...spec.lines.map(([sku, quantity]) => ({ sku, quantity })),
          ...(index === 2 ? [{ name: 'Szállítási díj', quantity: '1', unitPrice: '1490', vatRate: '27' }] : []),
        ],
      },
      system
    );
    for (const action of spec.actions) await orders.transition(order.documentId, action, {}, system);
    if (spec.customStatus) await orders.setCustomStatus(order.documentId, spec.customStatus, system);
  }
  await seedHistory(strapi, system);
  await seedWebshop(strapi);
  await seedInvoices(strapi, system);
  announce(strapi, 'Demo data created.');
};

/** Invoices of the most recent successful and fulfilled orders, and a storno of one of them. */
const seedInvoices = async (strapi: Core.Strapi, actor: { type: 'system'; name: string }) => {
  const invoices = strapi.plugin('orders').service('invoices');
  const recent = await strapi.db.query('plugin::orders.order').findMany({
    where: { state: { $in: ['fulfilled', 'successful'] }, source: 'manual' },
    select: ['documentId'],
    orderBy: { createdAt: 'desc' },
    limit: INVOICED,
  });
  const issued = [];
  for (const { documentId } of recent) issued.push(await invoices.issue(documentId, {}, actor));
  for (const invoice of issued.slice(0, STORNOED)) await invoices.storno(invoice.documentId, 'A vevő visszaküldte az árut', actor);
};

const createDemoAdmin = async (strapi: Core.Strapi) => {
  const users = strapi.service('admin::user');
  if (await users.exists({ email: DEMO_ADMIN.email })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({ ...DEMO_ADMIN, isActive: true, roles: [superAdmin.id] });
};
