/**
 * The stock ledger: every change of on-hand stock is one append-only stock-movement row, and
 * stock-item.onHandMilli is a cache of their sum, written in the same transaction. So is
 * stock-item.reservedMilli, of what finalized orders hold: changed with the order's movements or
 * its state, by the change the caller names (stock-plan.ts's reservationChanges).
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { Shortage } from '../../../../shared/contracts/errors';
import { formatQuantity, MAX_STOCK_MILLI } from '../../../../shared/domain/quantity';
import { readIn, type Transaction } from '../../core/database';
import { conflict } from '../../core/errors';
import { getService } from '../../core/service';
import { UID } from '../../core/uids';
import { ledgerRepository, type ItemChange, type Movement, type StockBalance } from './ledger-repository';

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
   * Changes stock as the movements say, each item's reservation with its first movement or alone
   * (a fulfil moves no stock): several items at once when each has one change (an order's lines),
   * else one movement after another, so that each balance is the one after it.
   */
  const change = async (trx: Transaction, movements: Movement[], reserving: Map<number, bigint>, allowNegative: boolean) => {
    const changes: ItemChange[] = movements.map(({ stockItemId, delta }) => ({ stockItemId, delta, reserved: 0n }));
    const firstOf = new Map<number, ItemChange>();
    for (const item of changes) if (!firstOf.has(item.stockItemId)) firstOf.set(item.stockItemId, item);
    for (const [stockItemId, reserved] of reserving) {
      const first = firstOf.get(stockItemId);
      if (first) first.reserved = reserved;
      else changes.push({ stockItemId, delta: 0n, reserved });
    }
    const atOnce = firstOf.size === movements.length;
    const balances = atOnce ? await ledger.changeStock(trx, changes, allowNegative) : null;
    const after: StockBalance[] = [];
    const refused: Movement[] = [];
    for (const [index, movement] of movements.entries()) {
      const balance = (balances ?? (await ledger.changeStock(trx, [changes[index]], allowNegative))).get(movement.stockItemId);
      if (balance) after.push(balance);
      else refused.push(movement);
    }
    // One after another: the reservations without a movement, together.
    if (!atOnce && changes.length > movements.length) await ledger.changeStock(trx, changes.slice(movements.length), allowNegative);
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
     * Applies movements, and the changes of what orders reserve per item (`reserving`), inside
     * the caller's transaction (or a new one). When any item would go below zero and negative
     * stock is off, nothing is written and a 409 lists every short item; when one would reach
     * MAX_STOCK_MILLI, a 409 names it. Answers the balances after the movements, in their order.
     */
    async apply(
      movements: Movement[],
      actor: Actor,
      { allowNegativeStock, reserving = new Map() }: { allowNegativeStock: boolean; reserving?: Map<number, bigint> }
    ): Promise<StockBalance[]> {
      if (!movements.length && !reserving.size) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const { after, refused } = await change(trx, movements, reserving, allowNegativeStock);
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
        if (!movements.length) return after;
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

    /**
     * Counts, from the ledger, what orders reserve of the items from before it was kept (at start,
     * in each process: a database counted already costs one query).
     */
    async countReservations() {
      const uncounted = await strapi.db.query(UID.stockItem).findOne({ where: { reservedMilli: null }, select: ['id'] });
      if (!uncounted) return;
      const counted = await strapi.db.transaction(({ trx }) => ledger.countReservations(trx));
      strapi.log.info(`orders: counted from the ledger what orders reserve of ${counted} stock items from before it was kept`);
    },

    /**
     * What the ledger shows an order holding, per stock item id (positive = taken out of stock),
     * read in the caller's transaction when there is one (a request under an Idempotency-Key is one).
     */
    heldByOrder: (orderId: number): Promise<Map<number, bigint>> => readIn(strapi, (db) => ledger.heldByOrder(db, orderId)),
  };
};

export default createLedger;
