/** Where the glance's figures lead: the orders list and the inventory, filtered as the figure counts. */
import { joinStates } from '../../../../../shared/contracts/orders';
import type { OrdersOverviewJson } from '../../../../../shared/contracts/overview';
import { toQuery } from '../../../api/base';
import { INVENTORY_PATH, ORDERS_LIST_PATH } from '../../../paths';

/** The orders list filtered by a state, a custom status, or days (`from` to `to`, both included). */
export const ordersListWith = (filter: { state?: string; customStatus?: string; from?: string; to?: string }) =>
  `${ORDERS_LIST_PATH}${toQuery(filter)}`;

/** The orders a sales figure counts, `from` to `to`: those in the sales states (the glance names them), not every order of the days. */
export const salesListOf = (overview: Pick<OrdersOverviewJson, 'salesStates'>, from: string, to: string) =>
  ordersListWith({ state: joinStates(overview.salesStates), from, to });

/** The inventory showing only the low ones. */
export const LOW_STOCK_PATH = `${INVENTORY_PATH}${toQuery({ lowStock: 'true' })}`;
