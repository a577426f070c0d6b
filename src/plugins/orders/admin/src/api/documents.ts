/**
 * Order documents: the versions of an order's PDF (RTK Query, cached per order), Reissue and
 * Retry, and the PDF itself through Strapi's fetch client — a file for the browser, not data
 * for the cache.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import type { DocumentJson, IssueDocument, ListDocuments } from '../../../shared/contracts/documents';
import { NOT_KEPT, pluginApi } from './base';

const documentsOf = (orderId: string) => ({ type: 'OrderDocument', id: orderId }) as const;

export const documentsApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listOrderDocuments: build.query<DocumentJson[], string>({
      query: (orderId) => `/orders/orders/${orderId}/documents`,
      transformResponse: (answer: ListDocuments.Response) => answer.data,
      providesTags: (_documents, _error, orderId) => [documentsOf(orderId)],
      keepUnusedDataFor: NOT_KEPT,
    }),
    /** Reissue (the next version), or Retry when the newest failed. */
    issueOrderDocument: build.mutation<DocumentJson, string>({
      query: (orderId) => ({ url: `/orders/orders/${orderId}/documents`, method: 'POST', data: {} satisfies IssueDocument.Request }),
      transformResponse: (answer: IssueDocument.Response) => answer.data,
      invalidatesTags: (_document, _error, orderId) => [documentsOf(orderId)],
    }),
  }),
});

export const { useListOrderDocumentsQuery, useIssueOrderDocumentMutation } = documentsApi;

/** A document's PDF, as it was issued. */
export const useDocumentPdf = () => {
  const { get } = useFetchClient();
  return useCallback(
    async (documentId: string) => ({ data: (await get<Blob>(`/orders/documents/${documentId}/pdf`, { responseType: 'blob' })).data }),
    [get]
  );
};
