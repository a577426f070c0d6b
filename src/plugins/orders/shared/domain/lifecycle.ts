/**
 * The order lifecycle of MiniCRM's "Megrendelés", as data: the engine, the API, the admin
 * buttons and the tests all read this table.
 */
export const ORDER_STATES = ['draft', 'finalized', 'fulfilled', 'successful', 'failed'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const TRANSITIONS = {
  finalize: { from: ['draft'], to: 'finalized' },
  edit: { from: ['finalized'], to: 'draft' },
  fulfil: { from: ['finalized'], to: 'fulfilled' },
  succeed: { from: ['fulfilled', 'failed'], to: 'successful' },
  fail: { from: ['finalized', 'fulfilled', 'successful'], to: 'failed' },
} as const satisfies Record<string, { from: readonly OrderState[]; to: OrderState }>;

export type OrderAction = keyof typeof TRANSITIONS;
export const ORDER_ACTIONS = Object.keys(TRANSITIONS) as OrderAction[];

export const allowedActions = (state: OrderState): OrderAction[] =>
  ORDER_ACTIONS.filter((action) => (TRANSITIONS[action].from as readonly OrderState[]).includes(state));

/** The state an action leads to from `state`, or null when the lifecycle does not allow it. */
export const nextState = (state: OrderState, action: OrderAction): OrderState | null =>
  allowedActions(state).includes(action) ? TRANSITIONS[action].to : null;

/** Only a draft may have its header and lines changed, or be deleted. */
export const isEditable = (state: OrderState): boolean => state === 'draft';

/**
 * States in which an order carries a tracking number: the goods have left with a carrier. A
 * failed order keeps the number it had, but none is set on it.
 */
export const TRACKING_STATES: readonly OrderState[] = ['fulfilled', 'successful'];

/** States in which an order has taken its goods out of stock (when orders drive stock). */
export const HOLDING_STATES: readonly OrderState[] = ['finalized', 'fulfilled', 'successful'];

/**
 * Orders whose goods are reserved (foglalt): finalized, not yet fulfilled — booked out of what can
 * be sold, still on the warehouse's shelves. A fulfilled order's goods have left the building.
 */
export const RESERVING_STATES: readonly OrderState[] = ['finalized'];
