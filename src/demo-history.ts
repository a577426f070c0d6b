/**
 * The months behind the demo shop: customers who come back and some who stopped, a few hundred
 * orders in every state over the past half year, and a webshop whose deliveries sit in the inbox.
 * Everything is made through the engine — every stock movement and history entry is real — and
 * then moved back in time in the database, since the engine stamps what it does with now. The
 * randomness is seeded: every demo database tells the same story.
 */
import type { Core } from '@strapi/strapi';

type Actor = { type: 'system'; name: string };
type Action = 'finalize' | 'fulfil' | 'succeed' | 'fail';

const DAY_MS = 86_400_000;

/** mulberry32: a small, seeded random number generator. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export const HISTORY_STOCK = [
  { sku: 'KAVE-250', name: 'Pörkölt kávé 250 g', unit: 'db', unitPrice: '2990', vatRate: '27', onHand: '1200', lowStockThreshold: '30' },
  { sku: 'KAKAO-200', name: 'Holland kakaó 200 g', unit: 'db', unitPrice: '1890', vatRate: '27', onHand: '900', lowStockThreshold: '25' },
  { sku: 'MEZ-AKAC', name: 'Akácméz 500 g', unit: 'db', unitPrice: '3490', vatRate: '18', onHand: '800', lowStockThreshold: '20' },
  { sku: 'LEKVAR-SZ', name: 'Szilvalekvár 370 g', unit: 'db', unitPrice: '1590', vatRate: '18', onHand: '600', lowStockThreshold: '20' },
  { sku: 'KEKSZ-ZAB', name: 'Zabkeksz 150 g', unit: 'db', unitPrice: '890', vatRate: '18', onHand: '1500', lowStockThreshold: '40' },
  {
    sku: 'POHAR-SET',
    name: 'Üvegpohár készlet (6 db)',
    unit: 'doboz',
    unitPrice: '6990',
    vatRate: '27',
    onHand: '200',
    lowStockThreshold: '8',
  },
  { sku: 'TERMOSZ-05', name: 'Termosz 0,5 l', unit: 'db', unitPrice: '7490', vatRate: '27', onHand: '150', lowStockThreshold: '6' },
  { sku: 'SZAKACSKONYV', name: 'Magyar szakácskönyv', unit: 'db', unitPrice: '7990', vatRate: '5', onHand: '300', lowStockThreshold: '10' },
  {
    sku: 'FUSZER-PAPR',
    name: 'Szegedi fűszerpaprika 100 g',
    unit: 'db',
    unitPrice: '1290',
    vatRate: '18',
    onHand: '1000',
    lowStockThreshold: '30',
  },
  // Nearly gone, for the low-stock view.
  { sku: 'OROLO-KEZI', name: 'Kézi kávéőrlő', unit: 'db', unitPrice: '12990', vatRate: '27', onHand: '14', lowStockThreshold: '5' },
] as const;

const FIRST_NAMES = ['Anna', 'Péter', 'Eszter', 'Gábor', 'Zsófia', 'László', 'Katalin', 'Bence', 'Réka', 'Tamás', 'Júlia', 'Ödön'];
const LAST_NAMES = ['Kovács', 'Szabó', 'Tóth', 'Varga', 'Horváth', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp', 'Lakatos'];
const CITIES = [
  { postalCode: '1052', city: 'Budapest' },
  { postalCode: '6720', city: 'Szeged' },
  { postalCode: '4025', city: 'Debrecen' },
  { postalCode: '7621', city: 'Pécs' },
  { postalCode: '9021', city: 'Győr' },
  { postalCode: '3525', city: 'Miskolc' },
];

/**
 * Who the customers are, by how they buy: [how many, orders each (from, to), days since the last
 * order (from, to), days between their orders]. Loyal ones order often and lately; lost ones
 * stopped months ago.
 */
const BUYERS: Array<{ count: number; orders: [number, number]; lastDaysAgo: [number, number]; gapDays: number }> = [
  { count: 12, orders: [6, 10], lastDaysAgo: [0, 40], gapDays: 14 },
  { count: 16, orders: [2, 3], lastDaysAgo: [0, 50], gapDays: 25 },
  { count: 20, orders: [1, 1], lastDaysAgo: [0, 28], gapDays: 0 },
  { count: 8, orders: [1, 1], lastDaysAgo: [35, 58], gapDays: 0 },
  { count: 10, orders: [1, 3], lastDaysAgo: [100, 170], gapDays: 20 },
  { count: 4, orders: [4, 6], lastDaysAgo: [120, 160], gapDays: 10 },
];

