/** The plugin's content types, by the names the code uses. */
export const UID = {
  order: 'plugin::orders.order',
  orderItem: 'plugin::orders.order-item',
  historyEntry: 'plugin::orders.history-entry',
  stockItem: 'plugin::orders.stock-item',
  stockMovement: 'plugin::orders.stock-movement',
  customer: 'plugin::orders.customer',
  segmentChange: 'plugin::orders.customer-segment-change',
  idempotencyKey: 'plugin::orders.idempotency-key',
  connection: 'plugin::orders.connection',
  inboxEntry: 'plugin::orders.inbox-entry',
  document: 'plugin::orders.document',
  documentTemplate: 'plugin::orders.document-template',
  invoice: 'plugin::orders.invoice',
  invoiceCounter: 'plugin::orders.invoice-counter',
} as const;

export type PluginUid = (typeof UID)[keyof typeof UID];
