/**
 * The customers list's filters, sort and page live in the URL, as the orders list's do: the free
 * text is Strapi's `_q`, the page and page size are written by Strapi's Pagination.
 */
import { deepEncodeQueryValues, useQueryParams } from '@strapi/strapi/admin';
import { CUSTOMER_SORTS, type CustomerSort, type ListCustomers } from '../../../../../../shared/contracts/customers';
import { DEFAULT_PAGE_SIZE } from '../../../../../../shared/contracts/pages';

const DEFAULT_SORT: CustomerSort = 'createdAt:desc';

const FILTERS = ['segment', 'connection'] as const;
export type CustomersListFilter = (typeof FILTERS)[number];
export type CustomersListFilters = Partial<Record<CustomersListFilter, string>>;

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const isSort = (value: unknown): value is CustomerSort => CUSTOMER_SORTS.includes(value as CustomerSort);

export const useCustomersListQuery = () => {
  const [{ query }, setQuery] = useQueryParams<Record<string, unknown>>();
  const filters: CustomersListFilters = Object.fromEntries(FILTERS.map((key) => [key, textOf(query[key])]));
  const q = textOf(query._q);
  const sort = isSort(query.sort) ? query.sort : DEFAULT_SORT;

  /** A segment is sent as the URL has it: one the server does not know, it refuses, and the list says so. */
  const filterQuery = { ...filters, segment: filters.segment as ListCustomers.Query['segment'], q, sort };
  const serverQuery: ListCustomers.Query = {
    ...filterQuery,
    page: textOf(query.page) ?? '1',
    pageSize: textOf(query.pageSize) ?? String(DEFAULT_PAGE_SIZE),
  };

  /** Writes `changes` into the URL, back on the first page. */
  const change = (changes: CustomersListFilters & { sort?: CustomerSort }) =>
    setQuery(deepEncodeQueryValues({ ...query, ...changes, page: '1' }));
  const clearFilters = () => change(Object.fromEntries(FILTERS.map((key) => [key, undefined])));
  const isFiltered = q !== undefined || FILTERS.some((key) => filters[key] !== undefined);

  return { filters, sort, filterQuery, serverQuery, isFiltered, change, clearFilters };
};
