/** The JSON of stock items and their movements: quantities and money as decimal strings. */
import type { MovementJson, StockItemJson } from '../../../../shared/contracts/inventory';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { formatMoney, STOCK_CURRENCY } from '../../../../shared/domain/money';
import { formatQuantity } from '../../../../shared/domain/quantity';
import { isoOf } from '../../core/database';
import type { MovementRow, StockItemRow } from './repository';

/** With what finalized, not yet fulfilled orders reserve of the item; the physical stock is both together. */
export const serializeStockItem = (item: StockItemRow): StockItemJson => {
  const onHand = toBigInt(item.onHandMilli);
  const reserved = toBigInt(item.reservedMilli ?? 0);
  const threshold = item.lowStockThresholdMilli == null ? null : toBigInt(item.lowStockThresholdMilli);
  return {
    documentId: item.documentId,
    sku: item.sku,
    name: item.name,
    unit: item.unit,
    unitPrice: formatMoney(toBigInt(item.unitPriceMinor), STOCK_CURRENCY),
    vatRate: item.vatRate,
    onHand: formatQuantity(onHand),
    reserved: formatQuantity(reserved),
    physical: formatQuantity(onHand + reserved),
    lowStockThreshold: threshold === null ? null : formatQuantity(threshold),
    isLow: threshold !== null && onHand <= threshold,
    oversold: onHand < 0n,
    createdAt: isoOf(item.createdAt),
    updatedAt: isoOf(item.updatedAt),
  };
};

export const serializeMovement = (movement: MovementRow): MovementJson => ({
  documentId: movement.documentId,
  kind: movement.kind,
  quantity: formatQuantity(toBigInt(movement.quantityMilli)),
  balanceAfter: formatQuantity(toBigInt(movement.balanceAfterMilli)),
  cause: movement.cause ?? null,
  reason: movement.reason ?? null,
  order: movement.order ? { documentId: movement.order.documentId, number: movement.order.number } : null,
  orderNumber: movement.order?.number ?? movement.orderNumber ?? null,
  invoice: movement.invoice ? { documentId: movement.invoice.documentId, number: movement.invoice.number } : null,
  actor: movement.actor ?? null,
  createdAt: isoOf(movement.createdAt),
});
