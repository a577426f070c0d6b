/** The inbox (beérkezett adatok): what the webshops sent or we pulled, each entry's payload, and its replay. */
import type { GetInboxEntry, InboxEntryDetailJson, ListInbox, ReplayInboxEntry } from '../../../shared/contracts/inbox';
import { NOT_KEPT, pluginApi, showAnswer, toQuery } from './base';

const one = (documentId: string) => ({ type: 'InboxEntry' as const, id: documentId });
const LIST = { type: 'InboxEntry' as const, id: 'LIST' };

/** The replayed entry as it is now replaces the one its detail view shows. */
const showEntry = showAnswer((documentId: string, entry: InboxEntryDetailJson): unknown =>
  inboxApi.util.updateQueryData('getInboxEntry', documentId, () => entry)
);

export const inboxApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listInbox: build.query<ListInbox.Response, ListInbox.Query>({
      query: (query) => `/orders/inbox${toQuery(query)}`,
      providesTags: (answer) => [LIST, ...(answer?.data ?? []).map((entry) => one(entry.documentId))],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getInboxEntry: build.query<InboxEntryDetailJson, string>({
      query: (documentId) => `/orders/inbox/${encodeURIComponent(documentId)}`,
      transformResponse: (answer: GetInboxEntry.Response) => answer.data,
      providesTags: (_entry, _error, documentId) => [one(documentId)],
      keepUnusedDataFor: NOT_KEPT,
    }),
    /**
     * Újrafeldolgozás: the entry is read again and applied through the engine, which books only what
     * is missing. The orders it touched (and so stock) may have changed: their datasheets, the
     * orders list and every stock figure reload. Even a refusal may follow a change made meanwhile
     * (the entry gone, its connection deleted), so the entry and the list reload either way.
     */
    replayInboxEntry: build.mutation<InboxEntryDetailJson, string>({
      query: (documentId) => ({ url: `/orders/inbox/${encodeURIComponent(documentId)}/replay`, method: 'POST' }),
      transformResponse: (answer: ReplayInboxEntry.Response) => answer.data,
      onQueryStarted: showEntry,
      invalidatesTags: (entry, _error, documentId) =>
        entry
          ? [
              LIST,
              { type: 'Order' as const, id: 'LIST' },
              ...entry.orders.map((order) => ({ type: 'Order' as const, id: order.documentId })),
              'StockItem',
              'StockMovement',
              'OrderStockImpact',
            ]
          : [LIST, one(documentId)],
    }),
  }),
});

export const { useListInboxQuery, useGetInboxEntryQuery, useReplayInboxEntryMutation } = inboxApi;
