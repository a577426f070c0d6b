/**
 * Where the plugin's pages are in the admin, for the menu and the links between them. Each menu
 * page has a path of its own, not one under the orders' (`orders-inventory`, not
 * `orders/inventory`): Strapi's menu lights an entry for every path under its own, so Orders was
 * lit beside Inventory.
 */
import { PLUGIN_ID } from './pluginId';

/** The orders list: the index route of features/orders/App.tsx. */
export const ORDERS_LIST_PATH = `/plugins/${PLUGIN_ID}`;

/** An order's datasheet: the `:id` route of features/orders/App.tsx. */
export const datasheetPath = (documentId: string) => `${ORDERS_LIST_PATH}/${documentId}`;

/** The inventory: the index route of features/inventory/App.tsx. */
export const INVENTORY_PATH = `/plugins/${PLUGIN_ID}-inventory`;

/** A stock item's page: the `:id` route of features/inventory/App.tsx. */
export const inventoryItemPath = (documentId: string) => `${INVENTORY_PATH}/${documentId}`;

/** The inbox (beérkezett adatok): the index route of features/inbox/App.tsx. */
export const INBOX_PATH = `/plugins/${PLUGIN_ID}-inbox`;

/** One inbox entry with its payload: the `:id` route of features/inbox/App.tsx. */
export const inboxEntryPath = (documentId: string) => `${INBOX_PATH}/${documentId}`;

/** The customers list: the index route of features/customers/App.tsx. */
export const CUSTOMERS_PATH = `/plugins/${PLUGIN_ID}-customers`;

/** A customer's datasheet: the `:id` route of features/customers/App.tsx. */
export const customerPath = (documentId: string) => `${CUSTOMERS_PATH}/${documentId}`;

/** The invoices list (számlák): the index route of features/invoices/App.tsx. */
export const INVOICES_PATH = `/plugins/${PLUGIN_ID}-invoices`;

/** An invoice's datasheet: the `:id` route of features/invoices/App.tsx. */
export const invoicePath = (documentId: string) => `${INVOICES_PATH}/${documentId}`;

/** A page's path as a menu link takes it: relative to the admin's root. */
export const menuPath = (path: string) => path.replace(/^\//, '');
