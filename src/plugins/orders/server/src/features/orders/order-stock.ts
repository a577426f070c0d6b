/**
 * What an order holds of stock, brought to what its lines and state call for by writing only the
 * difference from what the ledger already shows — so nothing is ever booked or released twice,
 * however often a change is retried, a button pressed or a webshop's delivery replayed.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { MovementCause } from '../../../../shared/contracts/inventory';
import type { Settings } from '../../../../shared/contracts/settings';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import { reservationChanges, stockChanges, targetHolding, type StockLine } from '../../../../shared/domain/stock-plan';
import { getService } from '../../core/service';
import type { Movement } from '../inventory/ledger';
import type { OrderRow } from './repository';

/** The order's lines that take goods from stock. */
export const stockLines = (order: Pick<OrderRow, 'items'>) =>
  order.items.flatMap((item) => (item.stockItem ? [{ stockItemId: item.stockItem.id, quantityMilli: toBigInt(item.quantityMilli) }] : []));

export interface Reconciliation {
  cause: MovementCause;
  /** Goods released are written off instead of returned (a fail without restock). */
  writeOff: boolean;
  /** A webshop has sold the goods already: its order books them even below zero. */
  allowNegativeStock?: boolean;
  /**
   * When invoices drive stock: the stock lines of the order's invoice in force, when the caller
   * is changing it (an issue, a storno); else they are read. With the invoice that caused the change.
   */
  invoiced?: { lines: StockLine[] | null; invoice: { id: number } };
}

/** Brings the order, in the state it is stored in, to what it should hold in `state`: its stock and what it reserves. */
export const reconcileStock = async (
  strapi: Core.Strapi,
  order: Pick<OrderRow, 'id' | 'documentId' | 'number' | 'items' | 'state'>,
  state: OrderState,
  config: Settings,
  actor: Actor,
  { cause, writeOff, allowNegativeStock = config.allowNegativeStock, invoiced }: Reconciliation
) => {
  const ledger = getService(strapi, 'ledger');
  const byInvoice =
    config.inventoryDriver === 'invoices'
      ? (invoiced?.lines ?? (invoiced ? null : await getService(strapi, 'invoices').stockInForce(order.documentId)))
      : null;
  const target = targetHolding(stockLines(order), state, config.inventoryDriver, byInvoice);
  const held = await ledger.heldByOrder(order.id);
  const changes = stockChanges(target, held);
  const ofOrder = { id: order.id, documentId: order.documentId, number: order.number };
  const movements = changes.flatMap(({ stockItemId, delta }): Movement[] => {
    const booking: Movement = {
      stockItemId,
      delta,
      kind: 'order',
      cause,
      order: ofOrder,
      ...(invoiced ? { invoice: invoiced.invoice } : {}),
    };
    // Goods not coming back leave the order's holding and the stock at once: the ledger shows both.
    return writeOff && delta > 0n ? [booking, { stockItemId, delta: -delta, kind: 'write-off', cause, order: ofOrder }] : [booking];
  });
  // The items' balances after the movements, in the movements' order.
  const reserving = reservationChanges(held, target, order.state, state);
  return (await ledger.apply(movements, actor, { allowNegativeStock, reserving })) as Array<{ onHand: bigint }>;
};
