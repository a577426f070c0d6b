/**
 * The ledger's SQL, written below the query engine on purpose: an item's on-hand stock, and what
 * orders reserve of it, change only through an atomic, conditional UPDATE — never read, added in
 * JavaScript and written back — so that several app processes on one PostgreSQL cannot oversell;
 * movements are inserted in one batch. Table and column names come from Strapi's metadata, so
 * naming stays Strapi's business.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { MovementCause, MovementKind } from '../../../../shared/contracts/inventory';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { RESERVING_STATES } from '../../../../shared/domain/lifecycle';
import { MAX_STOCK_MILLI } from '../../../../shared/domain/quantity';
import type { Knex } from 'knex';
import { columnOf, compiled, insertRows, isPostgres, joinTableOf, runSql, type Transaction } from '../../core/database';
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

/** One item's change: of its on-hand stock, and of what orders reserve of it. */
export interface ItemChange {
  stockItemId: number;
  delta: bigint;
  reserved: bigint;
}

/** What an item looks like after a change of its stock. */
export interface StockBalance {
  documentId: string;
  sku: string;
  onHand: bigint;
  /** Null until counted at start (ledger.ts, countReservations). */
  reserved: bigint | null;
}

const schemaOf = (strapi: Core.Strapi) => {
  const column = (uid: PluginUid, attribute: string) => columnOf(strapi, uid, attribute);
  return {
    items: {
      table: strapi.db.metadata.get(UID.stockItem).tableName,
      onHand: column(UID.stockItem, 'onHandMilli'),
      reserved: column(UID.stockItem, 'reservedMilli'),
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

const balanceOf = (row: Record<string, unknown>): StockBalance => ({
  documentId: String(row.document_id),
  sku: String(row.sku),
  onHand: toBigInt(row.on_hand),
  reserved: row.reserved == null ? null : toBigInt(row.reserved),
});

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
     * Changes the stock of items, each by its change, in one conditional UPDATE: on-hand stock
     * unless that would take it below zero (when negative stock is off) or to MAX_STOCK_MILLI,
     * and what orders reserve. Answers the balances of the items it changed, by id — an item
     * missing was refused. On PostgreSQL several items are locked in id order first: a multi-row
     * UPDATE locks in whatever order its plan reads, and two finalizes over the same items must
     * wait for each other, never deadlock.
     */
    async changeStock(trx: Transaction, changes: ItemChange[], allowNegative: boolean): Promise<Map<number, StockBalance>> {
      const { items } = schema();
      const [table, onHand, reserved, sku, documentId] = [items.table, items.onHand, items.reserved, items.sku, items.documentId].map(
        (name) => `"${name}"`
      );
      // SQLite's RETURNING sees only the updated table, unqualified; PostgreSQL's sees both, qualified.
      const returning = (t: string) =>
        `RETURNING ${t}id, ${t}${onHand} AS on_hand, ${t}${reserved} AS reserved, ${t}${sku} AS sku, ${t}${documentId} AS document_id`;
      const set = `${onHand} = t.${onHand} + d.delta, ${reserved} = t.${reserved} + d.reserved`;
      const conditions = `t.id = d.id AND (d.delta >= 0 OR ? OR t.${onHand} + d.delta >= 0) AND (d.delta <= 0 OR t.${onHand} + d.delta < ?)`;
      let rows: Rows;
      if (isPostgres(strapi)) {
        const ids = changes.map((change) => change.stockItemId);
        if (ids.length > 1) await trx(items.table).whereIn('id', ids).orderBy('id').forUpdate().select('id');
        // Arrays as PostgreSQL's literals: knex would spread a JavaScript array into a list.
        const array = (values: Array<number | bigint>) => `{${values.join(',')}}`;
        rows = await runSql(
          strapi,
          trx,
          `UPDATE ${table} AS t SET ${set} FROM unnest(?::int[], ?::bigint[], ?::bigint[]) AS d(id, delta, reserved) WHERE ${conditions} ${returning('t.')}`,
          [
            array(ids),
            array(changes.map((change) => change.delta)),
            array(changes.map((change) => change.reserved)),
            allowNegative,
            Number(MAX_STOCK_MILLI),
          ]
        );
      } else {
        // SQLite compares text with a number as greater, always: the deltas are cast to integers.
        const values = changes.map(() => '(CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER))').join(', ');
        rows = await runSql(
          strapi,
          trx,
          `WITH d(id, delta, reserved) AS (VALUES ${values}) UPDATE ${table} AS t SET ${set} FROM d WHERE ${conditions} ${returning('')}`,
          [
            ...changes.flatMap((change) => [change.stockItemId, change.delta.toString(), change.reserved.toString()]),
            allowNegative ? 1 : 0,
            Number(MAX_STOCK_MILLI),
          ]
        );
      }
      return new Map(rows.map((row): [number, StockBalance] => [Number(row.id), balanceOf(row)]));
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
     * Counts what finalized orders hold of each item whose reservation is not counted yet (null),
     * from the ledger; answers how many it counted. On PostgreSQL the items are locked against
     * writes for it: a finalize committing while it sums would be missed by the sum yet find the
     * column still null, and add itself to nothing.
     */
    async countReservations(trx: Transaction): Promise<number> {
      const { items, movements, orders } = schema();
      const { orderLink, stockItemLink } = movements;
      if (isPostgres(strapi)) await trx.raw('LOCK TABLE ?? IN SHARE ROW EXCLUSIVE MODE', [items.table]);
      const held = trx(`${movements.table} as m`)
        .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
        .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
        .join(`${orders.table} as ord`, 'ord.id', `o.${orderLink.inverseJoinColumn.name}`)
        .where(`s.${stockItemLink.inverseJoinColumn.name}`, trx.ref(`${items.table}.id`))
        .andWhere(`m.${movements.kind}`, 'order')
        .whereIn(`ord.${orders.state}`, [...RESERVING_STATES])
        .select(trx.raw('-COALESCE(SUM(??), 0)', [`m.${movements.quantity}`]));
      return trx(items.table)
        .whereNull(items.reserved)
        .update({ [items.reserved]: held });
    },
  };
};
