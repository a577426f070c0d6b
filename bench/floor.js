/**
 * The database's floor under the engine: the fewest statements that make an operation's writes,
 * issued through the raw driver on a connection of Strapi's own pool — better-sqlite3 prepared
 * statements, or node-postgres named statements with array parameters — in one transaction.
 * What no implementation of the same guarantees can skip: the order's lock, one conditional
 * UPDATE of every stock item that cannot oversell, the movements with their balances and links,
 * the order's state and its history entry.
 */
const { createId } = require('@paralleldrive/cuid2');

/** The tables and columns the floor writes, from Strapi's metadata. */
const schemaOf = (strapi) => {
  const meta = (uid) => strapi.db.metadata.get(uid);
  const link = (uid, attribute) => {
    const { joinTable } = meta(uid).attributes[attribute];
    return { table: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name };
  };
  return {
    orders: meta('plugin::orders.order').tableName,
    items: meta('plugin::orders.stock-item').tableName,
    movements: meta('plugin::orders.stock-movement').tableName,
    movementItem: link('plugin::orders.stock-movement', 'stockItem'),
    movementOrder: link('plugin::orders.stock-movement', 'order'),
    history: meta('plugin::orders.history-entry').tableName,
    historyOrder: link('plugin::orders.history-entry', 'order'),
  };
};

/** Runs `use` on a connection taken from Strapi's pool, and gives it back. */
const withRawConnection = async (strapi, use) => {
  const { client } = strapi.db.connection;
  const connection = await client.acquireConnection();
  try {
    return await use(connection);
  } finally {
    await client.releaseConnection(connection);
  }
};

const ACTOR = JSON.stringify({ type: 'system', name: 'bench' });
const MOVEMENT_COLUMNS = 'document_id, kind, quantity_milli, balance_after_milli, reason, actor, created_at, updated_at, published_at';
const HISTORY_COLUMNS = 'document_id, at, actor, action, from_state, to_state, created_at, updated_at, published_at';

