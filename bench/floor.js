/**
 * The database's floor under the engine: for each operation, the fewest statements that make its
 * writes, issued through the raw driver on a connection of Strapi's own pool — better-sqlite3
 * prepared statements, or node-postgres named statements — in one transaction. What no
 * implementation of the same guarantees can skip: the order's lock, one conditional UPDATE of
 * every stock item that cannot oversell (on PostgreSQL after locking them in id order), the
 * movements with their balances and links, the order's rows, its state and its history entry.
 */
const { createId } = require('@paralleldrive/cuid2');

const ACTOR = JSON.stringify({ type: 'system', name: 'bench' });

/** The tables and link tables the floor writes, from Strapi's metadata. */
const schemaOf = (strapi) => {
  const meta = (uid) => strapi.db.metadata.get(`plugin::orders.${uid}`);
  const link = (uid, attribute) => {
    const { joinTable } = meta(uid).attributes[attribute];
    return {
      table: joinTable.name,
      from: joinTable.joinColumn.name,
      to: joinTable.inverseJoinColumn.name,
      place: joinTable.inverseOrderColumnName,
    };
  };
  return {
    orders: meta('order').tableName,
    customers: meta('customer').tableName,
    lines: meta('order-item').tableName,
    items: meta('stock-item').tableName,
    movements: meta('stock-movement').tableName,
    history: meta('history-entry').tableName,
    orderCustomer: link('order', 'customer'),
    lineOrder: link('order-item', 'order'),
    lineItem: link('order-item', 'stockItem'),
    movementItem: link('stock-movement', 'stockItem'),
    movementOrder: link('stock-movement', 'order'),
    movementInvoice: link('stock-movement', 'invoice'),
    invoices: meta('invoice').tableName,
    counters: meta('invoice-counter').tableName,
    historyOrder: link('history-entry', 'order'),
  };
};

/** `count` placeholders: "?, ?, ?". */
const list = (count) => Array(count).fill('?').join(', ');

/** `rows` rows of `width` placeholders: "(?, ?), (?, ?)". */
const places = (rows, width) => Array.from({ length: rows }, () => `(${list(width)})`).join(', ');

/** The two drivers behind one `all(sql, params)`: rows answered, statements prepared once. */
const sqliteDriver = (db) => {
  const prepared = (sqliteDriver.cache ??= new WeakMap()).get(db) ?? new Map();
  sqliteDriver.cache.set(db, prepared);
  const statementOf = (sql) => {
    if (!prepared.has(sql)) prepared.set(sql, db.prepare(sql));
    return prepared.get(sql);
  };
  return {
    postgres: false,
    now: () => Date.now(),
    exec: async (sql) => db.exec(sql),
    all: async (sql, params = []) => {
      const statement = statementOf(sql);
      if (statement.reader) return statement.all(params);
      statement.run(params);
      return [];
    },
  };
};

const postgresDriver = (client) => {
  const names = (postgresDriver.names ??= new Map());
  return {
    postgres: true,
    now: () => new Date(),
    exec: (sql) => client.query(sql),
    all: async (sql, params = []) => {
      if (!names.has(sql)) names.set(sql, `floor-${names.size}`);
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query({ name: names.get(sql), text, values: params })).rows;
    },
  };
};

