/** Orders: the list, the datasheet's order, its stock impact, and every change to an order. */
import type {
  BulkOrders,
  CreateOrder,
  DeleteOrder,
  GetOrder,
  GetStockImpact,
  ListOrders,
  OrderJson,
  SetCustomStatus,
  TransitionOrder,
  UpdateOrder,
} from '../../../shared/contracts/orders';
import type { OrderAction } from '../../../shared/domain/lifecycle';
import { NOT_KEPT, pluginApi, showAnswer, toQuery, type Change } from './base';
import { apiErrorOf } from './errors';

const ORDER_LIST = { type: 'Order', id: 'LIST' } as const;
const stockImpactOf = (id: string) => ({ type: 'OrderStockImpact', id }) as const;

/**
 * Every answer that changes an order is the whole order as it is now: it replaces the one the
 * datasheet shows, as it came (no structural sharing on getOrder), so that the itemised view can
 * tell the lines it saved from lines reloaded.
 */
const showOrder = showAnswer(({ id }: { id: string }, order: OrderJson): unknown =>
  ordersApi.util.updateQueryData('getOrder', id, () => order)
);

export const ordersApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listOrders: build.query<ListOrders.Response, ListOrders.Query>({
      query: (query) => `/orders/orders${toQuery(query)}`,
      providesTags: [ORDER_LIST],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getOrder: build.query<OrderJson, string>({
      query: (id) => `/orders/orders/${id}`,
      transformResponse: (answer: GetOrder.Response) => answer.data,
      providesTags: (_order, _error, id) => [{ type: 'Order', id }],
      structuralSharing: false,
      keepUnusedDataFor: NOT_KEPT,
    }),
    getStockImpact: build.query<GetStockImpact.Response['data'], string>({
      query: (id) => `/orders/orders/${id}/stock-impact`,
      transformResponse: (answer: GetStockImpact.Response) => answer.data,
      providesTags: (_lines, _error, id) => [stockImpactOf(id)],
      keepUnusedDataFor: NOT_KEPT,
    }),
    createOrder: build.mutation<OrderJson, CreateOrder.Request>({
      query: (data) => ({ url: '/orders/orders', method: 'POST', data }),
      transformResponse: (answer: CreateOrder.Response) => answer.data,
      invalidatesTags: (order) => (order ? [ORDER_LIST] : []),
    }),
    updateOrder: build.mutation<OrderJson, Change<UpdateOrder.Request>>({
      query: ({ id, body }) => ({ url: `/orders/orders/${id}`, method: 'PUT', data: body }),
      transformResponse: (answer: UpdateOrder.Response) => answer.data,
      onQueryStarted: showOrder,
      invalidatesTags: (order, _error, { id }) => (order ? [ORDER_LIST, stockImpactOf(id)] : []),
    }),
    deleteOrder: build.mutation<DeleteOrder.Response, string>({
      query: (id) => ({ url: `/orders/orders/${id}`, method: 'DELETE' }),
      invalidatesTags: (answer) => (answer ? [ORDER_LIST] : []),
    }),
    /** A lifecycle button: Finalize, Edit, Fulfil, Success, Failure. */
    transitionOrder: build.mutation<OrderJson, Change<TransitionOrder.Request> & { action: OrderAction }>({
      query: ({ id, action, body }) => ({ url: `/orders/orders/${id}/actions/${action}`, method: 'POST', data: body }),
      transformResponse: (answer: TransitionOrder.Response) => answer.data,
      onQueryStarted: showOrder,
      invalidatesTags: (order, error, { id }) => {
        // Stock moved: every stock figure and preview may be stale.
        if (order) return [ORDER_LIST, 'StockItem', 'StockMovement', 'OrderStockImpact'];
        const refusal = apiErrorOf(error);
        return [
          // Someone moved the order meanwhile: show it as it is now, with the buttons it allows.
          ...(refusal.status === 409 && refusal.details.state ? [{ type: 'Order' as const, id }] : []),
          // Stock moved since the finalize preview was loaded: show what is on hand now.
          ...(refusal.details.shortages?.length ? [stockImpactOf(id)] : []),
        ];
      },
    }),
    /** One action for many orders: a result per order; whatever was done, lists and stock may be stale. */
    bulkOrders: build.mutation<BulkOrders.Response['data'], BulkOrders.Request>({
      query: (data) => ({ url: '/orders/orders/bulk', method: 'POST', data }),
      transformResponse: (answer: BulkOrders.Response) => answer.data,
      invalidatesTags: (results) =>
        results?.some((result) => result.outcome === 'done')
          ? [
              ORDER_LIST,
              ...results.map((result) => ({ type: 'Order' as const, id: result.documentId })),
              'StockItem',
              'StockMovement',
              'OrderStockImpact',
            ]
          : [],
    }),
    setCustomStatus: build.mutation<OrderJson, Change<SetCustomStatus.Request>>({
      query: ({ id, body }) => ({ url: `/orders/orders/${id}/custom-status`, method: 'PUT', data: body }),
      transformResponse: (answer: SetCustomStatus.Response) => answer.data,
      onQueryStarted: showOrder,
      invalidatesTags: (order) => (order ? [ORDER_LIST] : []),
    }),
  }),
});

export const {
  useListOrdersQuery,
  useGetOrderQuery,
  useGetStockImpactQuery,
  useCreateOrderMutation,
  useUpdateOrderMutation,
  useDeleteOrderMutation,
  useTransitionOrderMutation,
  useSetCustomStatusMutation,
  useBulkOrdersMutation,
} = ordersApi;