const places = (rows, width) => Array.from({ length: rows }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');

/** better-sqlite3: statements prepared once per connection and shape. */
const sqliteFloor = (s) => {
  const prepared = new WeakMap();
  const statement = (db, sql) => {
    const cache = prepared.get(db) ?? new Map();
    prepared.set(db, cache);
    if (!cache.has(sql)) cache.set(sql, db.prepare(sql));
    return cache.get(sql);
  };

  /** `deltas`: [stockItemId, signed change of on-hand in thousandths] per line, one per item. */
  const finalize = (db, { orderDocumentId, deltas }) =>
    db.transaction(() => {
      const now = Date.now();
      const order = statement(db, `SELECT id FROM ${s.orders} WHERE document_id = ?`).get(orderDocumentId);
      const balances = statement(
        db,
        `WITH d(id, delta) AS (VALUES ${places(deltas.length, 2)})
         UPDATE ${s.items} SET on_hand_milli = on_hand_milli + d.delta FROM d
         WHERE ${s.items}.id = d.id AND on_hand_milli + d.delta >= 0 RETURNING ${s.items}.id, on_hand_milli`
      ).all(deltas.flat());
      if (balances.length !== deltas.length) throw new Error('floor: short of stock');
      const after = new Map(balances.map((row) => [row.id, row.on_hand_milli]));
      const movements = statement(
        db,
        `INSERT INTO ${s.movements} (${MOVEMENT_COLUMNS}) VALUES ${places(deltas.length, 9)} RETURNING id`
      ).all(deltas.flatMap(([id, delta]) => [createId(), 'order', delta, after.get(id), 'bench', ACTOR, now, now, now]));
      const links = (link, target) =>
        statement(db, `INSERT INTO ${link.table} (${link.from}, ${link.to}) VALUES ${places(movements.length, 2)}`).run(
          movements.flatMap((row, index) => [row.id, target(index)])
        );
      links(s.movementItem, (index) => deltas[index][0]);
      links(s.movementOrder, () => order.id);
      statement(db, `UPDATE ${s.orders} SET state = ?, updated_at = ? WHERE id = ?`).run('finalized', now, order.id);
      const entry = statement(db, `INSERT INTO ${s.history} (${HISTORY_COLUMNS}) VALUES ${places(1, 9)} RETURNING id`).get(
        createId(),
        now,
        ACTOR,
        'finalize',
        'draft',
        'finalized',
        now,
        now,
        now
      );
      statement(db, `INSERT INTO ${s.historyOrder.table} (${s.historyOrder.from}, ${s.historyOrder.to}) VALUES (?, ?)`).run(
        entry.id,
        order.id
      );
    })();

  return { finalize };
};

/** node-postgres: named statements, one per shape, with array parameters for the lines. */
const postgresFloor = (s) => {
  const query = (client, name, text, values) => client.query({ name: `floor-${name}`, text, values });

  const finalize = async (client, { orderDocumentId, deltas }) => {
    const now = new Date();
    await client.query('BEGIN');
    try {
      const { rows: orders } = await query(client, 'lock', `SELECT id FROM ${s.orders} WHERE document_id = $1 FOR UPDATE`, [
        orderDocumentId,
      ]);
      const orderId = orders[0].id;
      const ids = deltas.map(([id]) => id);
      // Locked in id order first, so that two finalizes over the same items wait, never deadlock.
      await query(client, 'lock-items', `SELECT id FROM ${s.items} WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [ids]);
      const { rows: balances } = await query(
        client,
        'stock',
        `UPDATE ${s.items} AS i SET on_hand_milli = i.on_hand_milli + d.delta
         FROM unnest($1::int[], $2::bigint[]) AS d(id, delta)
         WHERE i.id = d.id AND i.on_hand_milli + d.delta >= 0 RETURNING i.id, i.on_hand_milli`,
        [ids, deltas.map(([, delta]) => delta)]
      );
      if (balances.length !== deltas.length) throw new Error('floor: short of stock');
      const after = new Map(balances.map((row) => [row.id, row.on_hand_milli]));
      const { rows: movements } = await query(
        client,
        'movements',
        `INSERT INTO ${s.movements} (${MOVEMENT_COLUMNS})
         SELECT m.document_id, 'order', m.quantity, m.balance, 'bench', $4::jsonb, $5, $5, $5
         FROM unnest($1::text[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS m(document_id, quantity, balance, n)
         ORDER BY m.n RETURNING id`,
        [deltas.map(() => createId()), deltas.map(([, delta]) => delta), deltas.map(([id]) => after.get(id)), ACTOR, now]
      );
      const movementIds = movements.map((row) => row.id);
      await query(
        client,
        'movement-items',
        `INSERT INTO ${s.movementItem.table} (${s.movementItem.from}, ${s.movementItem.to}) SELECT * FROM unnest($1::int[], $2::int[])`,
        [movementIds, ids]
      );
      await query(
        client,
        'movement-orders',
        `INSERT INTO ${s.movementOrder.table} (${s.movementOrder.from}, ${s.movementOrder.to}) SELECT m, $2 FROM unnest($1::int[]) AS m`,
        [movementIds, orderId]
      );
      await query(client, 'state', `UPDATE ${s.orders} SET state = $1, updated_at = $2 WHERE id = $3`, ['finalized', now, orderId]);
      await query(
        client,
        'history',
        `WITH h AS (INSERT INTO ${s.history} (${HISTORY_COLUMNS}) VALUES ($1, $2, $3, 'finalize', 'draft', 'finalized', $2, $2, $2) RETURNING id)
         INSERT INTO ${s.historyOrder.table} (${s.historyOrder.from}, ${s.historyOrder.to}) SELECT id, $4 FROM h`,
        [createId(), now, ACTOR, orderId]
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };

  return { finalize };
};

/** The floor's operations on Strapi's database: each takes its own connection from the pool. */
const createFloor = (strapi) => {
  const schema = schemaOf(strapi);
  const floor = strapi.db.dialect.client === 'postgres' ? postgresFloor(schema) : sqliteFloor(schema);
  return Object.fromEntries(
    Object.entries(floor).map(([name, operation]) => [
      name,
      (input) => withRawConnection(strapi, (connection) => operation(connection, input)),
    ])
  );
};

module.exports = { createFloor };
