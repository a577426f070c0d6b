/** The inventory (Készlet): stock items, their movements, and the changes to them. */
import type {
  AdjustStock,
  CreateStockItem,
  GetStockItem,
  ListMovements,
  ListStockItems,
  StockItemJson,
  UpdateStockItem,
} from '../../../shared/contracts/inventory';
import { NOT_KEPT, pluginApi, showAnswer, toQuery, type Change } from './base';

const STOCK_LIST = { type: 'StockItem', id: 'LIST' } as const;
const movementsOf = (id: string) => ({ type: 'StockMovement', id }) as const;

/** A change of a stock item answers the item as it is now: it replaces the one its page shows. */
const showItem = showAnswer(({ id }: { id: string }, item: StockItemJson): unknown =>
  inventoryApi.util.updateQueryData('getStockItem', id, () => item)
);

const stockItemsPage = {
  query: (query: ListStockItems.Query) => `/orders/stock-items${toQuery(query)}`,
  providesTags: [STOCK_LIST],
};

export const inventoryApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listStockItems: build.query<ListStockItems.Response, ListStockItems.Query>({ ...stockItemsPage, keepUnusedDataFor: NOT_KEPT }),
    /**
     * The stock picker's Enter on a SKU. A scanner asks again before the last answer came; the
     * lazy query then lets go of that answer, so it is kept a while, not dropped at once, for
     * its caller to read when it arrives.
     */
    lookUpStockItems: build.query<ListStockItems.Response, ListStockItems.Query>({ ...stockItemsPage, keepUnusedDataFor: 30 }),
    getStockItem: build.query<StockItemJson, string>({
      query: (id) => `/orders/stock-items/${id}`,
      transformResponse: (answer: GetStockItem.Response) => answer.data,
      providesTags: (_item, _error, id) => [{ type: 'StockItem', id }],
      keepUnusedDataFor: NOT_KEPT,
    }),
    /** The item's ledger, a page at a time. */
    listMovements: build.query<ListMovements.Response, ListMovements.Query & { id: string }>({
      query: ({ id, ...query }) => `/orders/stock-items/${id}/movements${toQuery(query)}`,
      providesTags: (_page, _error, { id }) => [movementsOf(id)],
      keepUnusedDataFor: NOT_KEPT,
    }),
    createStockItem: build.mutation<StockItemJson, CreateStockItem.Request>({
      query: (data) => ({ url: '/orders/stock-items', method: 'POST', data }),
      transformResponse: (answer: CreateStockItem.Response) => answer.data,
      invalidatesTags: (item) => (item ? [STOCK_LIST] : []),
    }),
    updateStockItem: build.mutation<StockItemJson, Change<UpdateStockItem.Request>>({
      query: ({ id, body }) => ({ url: `/orders/stock-items/${id}`, method: 'PUT', data: body }),
      transformResponse: (answer: UpdateStockItem.Response) => answer.data,
      onQueryStarted: showItem,
      invalidatesTags: (item) => (item ? [STOCK_LIST, 'OrderStockImpact'] : []),
    }),
    /** A manual change of stock with its reason: a new movement in the item's ledger. */
    adjustStock: build.mutation<StockItemJson, Change<AdjustStock.Request>>({
      query: ({ id, body }) => ({ url: `/orders/stock-items/${id}/adjustments`, method: 'POST', data: body }),
      transformResponse: (answer: AdjustStock.Response) => answer.data,
      onQueryStarted: showItem,
      invalidatesTags: (item, _error, { id }) => (item ? [STOCK_LIST, movementsOf(id), 'OrderStockImpact'] : []),
    }),
  }),
});

export const {
  useLazyLookUpStockItemsQuery,
  useListStockItemsQuery,
  useGetStockItemQuery,
  useListMovementsQuery,
  useCreateStockItemMutation,
  useUpdateStockItemMutation,
  useAdjustStockMutation,
} = inventoryApi;
