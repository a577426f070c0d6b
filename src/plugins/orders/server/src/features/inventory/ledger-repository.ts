/**
 * The ledger's SQL, written with the query builder on purpose: on-hand stock changes only through
 * one atomic, conditional UPDATE per item — never read, add in JavaScript and write back — so
 * that several app processes on one PostgreSQL cannot oversell; movements are inserted in one
 * batch. Table and column names come from Strapi's metadata, so naming stays Strapi's business.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { MovementCause, MovementKind } from '../../../../shared/contracts/inventory';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { MAX_STOCK_MILLI } from '../../../../shared/domain/quantity';
import type { Knex } from 'knex';
import { columnOf, compiled, insertRows, isPostgres, joinTableOf, type Transaction } from '../../core/database';
import { UID, type PluginUid } from '../../core/uids';

/** One change of one item's on-hand stock, as the engine asks for it. */
export interface Movement {
  stockItemId: number;
  /** Signed change of on-hand stock in thousandths of the item's unit. */
  delta: bigint;
  kind: MovementKind;
  /** An order's movement: what made it. */
  cause?: MovementCause;
  /** An adjustment: the user's reason. */
  reason?: string;
  /** The order that caused it; its number is kept too, for when a deleted draft takes the link. */
  order?: { id: number; documentId: string; number: string };
  /** The invoice that caused it, when invoices drive stock: its issue, or its storno. */
  invoice?: { id: number };
}

/** What an item looks like after a change of its stock. */
export interface StockBalance {
  documentId: string;
  sku: string;
  onHand: bigint;
}

const schemaOf = (strapi: Core.Strapi) => {
  const column = (uid: PluginUid, attribute: string) => columnOf(strapi, uid, attribute);
  return {
    items: {
      table: strapi.db.metadata.get(UID.stockItem).tableName,
      onHand: column(UID.stockItem, 'onHandMilli'),
      sku: column(UID.stockItem, 'sku'),
      documentId: column(UID.stockItem, 'documentId'),
    },
    movements: {
      table: strapi.db.metadata.get(UID.stockMovement).tableName,
      kind: column(UID.stockMovement, 'kind'),
      quantity: column(UID.stockMovement, 'quantityMilli'),
      stockItemLink: joinTableOf(strapi, UID.stockMovement, 'stockItem'),
      orderLink: joinTableOf(strapi, UID.stockMovement, 'order'),
    },
    orders: { table: strapi.db.metadata.get(UID.order).tableName, state: column(UID.order, 'state') },
  };
};

type Rows = Array<Record<string, unknown>>;