/** The actions that bring an order of that age to a state: older ones closed, recent ones under way. */
const actionsFor = (daysAgo: number, random: () => number): Action[] => {
  const roll = random();
  if (daysAgo > 14) {
    if (roll < 0.78) return ['finalize', 'fulfil', 'succeed'];
    if (roll < 0.9) return ['finalize', 'fail'];
    return ['finalize', 'fulfil'];
  }
  if (daysAgo > 3) return roll < 0.5 ? ['finalize', 'fulfil'] : ['finalize'];
  return roll < 0.4 ? [] : ['finalize'];
};

/** How the demo's customers pay and get their goods: the words the admin suggests. */
const PAYMENT_METHODS = ['Átutalás', 'Utánvét', 'Bankkártya'] as const;
const SHIPPING_METHODS = ['Futárszolgálat', 'Csomagautomata', 'Posta', 'Személyes átvétel'] as const;

/** Takes the order through the actions; one the stock cannot serve leaves it where it is, as a shop's would wait for goods. */
/** A plugin service as Strapi types it. */
type Service = ReturnType<ReturnType<Core.Strapi['plugin']>['service']>;

const act = async (orders: Service, documentId: string, actions: Action[], actor: Actor) => {
  for (const action of actions) {
    try {
      await orders.transition(documentId, action, {}, actor);
    } catch (error) {
      if ((error as { details?: { code?: string } }).details?.code === 'stockShortage') return;
      throw error;
    }
  }
};

/** Moves an order, its history and its stock movements back to `at`, in the database. */
const backdate = async (strapi: Core.Strapi, documentId: string, at: Date) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never);
  const orders = meta('plugin::orders.order');
  const link = (uid: string) =>
    (
      meta(uid).attributes as Record<
        string,
        { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }
      >
    ).order.joinTable;
  const db = strapi.db.connection;
  const order = await db(orders.tableName).where('document_id', documentId).first('id', 'created_at');
  const shift = new Date(order.created_at).getTime() - at.getTime();
  await db(orders.tableName).where('id', order.id).update({ created_at: at, updated_at: at });
  for (const [uid, column] of [
    ['plugin::orders.history-entry', 'at'],
    ['plugin::orders.stock-movement', 'created_at'],
  ] as const) {
    const { name, joinColumn, inverseJoinColumn } = link(uid);
    const ids = (await db(name).where(inverseJoinColumn.name, order.id).select(joinColumn.name)).map((row) => row[joinColumn.name]);
    const rows = await db(meta(uid).tableName).whereIn('id', ids).select('id', column);
    for (const row of rows)
      await db(meta(uid).tableName)
        .where('id', row.id)
        .update({ [column]: new Date(new Date(row[column]).getTime() - shift) });
  }
};

/** The past half year of the shop: its customers' orders, made and then dated back. */
export const seedHistory = async (strapi: Core.Strapi, actor: Actor) => {
  const random = seeded(20261201);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const between = ([from, to]: [number, number]) => from + Math.floor(random() * (to - from + 1));
  const orders = strapi.plugin('orders').service('orders');
  const inventory = strapi.plugin('orders').service('inventory');
  for (const item of HISTORY_STOCK) await inventory.create(item, actor);

  let made = 0;
  for (const buyer of BUYERS) {
    for (let i = 0; i < buyer.count; i += 1) {
      made += 1;
      const name = `${pick(LAST_NAMES)} ${pick(FIRST_NAMES)}`;
      const place = pick(CITIES);
      const details = {
        name,
        email: `vevo${made}@example.hu`,
        phone: `+36 30 ${String(1_000_000 + made * 7919).slice(-7)}`,
        address: { country: 'HU', ...place, street: `${pick(['Fő', 'Kossuth', 'Petőfi', 'Rákóczi'])} utca ${made}.` },
      };
      const count = between(buyer.orders);
      let daysAgo = between(buyer.lastDaysAgo) + (count - 1) * buyer.gapDays;
      let customerId: string | undefined;
      for (let n = 0; n < count; n += 1, daysAgo -= buyer.gapDays) {
        const lines = Array.from({ length: between([1, 3]) }, () => ({ sku: pick(HISTORY_STOCK).sku, quantity: String(between([1, 3])) }));
        const unique = [...new Map(lines.map((line) => [line.sku, line])).values()];
        const methods = { paymentMethod: pick(PAYMENT_METHODS), shippingMethod: pick(SHIPPING_METHODS) };
        const buyer = customerId ? { customerId } : { customer: details };
        const order = await orders.create({ ...buyer, ...methods, items: unique }, actor);
        customerId = order.customer.documentId;
        await act(orders, order.documentId, actionsFor(daysAgo, random), actor);
        // A parcel on its way, or delivered, has the carrier's number.
        const shipped = methods.shippingMethod !== 'Személyes átvétel' && (await orders.get(order.documentId)).state;
        if (shipped === 'fulfilled' || shipped === 'successful')
          await orders.update(order.documentId, { trackingNumber: `GLS${String(90_000_000 + made * 1000 + n)}` }, actor);
        const at = new Date(Date.now() - daysAgo * DAY_MS - between([1, 10]) * 3_600_000);
        await backdate(strapi, order.documentId, at);
      }
    }
  }
  // The segments of customers whose orders were just dated back: now, not at the next midnight.
  await strapi.plugin('orders').service('segments').recompute('all');
};

