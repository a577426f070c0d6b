/**
 * The one client of the admin API: the admin panel's own RTK Query API (Strapi's `adminApi`,
 * with its admin JWT, base URL and error shape), given the plugin's cache tags. Each area injects
 * its endpoints into it (orders.ts, inventory.ts, settings.ts), typed by the shared contracts.
 * A change either writes its answer into the cache (the server answers with the whole order or
 * stock item as it is now) or invalidates what it makes stale, so that every view on screen
 * follows it without reloading by hand.
 */
import { adminApi } from '@strapi/strapi/admin';

/**
 * Every plugin of the admin injects into the same API, so endpoint names are shared with them all
 * (i18n already has a `getSettings`): ours name what they are about (`getOrdersSettings`).
 */
export const pluginApi = adminApi.enhanceEndpoints({
  addTagTypes: [
    'Order',
    'OrderStockImpact',
    'StockItem',
    'StockMovement',
    'OrderSettings',
    'CustomStatus',
    'Connection',
    'InboxEntry',
    'Customer',
    'OrderDocument',
    'DocumentTemplate',
    'Invoice',
    'InvoiceSeries',
  ],
});

/**
 * How long an answer stays cached once no view shows it: not at all. Each page asks the server
 * again when it opens, as it always has, so that it shows what others changed meanwhile; the
 * cache keeps the views that are open in step with each other and with the changes made in them.
 */
export const NOT_KEPT = 0;

/**
 * For every query of a page: asks the server when the page opens even while another view still
 * holds the answer (the custom statuses of the list, when the datasheet opens).
 */
export const FRESH = { refetchOnMountOrArgChange: true } as const;

/** What a change of one thing takes: its documentId and the request's body. */
export interface Change<Body> {
  id: string;
  body: Body;
}

/**
 * For a change that answers the thing changed as it is now (an order, a stock item, the
 * settings): once answered, `show` makes the cache update (updateQueryData) that puts the answer
 * where the view that shows the thing reads it. A refusal changes nothing: the view that asked
 * says why.
 */
export const showAnswer =
  <Arg, Answer>(show: (arg: Arg, answer: Answer) => unknown) =>
  async (arg: Arg, { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: Answer }> }) => {
    let answer: Answer;
    try {
      ({ data: answer } = await queryFulfilled);
    } catch {
      return;
    }
    dispatch(show(arg, answer));
  };

/**
 * A query string with every value encoded and empty ones left out. (The fetch client's own
 * `params` do not encode values: a search for "a&b" would split the query.)
 */
export const toQuery = (params: object) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
