/**
 * Invoices (számlák): the list, one invoice, the series with their next numbers, and the changes
 * — issue (one order or several), storno, a failed PDF made again. An invoice changes its order
 * (the order lists its invoices; stock moves when invoices drive it), so every change refreshes
 * the order too. The PDF, the NAV XML and the ZIP come through Strapi's fetch client: files for
 * the browser, not data for the cache.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type {
  GetInvoice,
  InvoiceJson,
  InvoiceSeriesJson,
  IssueInvoice,
  IssueInvoices,
  BulkIssueResult,
  ListInvoices,
  ListInvoiceSeries,
  NavZipQuery,
  StornoInvoice,
} from '../../../shared/contracts/invoices';
import { NOT_KEPT, pluginApi, showAnswer, toQuery, type Change } from './base';

const INVOICE_LIST = { type: 'Invoice', id: 'LIST' } as const;
const ORDER_LIST = { type: 'Order', id: 'LIST' } as const;
const orderOf = (invoice: InvoiceJson) => ({ type: 'Order', id: invoice.order.documentId }) as const;

/** A new invoice takes the next number of its series, and may move stock (when invoices drive it). */
const AFTER_ISSUE = [INVOICE_LIST, ORDER_LIST, 'InvoiceSeries', 'StockItem', 'StockMovement'] as const;

/** An answer that is the invoice as it is now replaces the one its datasheet shows. */
const showInvoice = showAnswer((_id: string, invoice: InvoiceJson): unknown =>
  invoicesApi.util.updateQueryData('getInvoice', invoice.documentId, () => invoice)
);

export const invoicesApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listInvoices: build.query<ListInvoices.Response, ListInvoices.Query>({
      query: (query) => `/orders/invoices${toQuery(query)}`,
      providesTags: [INVOICE_LIST],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getInvoice: build.query<InvoiceJson, string>({
      query: (id) => `/orders/invoices/${id}`,
      transformResponse: (answer: GetInvoice.Response) => answer.data,
      providesTags: (_invoice, _error, id) => [{ type: 'Invoice', id }],
      keepUnusedDataFor: NOT_KEPT,
    }),
    /** Each series with the number its next invoice takes this year. */
    listInvoiceSeries: build.query<InvoiceSeriesJson[], void>({
      query: () => '/orders/invoices/series',
      transformResponse: (answer: ListInvoiceSeries.Response) => answer.data,
      providesTags: ['InvoiceSeries'],
      keepUnusedDataFor: NOT_KEPT,
    }),
    issueInvoice: build.mutation<InvoiceJson, Change<IssueInvoice.Request>>({
      query: ({ id, body }) => ({ url: `/orders/orders/${id}/invoice`, method: 'POST', data: body }),
      transformResponse: (answer: IssueInvoice.Response) => answer.data,
      invalidatesTags: (invoice) => (invoice ? [...AFTER_ISSUE, orderOf(invoice)] : []),
    }),
    /** Several orders at once, from the orders list: one result per order, each invoiced or refused on its own. */
    issueInvoices: build.mutation<BulkIssueResult[], IssueInvoices.Request>({
      query: (data) => ({ url: '/orders/invoices/bulk', method: 'POST', data }),
      transformResponse: (answer: IssueInvoices.Response) => answer.data,
      invalidatesTags: (results) =>
        results ? [...AFTER_ISSUE, ...results.map(({ order }) => ({ type: 'Order' as const, id: order }))] : [],
    }),
    /** Answers the storno invoice; the original, now stornoed, is asked again. */
    stornoInvoice: build.mutation<InvoiceJson, Change<StornoInvoice.Request>>({
      query: ({ id, body }) => ({ url: `/orders/invoices/${id}/storno`, method: 'POST', data: body }),
      transformResponse: (answer: StornoInvoice.Response) => answer.data,
      invalidatesTags: (storno, _error, { id }) => (storno ? [...AFTER_ISSUE, { type: 'Invoice', id }, orderOf(storno)] : []),
    }),
    /** Makes a failed PDF again: the answer is the invoice with its PDF pending. */
    retryInvoicePdf: build.mutation<InvoiceJson, string>({
      query: (id) => ({ url: `/orders/invoices/${id}/pdf`, method: 'POST', data: {} }),
      transformResponse: (answer: GetInvoice.Response) => answer.data,
      onQueryStarted: showInvoice,
    }),
  }),
});

export const {
  useListInvoicesQuery,
  useGetInvoiceQuery,
  useListInvoiceSeriesQuery,
  useIssueInvoiceMutation,
  useIssueInvoicesMutation,
  useStornoInvoiceMutation,
  useRetryInvoicePdfMutation,
} = invoicesApi;

/** An invoice's files and the NAV ZIP of a range of issue dates, as blobs. */
export const useInvoiceFiles = () => {
  const { get } = useFetchClient();
  return useMemo(() => {
    const blob = async (url: string) => ({ data: (await get<Blob>(url, { responseType: 'blob' })).data });
    return {
      pdf: (documentId: string) => blob(`/orders/invoices/${documentId}/pdf`),
      navXml: (documentId: string) => blob(`/orders/invoices/${documentId}/nav.xml`),
      navZip: (range: NavZipQuery) => blob(`/orders/invoices/nav.zip${toQuery(range)}`),
    };
  }, [get]);
};