/** A WooCommerce shop's order as its webhook sends it, its lines at 27 % VAT, gross unit prices. */
const wooOrder = (id: number, daysAgo: number, lines: Array<[string, string, number, number]>, status = 'processing') => {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 19);
  const items = lines.map(([sku, name, quantity, unitGross], index) => {
    const gross = quantity * unitGross;
    const net = Math.round(gross / 1.27);
    return {
      id: index + 1,
      name,
      sku,
      quantity,
      subtotal: String(net),
      subtotal_tax: String(gross - net),
      total: String(net),
      total_tax: String(gross - net),
      price: unitGross,
    };
  });
  const total = items.reduce((sum, item) => sum + Number(item.total) + Number(item.total_tax), 0);
  const tax = items.reduce((sum, item) => sum + Number(item.total_tax), 0);
  return {
    id,
    number: String(id),
    status,
    currency: 'HUF',
    date_created_gmt: at,
    date_modified_gmt: at,
    total: String(total),
    total_tax: String(tax),
    customer_id: 0,
    customer_note: '',
    billing: {
      first_name: 'Éva',
      last_name: 'Fekete',
      company: '',
      address_1: 'Ady Endre út 3.',
      city: 'Kecskemét',
      postcode: '6000',
      country: 'HU',
      email: 'feketeeva@example.hu',
      phone: '+36201112233',
    },
    shipping: { first_name: 'Éva', last_name: 'Fekete', address_1: 'Ady Endre út 3.', city: 'Kecskemét', postcode: '6000', country: 'HU' },
    payment_method: 'cod',
    line_items: items,
    shipping_lines: [],
    fee_lines: [],
    coupon_lines: [],
  };
};

/** A WooCommerce connection and what it delivered: orders that follow the shop, and one whose SKU the inventory lacks. */
export const seedWebshop = async (strapi: Core.Strapi) => {
  const connection = await strapi
    .plugin('orders')
    .service('connections')
    .create({ name: 'Demo webshop (WooCommerce)', kind: 'woocommerce', shopUrl: 'https://bolt.example.hu' });
  const inbound = await strapi.plugin('orders').service('connections').forInbound(connection.documentId);
  const deliveries = [
    wooOrder(5101, 6, [['KAVE-250', 'Pörkölt kávé 250 g', 2, 2990]], 'completed'),
    wooOrder(5102, 2, [
      ['POHAR-SET', 'Üvegpohár készlet (6 db)', 1, 6990],
      ['KAKAO-200', 'Holland kakaó 200 g', 3, 1890],
    ]),
    wooOrder(5103, 1, [['AJANDEK-DOBOZ', 'Ajándékdoboz', 1, 1990]]),
  ];
  for (const order of deliveries) {
    await strapi
      .plugin('orders')
      .service('inbox')
      .receive(inbound, {
        body: Buffer.from(JSON.stringify(order)),
        contentType: 'application/json',
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': 'order.created',
          'x-wc-webhook-delivery-id': `demo-${order.id}`,
        },
        query: {},
      });
  }
};