export const ledgerRepository = (strapi: Core.Strapi) => {
  let cached: ReturnType<typeof schemaOf> | undefined;
  const schema = () => (cached ??= schemaOf(strapi));

  /** The query's movements of kind "order", grouped by stock item: each item's id and their sum. */
  const heldPerItemQuery = (query: Knex.QueryBuilder) => {
    const { kind, quantity, stockItemLink } = schema().movements;
    const item = `s.${stockItemLink.inverseJoinColumn.name}`;
    return query
      .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
      .andWhere(`m.${kind}`, 'order')
      .groupBy(item)
      .select({ stockItemId: item })
      .sum({ total: `m.${quantity}` });
  };

  /** What the movements took out of stock (positive), per stock item id. */
  const perItem = (rows: Rows) => new Map(rows.map((row) => [Number(row.stockItemId), -toBigInt(row.total)]));

  /** Per stock item, what the movements of kind "order" in the query took out of stock (positive). */
  const heldPerItem = async (query: Knex.QueryBuilder): Promise<Map<number, bigint>> => perItem(await heldPerItemQuery(query));

  /** The movements of one order, per stock item. */
  const heldByOrderQuery = compiled<'orderId'>(strapi, (knex, slot) => {
    const { table, orderLink } = schema().movements;
    return heldPerItemQuery(
      knex(`${table} as m`)
        .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
        .where(`o.${orderLink.inverseJoinColumn.name}`, slot('orderId'))
    );
  });

  return {
    /**
     * Changes on-hand stock by `delta` unless that would take it below zero (when negative stock
     * is off) or to MAX_STOCK_MILLI; the item after, or null.
     */
    async changeOnHand(trx: Transaction, stockItemId: number, delta: bigint, allowNegative: boolean): Promise<StockBalance | null> {
      const { items } = schema();
      const query = trx(items.table).where('id', stockItemId);
      if (!allowNegative && delta < 0n) query.andWhereRaw('?? + ? >= 0', [items.onHand, delta.toString()]);
      // A number, not a string: SQLite compares a number with text as smaller, always. (Exact: below 2^53.)
      if (delta > 0n) query.andWhereRaw('?? + ? < ?', [items.onHand, delta.toString(), Number(MAX_STOCK_MILLI)]);
      const rows: Rows = await query.update({ [items.onHand]: trx.raw('?? + ?', [items.onHand, delta.toString()]) }, [
        items.onHand,
        items.sku,
        items.documentId,
      ]);
      if (!rows.length) return null;
      return { documentId: String(rows[0][items.documentId]), sku: String(rows[0][items.sku]), onHand: toBigInt(rows[0][items.onHand]) };
    },

    /**
     * Changes the on-hand stock of several items, each by its delta, in one conditional UPDATE
     * with the conditions of changeOnHand; answers the balances of the items it changed, by id —
     * an item missing was refused. On PostgreSQL the items are locked in id order first: a
     * multi-row UPDATE locks in whatever order its plan reads, and two finalizes over the same
     * items must wait for each other, never deadlock.
     */
    async changeOnHandOfMany(trx: Transaction, changes: Array<{ stockItemId: number; delta: bigint }>, allowNegative: boolean) {
      const { items } = schema();
      const ids = changes.map((change) => change.stockItemId);
      // SQLite's RETURNING sees only the updated table, unqualified; PostgreSQL's sees both, qualified.
      const returning = (table: string) => `RETURNING ${table}id, ${table}?? AS on_hand, ${table}?? AS sku, ${table}?? AS document_id`;
      const conditions = `t.id = d.id AND (d.delta >= 0 OR ? OR t.?? + d.delta >= 0) AND (d.delta <= 0 OR t.?? + d.delta < ?)`;
      const columns = [items.onHand, items.onHand, Number(MAX_STOCK_MILLI), items.onHand, items.sku, items.documentId];
      let result: { rows?: Rows } | Rows;
      if (isPostgres(strapi)) {
        await trx(items.table).whereIn('id', ids).orderBy('id').forUpdate().select('id');
        // Arrays as PostgreSQL's literals: knex would spread a JavaScript array into a list.
        const array = (values: Array<number | bigint>) => `{${values.join(',')}}`;
        result = await trx.raw(
          `UPDATE ?? AS t SET ?? = t.?? + d.delta FROM unnest(?::int[], ?::bigint[]) AS d(id, delta) WHERE ${conditions} ${returning('t.')}`,
          [items.table, items.onHand, items.onHand, array(ids), array(changes.map((change) => change.delta)), allowNegative, ...columns]
        );
      } else {
        // SQLite compares text with a number as greater, always: the deltas are cast to integers.
        const values = changes.map(() => '(CAST(? AS INTEGER), CAST(? AS INTEGER))').join(', ');
        result = await trx.raw(
          `WITH d(id, delta) AS (VALUES ${values}) UPDATE ?? AS t SET ?? = t.?? + d.delta FROM d WHERE ${conditions} ${returning('')}`,
          [
            ...changes.flatMap((change) => [change.stockItemId, change.delta.toString()]),
            items.table,
            items.onHand,
            items.onHand,
            allowNegative ? 1 : 0,
            ...columns,
          ]
        );
      }
      const rows = Array.isArray(result) ? result : (result.rows ?? []);
      return new Map(
        rows.map((row): [number, StockBalance] => [
          Number(row.id),
          { documentId: String(row.document_id), sku: String(row.sku), onHand: toBigInt(row.on_hand) },
        ])
      );
    },

    /** SKU and on-hand stock of the items, by id. */
    async onHandOf(trx: Transaction, stockItemIds: number[]): Promise<Map<number, { sku: string; onHand: bigint }>> {
      const { items } = schema();
      const rows: Rows = await trx(items.table).select('id', items.sku, items.onHand).whereIn('id', stockItemIds);
      return new Map(rows.map((row) => [Number(row.id), { sku: String(row[items.sku]), onHand: toBigInt(row[items.onHand]) }]));
    },

    insertMovements: (trx: Transaction, movements: Movement[], balances: bigint[], actor: Actor) =>
      insertRows(
        strapi,
        trx,
        UID.stockMovement,
        movements.map((movement, index) => ({
          values: {
            kind: movement.kind,
            quantityMilli: movement.delta.toString(),
            balanceAfterMilli: balances[index].toString(),
            cause: movement.cause ?? null,
            reason: movement.reason ?? null,
            orderNumber: movement.order?.number ?? null,
            actor,
          },
          links: { stockItem: movement.stockItemId, order: movement.order?.id, invoice: movement.invoice?.id },
        }))
      ),

    /** What the ledger shows an order holding, per stock item id, read inside the change's transaction (every transition's). */
    async heldByOrder(db: Knex, orderId: number) {
      return perItem(await heldByOrderQuery(db, { orderId }));
    },

    /**
     * What orders in the given states hold of every stock item, as a subquery of
     * (stock_item_id, held) to join: what the inventory list sorts reserved and physical stock by.
     */
    heldByOrdersInQuery(states: readonly string[]) {
      const { movements, orders } = schema();
      const { orderLink, stockItemLink } = movements;
      const item = `s.${stockItemLink.inverseJoinColumn.name}`;
      const knex = strapi.db.connection;
      return knex(`${movements.table} as m`)
        .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
        .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
        .join(`${orders.table} as ord`, 'ord.id', `o.${orderLink.inverseJoinColumn.name}`)
        .where(`m.${movements.kind}`, 'order')
        .whereIn(`ord.${orders.state}`, [...states])
        .groupBy(item)
        .select({ stock_item_id: item }, knex.raw('-SUM(??) AS held', [`m.${movements.quantity}`]));
    },

    /**
     * What orders in the given states hold of the stock item whose id is `itemColumn`, as a
     * correlated subquery: one item's figure read with the item's own row, in the same query.
     */
    heldOfItemQuery(states: readonly string[], itemColumn: string) {
      const { movements, orders } = schema();
      const { orderLink, stockItemLink } = movements;
      const knex = strapi.db.connection;
      return knex(`${movements.table} as m`)
        .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
        .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
        .join(`${orders.table} as ord`, 'ord.id', `o.${orderLink.inverseJoinColumn.name}`)
        .where(`s.${stockItemLink.inverseJoinColumn.name}`, knex.ref(itemColumn))
        .andWhere(`m.${movements.kind}`, 'order')
        .whereIn(`ord.${orders.state}`, [...states])
        .select(knex.raw('-COALESCE(SUM(??), 0)', [`m.${movements.quantity}`]));
    },

    /** What orders in the given states hold of each of the given stock items. */
    heldByOrdersIn(db: Knex, states: readonly string[], stockItemIds: number[]) {
      const { movements, orders } = schema();
      const { orderLink, stockItemLink } = movements;
      return heldPerItem(
        db(`${movements.table} as m`)
          .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
          .join(`${orders.table} as ord`, 'ord.id', `o.${orderLink.inverseJoinColumn.name}`)
          .whereIn(`ord.${orders.state}`, [...states])
          .whereIn(`s.${stockItemLink.inverseJoinColumn.name}`, stockItemIds)
      );
    },
  };
};
