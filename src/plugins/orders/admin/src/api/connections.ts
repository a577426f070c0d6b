/** Settings → Orders → Webshops: the webshop connections (webshop-kapcsolat). */
import type {
  ConnectionJson,
  CreateConnection,
  DeleteConnection,
  GetConnection,
  ListConnections,
  RotateSecret,
  SyncConnection,
  UpdateConnection,
} from '../../../shared/contracts/connections';
import { NOT_KEPT, pluginApi, type Change } from './base';

const one = (documentId: string) => [{ type: 'Connection' as const, id: documentId }];
const LIST = { type: 'Connection' as const, id: 'LIST' };

export const connectionsApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listConnections: build.query<ConnectionJson[], void>({
      query: () => '/orders/connections',
      transformResponse: (answer: ListConnections.Response) => answer.data,
      providesTags: (list) => [LIST, ...(list ?? []).flatMap((connection) => one(connection.documentId))],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getConnection: build.query<ConnectionJson, string>({
      query: (documentId) => `/orders/connections/${encodeURIComponent(documentId)}`,
      transformResponse: (answer: GetConnection.Response) => answer.data,
      providesTags: (_connection, _error, documentId) => one(documentId),
      keepUnusedDataFor: NOT_KEPT,
    }),
    createConnection: build.mutation<ConnectionJson, CreateConnection.Request>({
      query: (data) => ({ url: '/orders/connections', method: 'POST', data }),
      transformResponse: (answer: CreateConnection.Response) => answer.data,
      invalidatesTags: (connection) => (connection ? [LIST] : []),
    }),
    updateConnection: build.mutation<ConnectionJson, Change<UpdateConnection.Request>>({
      query: ({ id, body }) => ({ url: `/orders/connections/${encodeURIComponent(id)}`, method: 'PUT', data: body }),
      transformResponse: (answer: UpdateConnection.Response) => answer.data,
      invalidatesTags: (connection, _error, { id }) => (connection ? [LIST, ...one(id)] : []),
    }),
    deleteConnection: build.mutation<{ documentId: string }, string>({
      query: (documentId) => ({ url: `/orders/connections/${encodeURIComponent(documentId)}`, method: 'DELETE' }),
      transformResponse: (answer: DeleteConnection.Response) => answer.data,
      invalidatesTags: (deleted) => (deleted ? [LIST] : []),
    }),
    rotateConnectionSecret: build.mutation<ConnectionJson, string>({
      query: (documentId) => ({ url: `/orders/connections/${encodeURIComponent(documentId)}/rotate-secret`, method: 'POST' }),
      transformResponse: (answer: RotateSecret.Response) => answer.data,
      invalidatesTags: (connection, _error, documentId) => (connection ? [LIST, ...one(documentId)] : []),
    }),
    syncConnection: build.mutation<ConnectionJson, string>({
      query: (documentId) => ({ url: `/orders/connections/${encodeURIComponent(documentId)}/sync`, method: 'POST' }),
      transformResponse: (answer: SyncConnection.Response) => answer.data,
      // A failed sync is recorded too: the list shows its last sync either way.
      invalidatesTags: (_connection, _error, documentId) => [LIST, ...one(documentId)],
    }),
  }),
});

export const {
  useListConnectionsQuery,
  useCreateConnectionMutation,
  useUpdateConnectionMutation,
  useDeleteConnectionMutation,
  useRotateConnectionSecretMutation,
  useSyncConnectionMutation,
} = connectionsApi;
