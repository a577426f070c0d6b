/**
 * The stock ledger: every change of on-hand stock is one append-only stock-movement row, and
 * stock-item.onHandMilli is a cache of their sum, written in the same transaction.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { Shortage } from '../../../../shared/contracts/errors';
import { formatQuantity, MAX_STOCK_MILLI } from '../../../../shared/domain/quantity';
import { readIn, type Transaction } from '../../core/database';
import { conflict } from '../../core/errors';
import { getService } from '../../core/service';
import { ledgerRepository, type Movement, type StockBalance } from './ledger-repository';

export type { Movement } from './ledger-repository';

const createLedger = ({ strapi }: { strapi: Core.Strapi }) => {
  const ledger = ledgerRepository(strapi);

  const shortagesOf = async (trx: Transaction, short: Movement[]): Promise<Shortage[]> => {
    const items = await ledger.onHandOf(
      trx,
      short.map((movement) => movement.stockItemId)
    );
    return short.map(({ stockItemId, delta }) => ({
      sku: items.get(stockItemId)!.sku,
      requested: formatQuantity(-delta),
      available: formatQuantity(items.get(stockItemId)!.onHand),
    }));
  };

  /**
   * Changes on-hand stock as the movements say: several items at once when each has one
   * movement (an order's lines), else one movement after another, so that each balance is the
   * one after it.
   */
  const change = async (trx: Transaction, movements: Movement[], allowNegative: boolean) => {
    const atOnce = movements.length > 1 && new Set(movements.map((movement) => movement.stockItemId)).size === movements.length;
    const balances = atOnce ? await ledger.changeOnHandOfMany(trx, movements, allowNegative) : null;
    const after: StockBalance[] = [];
    const refused: Movement[] = [];
    for (const movement of movements) {
      const balance = balances
        ? balances.get(movement.stockItemId)
        : await ledger.changeOnHand(trx, movement.stockItemId, movement.delta, allowNegative);
      if (balance) after.push(balance);
      else refused.push(movement);
    }
    return { after, refused };
  };

  const moves = (movements: Movement[], after: StockBalance[]) =>
    movements.map((movement, index) => ({
      stockItem: after[index].documentId,
      sku: after[index].sku,
      kind: movement.kind,
      quantity: formatQuantity(movement.delta),
      balanceAfter: formatQuantity(after[index].onHand),
      order: movement.order?.documentId ?? null,
    }));

  return {
    /**
     * Applies movements inside the caller's transaction (or a new one). When any item would go
     * below zero and negative stock is off, nothing is written and a 409 lists every short item;
     * when one would reach MAX_STOCK_MILLI, a 409 names it.
     */
    async apply(movements: Movement[], actor: Actor, { allowNegativeStock }: { allowNegativeStock: boolean }): Promise<StockBalance[]> {
      if (!movements.length) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const { after, refused } = await change(trx, movements, allowNegativeStock);
        // Only an addition can be refused for reaching the limit: a subtraction is refused for want of stock.
        const over = refused.find((movement) => movement.delta > 0n);
        if (over) {
          const { sku } = (await ledger.onHandOf(trx, [over.stockItemId])).get(over.stockItemId)!;
          const limit = formatQuantity(MAX_STOCK_MILLI);
          throw conflict('stockLimit', `Stock of ${sku} would reach ${limit}, more than any item may have`, { sku, limit });
        }
        if (refused.length) {
          const shortages = await shortagesOf(trx, refused);
          throw conflict(
            'stockShortage',
            `Not enough stock: ${shortages.map((s) => `${s.sku} (requested ${s.requested}, available ${s.available})`).join(', ')}`,
            { shortages }
          );
        }
        await ledger.insertMovements(
          trx,
          movements,
          after.map((balance) => balance.onHand),
          actor
        );
        await getService(strapi, 'events').publish('stock.moved', { moves: moves(movements, after), actor });
        return after;
      });
    },

    // Read in the caller's transaction when there is one (a request under an Idempotency-Key is one).

    /** What orders in the given states hold of each of the given stock items, per stock item id. */
    heldByOrdersIn: async (states: readonly string[], stockItemIds: number[]): Promise<Map<number, bigint>> =>
      stockItemIds.length ? readIn(strapi, (db) => ledger.heldByOrdersIn(db, states, stockItemIds)) : new Map(),

    /** What the ledger shows an order holding, per stock item id (positive = taken out of stock). */
    heldByOrder: (orderId: number): Promise<Map<number, bigint>> => readIn(strapi, (db) => ledger.heldByOrder(db, orderId)),
  };
};

export default createLedger;
