/**
 * The orders list's selection as the server takes it, free of React: the orders ticked, or "all
 * matching" — every order the list's filters find —, and a bulk action's outcome in the one
 * shape the admin words refusals in.
 */
import type { ErrorJson } from '../../../../../../shared/contracts/errors';
import type { BulkOrderResult, BulkOrders, ExportOrders, ListOrders } from '../../../../../../shared/contracts/orders';

/** What the list shows: its filters and sort, without the page. */
export type ListFilters = Omit<ListOrders.Query, 'page' | 'pageSize'>;

/** The rows ticked (their documentIds), or every order the filters find. */
export type Selection = { ids: string[] } | { all: true; filters: ListFilters };

/** The filters as a bulk action takes them: only those set (an empty filter is no filter). */
const setOnly = (filters: ListFilters): ListFilters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as ListFilters;

/** The bulk request's `orders`. */
export const bulkOrdersOf = (selection: Selection): BulkOrders.Request['orders'] =>
  'ids' in selection ? selection.ids : { all: true, filters: setOnly(selection.filters) };

/** The export's query: the filters and sort for "all matching" (or no selection at all), the ids of a selection. */
export const exportQueryOf = (selection: Selection, sort: ListFilters['sort']): Omit<ExportOrders.CsvQuery, 'rows' | 'language'> =>
  'ids' in selection ? { ids: selection.ids.join(','), sort } : setOnly(selection.filters);

/** How many of a bulk action's orders were done. */
export const bulkCountOf = (results: readonly BulkOrderResult[]) => ({
  done: results.filter((result) => result.outcome === 'done').length,
  total: results.length,
});

/** A refused order of a bulk action, as the one shape the admin words refusals in (ui/errors.ts). */
export const bulkRefusalOf = ({ error }: BulkOrderResult): ErrorJson => ({
  status: error?.status ?? 500,
  name: 'Error',
  message: error?.message ?? '',
  details: { ...error?.details, code: (error?.code ?? error?.details?.code) as ErrorJson['details']['code'] },
});
