/**
 * The invoices list's filters and page live in the URL, as the orders list's do: the free text is
 * Strapi's `_q`, the page and page size are written by Strapi's Pagination.
 */
import { deepEncodeQueryValues, useQueryParams } from '@strapi/strapi/admin';
import type { ListInvoices } from '../../../../../../shared/contracts/invoices';
import { DEFAULT_PAGE_SIZE } from '../../../../../../shared/contracts/pages';

const FILTERS = ['state', 'series', 'from', 'to'] as const;
export type InvoicesListFilter = (typeof FILTERS)[number];
export type InvoicesListFilters = Partial<Record<InvoicesListFilter, string>>;

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export const useInvoicesListQuery = () => {
  const [{ query }, setQuery] = useQueryParams<Record<string, unknown>>();
  const filters: InvoicesListFilters = Object.fromEntries(FILTERS.map((key) => [key, textOf(query[key])]));
  const q = textOf(query._q);

  /** A state is sent as the URL has it: one the server does not know, it refuses, and the list says so. */
  const serverQuery: ListInvoices.Query = {
    ...filters,
    state: filters.state as ListInvoices.Query['state'],
    q,
    page: textOf(query.page) ?? '1',
    pageSize: textOf(query.pageSize) ?? String(DEFAULT_PAGE_SIZE),
  };

  /** Writes `changes` into the URL, back on the first page. */
  const change = (changes: InvoicesListFilters) => setQuery(deepEncodeQueryValues({ ...query, ...changes, page: '1' }));
  const clearFilters = () => change(Object.fromEntries(FILTERS.map((key) => [key, undefined])));
  const isFiltered = q !== undefined || FILTERS.some((key) => filters[key] !== undefined);

  return { filters, serverQuery, isFiltered, change, clearFilters };
};
