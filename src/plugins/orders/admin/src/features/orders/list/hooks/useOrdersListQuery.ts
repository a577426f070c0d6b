/**
 * The orders list's filters, sort and page live in the URL, so that the back button, a reload or a
 * shared link shows the same list. The free text is `_q`, the name Strapi's SearchInput writes; the
 * page and page size are written by Strapi's Pagination.
 */
import { deepEncodeQueryValues, useQueryParams } from '@strapi/strapi/admin';
import { ORDER_SORTS, type ListOrders, type OrderSort } from '../../../../../../shared/contracts/orders';
import { DEFAULT_PAGE_SIZE } from '../../../../../../shared/contracts/pages';

const DEFAULT_SORT: OrderSort = 'createdAt:desc';

/** The sorts the server accepts; anything else in the URL falls back to the default. */
const SORTS: readonly OrderSort[] = ORDER_SORTS;

/** `connection` is a webshop connection's documentId, sent as the server's `connection=`. */
const FILTERS = ['state', 'customStatus', 'source', 'connection', 'from', 'to'] as const;
export type OrdersListFilter = (typeof FILTERS)[number];

export type OrdersListFilters = Partial<Record<OrdersListFilter, string>>;

/** A query value as the list uses it: a hand-edited URL may hold arrays or objects, ignored here. */
const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const isSort = (value: unknown): value is OrderSort => SORTS.includes(value as OrderSort);

export const useOrdersListQuery = () => {
  const [{ query }, setQuery] = useQueryParams<Record<string, unknown>>();

  const filters: OrdersListFilters = Object.fromEntries(FILTERS.map((key) => [key, textOf(query[key])]));
  const q = textOf(query._q);
  const sort = isSort(query.sort) ? query.sort : DEFAULT_SORT;

  /**
   * What GET /orders/orders is asked: the URL's list, with the server's name for the free text. The
   * states (one, or several comma-separated) are sent as the URL has them: one the server does not
   * know, it refuses, and the list says so.
   */
  const serverQuery: ListOrders.Query = {
    ...filters,
    q,
    sort,
    page: textOf(query.page) ?? '1',
    pageSize: textOf(query.pageSize) ?? String(DEFAULT_PAGE_SIZE),
  };

  /**
   * Writes `changes` into the URL and goes back to the first page, whose rows a new filter or sort
   * makes meaningless. useQueryParams writes values unencoded, so every value is encoded here
   * (a source or custom status holding "&" would otherwise split the query).
   */
  const change = (changes: OrdersListFilters & { sort?: OrderSort }) =>
    setQuery(deepEncodeQueryValues({ ...query, ...changes, page: '1' }));

  /** Clears the filters, not the search: the search box has its own clear button. */
  const clearFilters = () => change(Object.fromEntries(FILTERS.map((key) => [key, undefined])));

  const isFiltered = q !== undefined || FILTERS.some((key) => filters[key] !== undefined);

  return { filters, sort, serverQuery, isFiltered, change, clearFilters };
};
