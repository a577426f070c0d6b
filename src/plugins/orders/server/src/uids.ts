export const UID = {
  order: 'plugin::orders.order',
  orderItem: 'plugin::orders.order-item',
  stockItem: 'plugin::orders.stock-item',
  stockMovement: 'plugin::orders.stock-movement',
  customer: 'plugin::orders.customer',
} as const;

export type PluginUid = (typeof UID)[keyof typeof UID];
