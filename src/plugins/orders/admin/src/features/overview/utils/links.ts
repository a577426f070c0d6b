/** Where the glance's figures lead: the orders list and the inventory, filtered as the figure counts. */
import { toQuery } from '../../../api/base';
import { INVENTORY_PATH, ORDERS_LIST_PATH } from '../../../paths';

/** The orders list filtered by a state, a custom status, or days (`from` to `to`, both included). */
export const ordersListWith = (filter: { state?: string; customStatus?: string; from?: string; to?: string }) =>
  `${ORDERS_LIST_PATH}${toQuery(filter)}`;

/** The inventory showing only the low ones. */
export const LOW_STOCK_PATH = `${INVENTORY_PATH}${toQuery({ lowStock: 'true' })}`;
