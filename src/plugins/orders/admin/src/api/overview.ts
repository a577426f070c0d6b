/** The home page's glance: the orders' sales and open orders, and the low stock. */
import type { GetLowStock, GetOrdersOverview, LowStockJson, OrdersOverviewJson } from '../../../shared/contracts/overview';
import { NOT_KEPT, pluginApi } from './base';

export const overviewApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    // Both widgets of the orders read this one answer: one request for the two.
    getOrdersOverview: build.query<OrdersOverviewJson, void>({
      query: () => '/orders/overview',
      transformResponse: (answer: GetOrdersOverview.Response) => answer.data,
      providesTags: [{ type: 'Order', id: 'LIST' }],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getLowStock: build.query<LowStockJson, void>({
      query: () => '/orders/overview/low-stock',
      transformResponse: (answer: GetLowStock.Response) => answer.data,
      providesTags: ['StockItem'],
      keepUnusedDataFor: NOT_KEPT,
    }),
  }),
});

export const { useGetOrdersOverviewQuery, useGetLowStockQuery } = overviewApi;
