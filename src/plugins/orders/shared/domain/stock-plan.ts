import { HOLDING_STATES, RESERVING_STATES, type OrderState } from './lifecycle';

/**
 * What an order should hold is a function of its lines and state; a change writes only the
 * difference from what the ledger already shows for the order. A retried request, a replayed
 * webhook or an order edited after finalizing therefore can never book or release twice.
 */
export const INVENTORY_DRIVERS = ['orders', 'invoices'] as const;
export type InventoryDriver = (typeof INVENTORY_DRIVERS)[number];

export interface StockLine {
  stockItemId: number;
  quantityMilli: bigint;
}

/**
 * Quantity per stock item the order should keep out of stock. When orders drive stock: its lines
 * while its state holds stock. When invoices do: the stock lines of its invoice in force, whatever
 * its state — none before it is invoiced, none again once the invoice is stornoed. Switching the
 * driver therefore moves only the difference at the order's next change: an order finalized
 * under "orders" and invoiced under "invoices" holds its goods once throughout.
 */
export const targetHolding = (
  lines: StockLine[],
  state: OrderState,
  driver: InventoryDriver,
  invoiced: StockLine[] | null = null
): Map<number, bigint> => {
  const holding = new Map<number, bigint>();
  const held = driver === 'orders' ? (HOLDING_STATES.includes(state) ? lines : []) : (invoiced ?? []);
  for (const { stockItemId, quantityMilli } of held) {
    holding.set(stockItemId, (holding.get(stockItemId) ?? 0n) + quantityMilli);
  }
  return holding;
};

export interface StockChange {
  stockItemId: number;
  /** Signed change of on-hand stock: negative books goods out, positive releases them. */
  delta: bigint;
}

/**
 * The movements that bring `held` (what the ledger shows the order holding) to `target`,
 * ordered by stock item so that concurrent transactions lock rows in one order and never deadlock.
 */
export const stockChanges = (target: Map<number, bigint>, held: Map<number, bigint>): StockChange[] =>
  [...new Set([...target.keys(), ...held.keys()])]
    .sort((a, b) => a - b)
    .map((stockItemId) => ({
      stockItemId,
      delta: (held.get(stockItemId) ?? 0n) - (target.get(stockItemId) ?? 0n),
    }))
    .filter(({ delta }) => delta !== 0n);

/**
 * How each item's reserved stock changes when an order in state `from` (null: a new order),
 * holding `held`, comes to hold `target` in state `to`: what it holds counts as reserved while its
 * state reserves (RESERVING_STATES). Positive reserves more; items whose reservation stays are left out.
 */
export const reservationChanges = (
  held: Map<number, bigint>,
  target: Map<number, bigint>,
  from: OrderState | null,
  to: OrderState
): Map<number, bigint> => {
  const reserving = (state: OrderState | null) => (state !== null && RESERVING_STATES.includes(state) ? 1n : 0n);
  const changes = new Map<number, bigint>();
  for (const stockItemId of new Set([...held.keys(), ...target.keys()])) {
    const change = reserving(to) * (target.get(stockItemId) ?? 0n) - reserving(from) * (held.get(stockItemId) ?? 0n);
    if (change !== 0n) changes.set(stockItemId, change);
  }
  return changes;
};
