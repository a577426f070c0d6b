/** The inventory (Készlet): stock items, their movements, and the requests that change them. */
import { z } from 'zod';
import { QUANTITY_SCALE } from '../domain/quantity';
import type { VatRate } from '../domain/vat';
import type { Actor } from './actor';
import { csvQuery } from './csv';
import { below, decimal, MAX_QUANTITY, notZero, ours, price, stockLevel, text, vatRate } from './fields';
import { pageQuery, type Answer, type ListAnswer } from './pages';

/** Why a stock item's on-hand quantity changed: one kind per stock-movement row of the ledger. */
export const MOVEMENT_KINDS = ['initial', 'adjustment', 'order', 'write-off'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
/**
 * What made an order's movement: a lifecycle button, the webshop, or (when invoices drive stock)
 * an invoice or its storno. Kept as a code and worded by the admin in the reader's language; an
 * adjustment's reason is the user's own words instead.
 */
export const MOVEMENT_CAUSES = ['finalize', 'edit', 'fulfil', 'succeed', 'fail', 'shop', 'invoice', 'storno'] as const;
export type MovementCause = (typeof MOVEMENT_CAUSES)[number];

const stockItemFields = {
  sku: text(64).min(1, 'is required'),
  name: text().min(1, 'is required'),
  unit: text(16).min(1).optional(),
  unitPrice: price,
  vatRate,
  lowStockThreshold: stockLevel.nullable().optional(),
};

export const createStockItemInput = z.strictObject({
  ...stockItemFields,
  onHand: stockLevel.optional(),
});

/** onHand is absent on purpose: after its first movement stock changes only through adjustments. */
export const updateStockItemInput = z.strictObject({
  sku: stockItemFields.sku.optional(),
  name: stockItemFields.name.optional(),
  unit: stockItemFields.unit,
  unitPrice: price.optional(),
  vatRate: vatRate.optional(),
  lowStockThreshold: stockItemFields.lowStockThreshold,
});

/**
 * A change of stock with its reason: either `delta`, signed ("+5" goods received, "-2" breakage),
 * or `counted`, the physical stock a stocktake (leltár) found — the ledger books the difference.
 */
export const adjustmentInput = z
  .strictObject({
    delta: decimal(QUANTITY_SCALE, notZero, below(MAX_QUANTITY)).optional(),
    counted: stockLevel.optional(),
    reason: text(500).min(1, 'is required: say why stock changes (goods received, stocktake…)'),
  })
  .superRefine(({ delta, counted }, ctx) => {
    if (delta !== undefined && counted !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['counted'],
        message: 'give delta or counted, not both',
        ...ours('bothGiven', { fields: ['delta', 'counted'] }),
      });
    if (delta === undefined && counted === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['delta'],
        message: 'is required: the change, or the counted stock as counted',
        ...ours('required'),
      });
  });

/** The inventory list's columns, each sortable both ways on the server: the admin's headers name these. */
export const STOCK_ITEM_SORT_COLUMNS = [
  'sku',
  'name',
  'unit',
  'unitPrice',
  'vatRate',
  'physical',
  'reserved',
  'available',
  'lowStockThreshold',
] as const;
export type StockItemSortColumn = (typeof STOCK_ITEM_SORT_COLUMNS)[number];
export const STOCK_ITEM_SORTS = STOCK_ITEM_SORT_COLUMNS.flatMap((column) => [`${column}:asc`, `${column}:desc`] as const);
export type StockItemSort = `${StockItemSortColumn}:${'asc' | 'desc'}`;

export const stockItemListQuery = z.object({
  q: text(200).optional(),
  sort: z.enum(STOCK_ITEM_SORTS as [StockItemSort, ...StockItemSort[]]).default('sku:asc'),
  /** "true": only the items at or below their low-stock threshold (isLow). */
  lowStock: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  ...pageQuery,
});
export const movementListQuery = z.object(pageQuery);
export const exportQuery = z.object(csvQuery);
export type ExportQuery = z.infer<typeof exportQuery>;

export type CreateStockItemInput = z.infer<typeof createStockItemInput>;
export type UpdateStockItemInput = z.infer<typeof updateStockItemInput>;
export type AdjustmentInput = z.infer<typeof adjustmentInput>;
export type StockItemListQuery = z.infer<typeof stockItemListQuery>;

/**
 * A stock item and its three stock figures (docs/api.md#stock-items): `physical` — what is in the
 * warehouse, for the stocktake; `reserved` — what finalized, not yet fulfilled orders take of it;
 * `onHand` — what can still be sold (szabad készlet), the ledger's balance: physical − reserved.
 * `isLow`: onHand at or below its low-stock threshold.
 */
export interface StockItemJson {
  documentId: string;
  sku: string;
  name: string;
  unit: string;
  /** In STOCK_CURRENCY. */
  unitPrice: string;
  vatRate: VatRate;
  onHand: string;
  reserved: string;
  physical: string;
  lowStockThreshold: string | null;
  isLow: boolean;
  /** Below zero: a webshop's order took more than there was (a manual order never does). */
  oversold: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One row of the ledger: a signed change of an item's stock, and the balance after it. */
export interface MovementJson {
  documentId: string;
  kind: MovementKind;
  quantity: string;
  balanceAfter: string;
  /** An order's or an invoice's movement: what made it. */
  cause: MovementCause | null;
  /** An adjustment: the reason the user gave. */
  reason: string | null;
  order: { documentId: string; number: string } | null;
  /** The order's number, also when the order is gone (a deleted draft that was once finalized). */
  orderNumber: string | null;
  /** The invoice, when invoices drive stock. */
  invoice: { documentId: string; number: string } | null;
  actor: Actor | null;
  createdAt: string;
}

export declare namespace ListStockItems {
  type Query = z.input<typeof stockItemListQuery>;
  type Response = ListAnswer<StockItemJson>;
}

export declare namespace GetStockItem {
  type Response = Answer<StockItemJson>;
}

export declare namespace CreateStockItem {
  type Request = z.input<typeof createStockItemInput>;
  type Response = Answer<StockItemJson>;
}

export declare namespace UpdateStockItem {
  type Request = z.input<typeof updateStockItemInput>;
  type Response = Answer<StockItemJson>;
}

export declare namespace AdjustStock {
  type Request = z.input<typeof adjustmentInput>;
  type Response = Answer<StockItemJson>;
}

export declare namespace ListMovements {
  type Query = z.input<typeof movementListQuery>;
  type Response = ListAnswer<MovementJson>;
}
