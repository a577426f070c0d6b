/** Customers: the list, the overview per segment, a customer's datasheet, and the changes to a customer. */
import type {
  CustomerDetailJson,
  GetCustomer,
  GetSegmentOverview,
  ListCustomers,
  MergeCustomer,
  UpdateCustomer,
} from '../../../shared/contracts/customers';
import { NOT_KEPT, pluginApi, showAnswer, toQuery, type Change } from './base';

const CUSTOMER_LIST = { type: 'Customer', id: 'LIST' } as const;

/** A change of a customer answers the customer as it is now: it replaces the one its datasheet shows. */
const showCustomer = showAnswer(({ id }: { id: string }, customer: CustomerDetailJson): unknown =>
  customersApi.util.updateQueryData('getCustomer', id, () => customer)
);

const customersPage = {
  query: (query: ListCustomers.Query) => `/orders/customers${toQuery(query)}`,
  providesTags: [CUSTOMER_LIST],
};

export const customersApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listCustomers: build.query<ListCustomers.Response, ListCustomers.Query>({ ...customersPage, keepUnusedDataFor: NOT_KEPT }),
    /** New order's picker: Enter asks at once, before the search's delay; its answer is kept a while for the caller to read. */
    lookUpCustomers: build.query<ListCustomers.Response, ListCustomers.Query>({ ...customersPage, keepUnusedDataFor: 30 }),
    getSegmentOverview: build.query<GetSegmentOverview.Response['data'], void>({
      query: () => '/orders/customers/overview',
      transformResponse: (answer: GetSegmentOverview.Response) => answer.data,
      providesTags: [CUSTOMER_LIST],
      keepUnusedDataFor: NOT_KEPT,
    }),
    getCustomer: build.query<CustomerDetailJson, string>({
      query: (id) => `/orders/customers/${id}`,
      transformResponse: (answer: GetCustomer.Response) => answer.data,
      providesTags: (_customer, _error, id) => [{ type: 'Customer', id }],
      keepUnusedDataFor: NOT_KEPT,
    }),
    updateCustomer: build.mutation<CustomerDetailJson, Change<UpdateCustomer.Request>>({
      query: ({ id, body }) => ({ url: `/orders/customers/${id}`, method: 'PUT', data: body }),
      transformResponse: (answer: UpdateCustomer.Response) => answer.data,
      onQueryStarted: showCustomer,
      // The orders show the customer's name too.
      invalidatesTags: (customer) => (customer ? [CUSTOMER_LIST, { type: 'Order', id: 'LIST' }] : []),
    }),
    mergeCustomer: build.mutation<CustomerDetailJson, Change<MergeCustomer.Request>>({
      query: ({ id, body }) => ({ url: `/orders/customers/${id}/merge`, method: 'POST', data: body }),
      transformResponse: (answer: MergeCustomer.Response) => answer.data,
      invalidatesTags: (customer) => (customer ? [CUSTOMER_LIST, { type: 'Order', id: 'LIST' }] : []),
    }),
  }),
});

export const {
  useListCustomersQuery,
  useLazyLookUpCustomersQuery,
  useGetSegmentOverviewQuery,
  useGetCustomerQuery,
  useUpdateCustomerMutation,
  useMergeCustomerMutation,
} = customersApi;