/** The floor's operations, each on one driver, inside one transaction. */
const operations = (s) => {
  const linkRows = (db, link, pairs) =>
    db.all(
      `INSERT INTO ${link.table} (${link.from}, ${link.to}${link.place ? `, ${link.place}` : ''}) VALUES ${places(pairs.length, link.place ? 3 : 2)}`,
      pairs.flatMap(([from, to], index) => (link.place ? [from, to, index + 1] : [from, to]))
    );

  const historyEntry = async (db, orderId, action, from, to, now) => {
    const [entry] = await db.all(
      `INSERT INTO ${s.history} (document_id, at, actor, action, from_state, to_state, created_at, updated_at, published_at)
       VALUES ${places(1, 9)} RETURNING id`,
      [createId(), now, ACTOR, action, from, to, now, now, now]
    );
    await linkRows(db, s.historyOrder, [[entry.id, orderId]]);
  };

  /** One conditional UPDATE of every item; the balances by id. Throws when any item is short. */
  const moveStock = async (db, deltas) => {
    const ids = deltas.map(([id]) => id);
    let rows;
    if (db.postgres) {
      await db.all(`SELECT id FROM ${s.items} WHERE id = ANY(?::int[]) ORDER BY id FOR UPDATE`, [ids]);
      rows = await db.all(
        `UPDATE ${s.items} AS t SET on_hand_milli = t.on_hand_milli + d.delta FROM unnest(?::int[], ?::bigint[]) AS d(id, delta)
         WHERE t.id = d.id AND t.on_hand_milli + d.delta >= 0 RETURNING t.id, t.on_hand_milli`,
        [ids, deltas.map(([, delta]) => delta)]
      );
    } else {
      rows = await db.all(
        `WITH d(id, delta) AS (VALUES ${places(deltas.length, 2)})
         UPDATE ${s.items} SET on_hand_milli = on_hand_milli + d.delta FROM d
         WHERE ${s.items}.id = d.id AND on_hand_milli + d.delta >= 0 RETURNING id, on_hand_milli`,
        deltas.flat()
      );
    }
    if (rows.length !== deltas.length) throw new Error('floor: short of stock');
    return new Map(rows.map((row) => [Number(row.id), String(row.on_hand_milli)]));
  };

  /** Stock movements of an order (or none), with their balances and links, and the invoice that caused them. */
  const movements = async (db, deltas, balances, orderId, now, invoiceId = null) => {
    const rows = await db.all(
      `INSERT INTO ${s.movements} (document_id, kind, quantity_milli, balance_after_milli, reason, actor, created_at, updated_at, published_at)
       VALUES ${places(deltas.length, 9)} RETURNING id`,
      deltas.flatMap(([id, delta]) => [
        createId(),
        orderId ? 'order' : 'adjustment',
        delta,
        balances.get(id),
        'bench',
        ACTOR,
        now,
        now,
        now,
      ])
    );
    await linkRows(
      db,
      s.movementItem,
      rows.map((row, index) => [row.id, deltas[index][0]])
    );
    if (orderId)
      await linkRows(
        db,
        s.movementOrder,
        rows.map((row) => [row.id, orderId])
      );
    if (invoiceId)
      await linkRows(
        db,
        s.movementInvoice,
        rows.map((row) => [row.id, invoiceId])
      );
  };

  const lockOrder = async (db, documentId) => {
    const [order] = await db.all(`SELECT id FROM ${s.orders} WHERE document_id = ?${db.postgres ? ' FOR UPDATE' : ''}`, [documentId]);
    return order.id;
  };

  return {
    /** Finalize (take the lines' goods) or edit (give them back) a 20-line order. `deltas`: [stock item id, change]. */
    async transition(db, { orderDocumentId, deltas, action, from, to }) {
      const now = db.now();
      const orderId = await lockOrder(db, orderDocumentId);
      await movements(db, deltas, await moveStock(db, deltas), orderId, now);
      await db.all(`UPDATE ${s.orders} SET state = ?, updated_at = ? WHERE id = ?`, [to, now, orderId]);
      await historyEntry(db, orderId, action, from, to, now);
    },

    /** A draft with its customer and lines, priced from the stock items it names. */
    async create(db, { stockItemDocumentIds }) {
      const now = db.now();
      const items = await db.all(
        `SELECT id, sku, name, unit, unit_price_minor, vat_rate FROM ${s.items} WHERE document_id IN (${list(stockItemDocumentIds.length)})`,
        stockItemDocumentIds
      );
      const [customer] = await db.all(
        `INSERT INTO ${s.customers} (document_id, name, created_at, updated_at, published_at) VALUES ${places(1, 5)} RETURNING id`,
        [createId(), 'Floor', now, now, now]
      );
      const [order] = await db.all(
        `INSERT INTO ${s.orders} (document_id, source, state, currency, customer_name, created_at, updated_at, published_at)
         VALUES ${places(1, 8)} RETURNING id`,
        [createId(), 'manual', 'draft', 'HUF', 'Floor', now, now, now]
      );
      const net = items.reduce((sum, item) => sum + BigInt(item.unit_price_minor), 0n);
      await db.all(`UPDATE ${s.orders} SET number = ?, net_total_minor = ?, line_count = ? WHERE id = ?`, [
        `F-${order.id}`,
        String(net),
        items.length,
        order.id,
      ]);
      await linkRows(db, s.orderCustomer, [[order.id, customer.id]]);
      const lines = await db.all(
        `INSERT INTO ${s.lines} (document_id, position, sku, name, unit, quantity_milli, unit_price_minor, discount_basis_points, vat_rate, kind, created_at, updated_at, published_at)
         VALUES ${places(items.length, 13)} RETURNING id`,
        items.flatMap((item, position) => [
          createId(),
          position,
          item.sku,
          item.name,
          item.unit,
          1000,
          item.unit_price_minor,
          0,
          item.vat_rate,
          'product',
          now,
          now,
          now,
        ])
      );
      await linkRows(
        db,
        s.lineOrder,
        lines.map((line) => [line.id, order.id])
      );
      await linkRows(
        db,
        s.lineItem,
        lines.map((line, index) => [line.id, items[index].id])
      );
      await historyEntry(db, order.id, 'create', null, 'draft', now);
    },

    /**
     * An invoice of an order when invoices drive stock: the order's lock, the series' number from
     * its counter row (one upsert), the invoice row with its content (the lines are in it), and
     * its stock booked. `content`: the invoice's JSON as the engine writes it.
     */
    async invoice(db, { orderDocumentId, orderNumber, content, deltas }) {
      const now = db.now();
      const orderId = await lockOrder(db, orderDocumentId);
      const year = Number(content.issueDate.slice(0, 4));
      const [counter] = await db.all(
        `INSERT INTO ${s.counters} (document_id, key, last, created_at, updated_at, published_at) VALUES ${places(1, 6)}
         ON CONFLICT (key) DO UPDATE SET last = ${s.counters}.last + 1 RETURNING last`,
        [`F:${year}`, `F:${year}`, 1, now, now, now]
      );
      const number = `F${year}/${counter.last}`;
      const [invoice] = await db.all(
        `INSERT INTO ${s.invoices} (document_id, number, series, year, sequence, type, state, order_document_id, order_number, issue_date,
           buyer_name, currency, gross_minor, content, stock, pdf_state, created_at, updated_at, published_at)
         VALUES ${places(1, 19)} RETURNING id`,
        [
          createId(),
          number,
          'F',
          year,
          counter.last,
          'invoice',
          'issued',
          orderDocumentId,
          orderNumber,
          content.issueDate,
          content.buyer.name,
          content.currency,
          content.totals.gross,
          JSON.stringify({ ...content, number }),
          JSON.stringify(deltas.map(([stockItemId, delta]) => ({ stockItemId, quantityMilli: String(-delta) }))),
          'pending',
          now,
          now,
          now,
        ]
      );
      await movements(db, deltas, await moveStock(db, deltas), orderId, now, invoice.id);
    },

    /** A stock adjustment of one item. */
    async adjust(db, { stockItemId, delta }) {
      const now = db.now();
      const deltas = [[stockItemId, delta]];
      await movements(db, deltas, await moveStock(db, deltas), null, now);
    },
  };
};

/** Runs `use` in a transaction on a connection taken from Strapi's pool, and gives it back. */
const inTransaction = async (strapi, use) => {
  const { client } = strapi.db.connection;
  const connection = await client.acquireConnection();
  const db = strapi.db.dialect.client === 'postgres' ? postgresDriver(connection) : sqliteDriver(connection);
  try {
    await db.exec('BEGIN');
    try {
      await use(db);
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    await client.releaseConnection(connection);
  }
};

/** The floor's operations on Strapi's database. */
const createFloor = (strapi) => {
  const floor = operations(schemaOf(strapi));
  return Object.fromEntries(
    Object.entries(floor).map(([name, operation]) => [name, (input) => inTransaction(strapi, (db) => operation(db, input))])
  );
};

module.exports = { createFloor };
