/**
 * The inbox's filters and page live in the URL, as the orders list's do, so that the back button,
 * a reload or a shared link shows the same entries. The page and page size are written by
 * Strapi's Pagination.
 */
import { deepEncodeQueryValues, useQueryParams } from '@strapi/strapi/admin';
import type { ListInbox } from '../../../../../../shared/contracts/inbox';
import { DEFAULT_PAGE_SIZE } from '../../../../../../shared/contracts/pages';

/** `order` comes from an order's datasheet (its entries' "more in the inbox"); it has no select of its own. */
const FILTERS = ['connection', 'state', 'order'] as const;
export type InboxFilter = (typeof FILTERS)[number];
export type InboxFilters = Partial<Record<InboxFilter, string>>;

/** A query value as the list uses it: a hand-edited URL may hold arrays or objects, ignored here. */
const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export const useInboxListQuery = () => {
  const [{ query }, setQuery] = useQueryParams<Record<string, unknown>>();
  const filters: InboxFilters = Object.fromEntries(FILTERS.map((key) => [key, textOf(query[key])]));

  /** A state the server does not know is sent as is: it refuses it, and the list says so. */
  const serverQuery: ListInbox.Query = {
    connection: filters.connection,
    state: filters.state as ListInbox.Query['state'],
    order: filters.order,
    page: textOf(query.page) ?? '1',
    pageSize: textOf(query.pageSize) ?? String(DEFAULT_PAGE_SIZE),
  };

  /** Writes `changes` into the URL (encoded: useQueryParams writes values as they are) and goes back to the first page. */
  const change = (changes: InboxFilters) => setQuery(deepEncodeQueryValues({ ...query, ...changes, page: '1' }));
  const clearFilters = () => change({ connection: undefined, state: undefined, order: undefined });
  const isFiltered = FILTERS.some((key) => filters[key] !== undefined);

  return { filters, serverQuery, isFiltered, change, clearFilters };
};
