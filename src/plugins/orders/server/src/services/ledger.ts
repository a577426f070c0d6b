/**
 * The stock ledger: every change of on-hand stock is one append-only stock-movement row, and
 * stock-item.onHandMilli is a cache of their sum, written in the same transaction.
 *
 * Written with the query builder on purpose: on-hand stock changes only through one atomic,
 * conditional UPDATE per item — never read, add in JavaScript and write back — so that several
 * app processes on one PostgreSQL cannot oversell, and movements are inserted in one batch.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts/actor';
import type { Shortage } from '../../../shared/contracts/errors';
import type { MovementKind } from '../../../shared/contracts/inventory';
import { toBigInt } from '../../../shared/domain/fixed-point';
import { formatQuantity } from '../../../shared/domain/quantity';
import { columnOf, insertRows, joinTableOf, type Transaction } from '../database';
import { conflict } from '../errors';
import { UID, type PluginUid } from '../uids';

export interface Movement {
  stockItemId: number;
  /** Signed change of on-hand stock in thousandths of the item's unit. */
  delta: bigint;
  kind: MovementKind;
  reason: string;
  orderId?: number;
}

type Knex = Transaction;

/** Table and column names come from Strapi's metadata, so naming stays Strapi's business. */
const schemaOf = (strapi: Core.Strapi) => {
  const item = strapi.db.metadata.get(UID.stockItem);
  const column = (uid: PluginUid, attribute: string) => columnOf(strapi, uid, attribute);
  return {
    items: { table: item.tableName, onHand: column(UID.stockItem, 'onHandMilli'), sku: column(UID.stockItem, 'sku') },
    movements: {
      table: strapi.db.metadata.get(UID.stockMovement).tableName,
      columns: { kind: column(UID.stockMovement, 'kind'), quantity: column(UID.stockMovement, 'quantityMilli') },
      stockItemLink: joinTableOf(strapi, UID.stockMovement, 'stockItem'),
      orderLink: joinTableOf(strapi, UID.stockMovement, 'order'),
    },
  };
};

const createLedger = ({ strapi }: { strapi: Core.Strapi }) => {
  let cachedSchema: ReturnType<typeof schemaOf> | undefined;
  const schema = () => (cachedSchema ??= schemaOf(strapi));

  /** Changes on-hand stock by `delta` unless that would take it below zero; the new balance or null. */
  const changeOnHand = async (trx: Knex, stockItemId: number, delta: bigint, allowNegative: boolean) => {
    const { items } = schema();
    const query = trx(items.table).where('id', stockItemId);
    if (!allowNegative && delta < 0n) query.andWhereRaw('?? + ? >= 0', [items.onHand, delta.toString()]);
    const rows: Array<Record<string, unknown>> = await query.update(
      { [items.onHand]: trx.raw('?? + ?', [items.onHand, delta.toString()]) },
      [items.onHand]
    );
    return rows.length ? toBigInt(rows[0][items.onHand]) : null;
  };

  const shortagesOf = async (trx: Knex, short: Movement[]): Promise<Shortage[]> => {
    const { items } = schema();
    const rows: Array<Record<string, unknown>> = await trx(items.table)
      .select('id', items.sku, items.onHand)
      .whereIn('id', short.map((movement) => movement.stockItemId));
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    return short.map(({ stockItemId, delta }) => {
      const row = byId.get(stockItemId)!;
      return {
        sku: String(row[items.sku]),
        requested: formatQuantity(-delta),
        available: formatQuantity(toBigInt(row[items.onHand])),
      };
    });
  };

  const insertMovements = (trx: Knex, movements: Movement[], balances: bigint[], actor: Actor) =>
    insertRows(
      strapi,
      trx,
      UID.stockMovement,
      movements.map((movement, index) => ({
        values: {
          kind: movement.kind,
          quantityMilli: movement.delta.toString(),
          balanceAfterMilli: balances[index].toString(),
          reason: movement.reason,
          actor: JSON.stringify(actor),
        },
        links: { stockItem: movement.stockItemId, order: movement.orderId },
      }))
    );

  return {
    /**
     * Applies movements inside the caller's transaction (or a new one). When any item would go
     * below zero and negative stock is off, nothing is written and a 409 lists every short item.
     */
    async apply(movements: Movement[], actor: Actor, { allowNegativeStock }: { allowNegativeStock: boolean }) {
      if (!movements.length) return;
      await strapi.db.transaction(async ({ trx }) => {
        const balances: bigint[] = [];
        const short: Movement[] = [];
        for (const movement of movements) {
          const balance = await changeOnHand(trx, movement.stockItemId, movement.delta, allowNegativeStock);
          if (balance === null) short.push(movement);
          else balances.push(balance);
        }
        if (short.length) {
          const shortages = await shortagesOf(trx, short);
          throw conflict(
            'stockShortage',
            `Not enough stock: ${shortages.map((s) => `${s.sku} (requested ${s.requested}, available ${s.available})`).join(', ')}`,
            { shortages }
          );
        }
        await insertMovements(trx, movements, balances, actor);
      });
    },

    /** What orders in the given states hold of each of the given stock items, per stock item id. */
    async heldByOrdersIn(states: readonly string[], stockItemIds: number[]): Promise<Map<number, bigint>> {
      if (!stockItemIds.length) return new Map();
      const { table, columns, stockItemLink, orderLink } = schema().movements;
      const orders = strapi.db.metadata.get(UID.order);
      const rows: Array<{ stockItemId: unknown; total: unknown }> = await strapi.db
        .getConnection(`${table} as m`)
        .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
        .join(`${orders.tableName} as ord`, 'ord.id', `o.${orderLink.inverseJoinColumn.name}`)
        .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
        .whereIn(`s.${stockItemLink.inverseJoinColumn.name}`, stockItemIds)
        .whereIn(`ord.${columnOf(strapi, UID.order, 'state')}`, [...states])
        .andWhere(`m.${columns.kind}`, 'order')
        .groupBy(`s.${stockItemLink.inverseJoinColumn.name}`)
        .select({ stockItemId: `s.${stockItemLink.inverseJoinColumn.name}` })
        .sum({ total: `m.${columns.quantity}` });
      return new Map(rows.map((row) => [Number(row.stockItemId), -toBigInt(row.total)]));
    },

    /** What the ledger shows an order holding, per stock item id (positive = taken out of stock). */
    async heldByOrder(orderId: number): Promise<Map<number, bigint>> {
      const { table, columns, stockItemLink, orderLink } = schema().movements;
      return strapi.db.transaction(async ({ trx }) => {
        const rows: Array<{ stockItemId: unknown; total: unknown }> = await trx(`${table} as m`)
          .join(`${orderLink.name} as o`, `o.${orderLink.joinColumn.name}`, 'm.id')
          .join(`${stockItemLink.name} as s`, `s.${stockItemLink.joinColumn.name}`, 'm.id')
          .where(`o.${orderLink.inverseJoinColumn.name}`, orderId)
          .andWhere(`m.${columns.kind}`, 'order')
          .groupBy(`s.${stockItemLink.inverseJoinColumn.name}`)
          .select({ stockItemId: `s.${stockItemLink.inverseJoinColumn.name}` })
          .sum({ total: `m.${columns.quantity}` });
        return new Map(rows.map((row) => [Number(row.stockItemId), -toBigInt(row.total)]));
      });
    },
  };
};

export default createLedger;
