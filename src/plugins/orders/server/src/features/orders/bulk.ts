/**
 * Bulk actions from the orders list: one lifecycle button, or one custom status, for many orders
 * at once. Each order goes through the engine's own door — its own transaction, its own history
 * entry, its own stock — so a refusal of one (the wrong state, stock short) leaves the others
 * done, and the answer says per order what happened and why.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import { MAX_BULK_ORDERS, type BulkOrderResult, type BulkOrdersInput } from '../../../../shared/contracts/orders';
import { invalidField, notFound, refusalOf } from '../../core/errors';
import { getService } from '../../core/service';
import { ordersRepository, type SelectedOrder } from './repository';

/** The orders a bulk action names, in the order it names them; documentIds of no order stay, with no number. */
type Named = Pick<SelectedOrder, 'documentId'> & { number: string | null };

const createBulkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = ordersRepository(strapi);
  const engine = () => getService(strapi, 'orders');
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  /** The selection's orders: those named (once each), or all the filters find — refused beyond MAX_BULK_ORDERS. */
  const selected = async (selection: BulkOrdersInput['orders']): Promise<Named[]> => {
    if (Array.isArray(selection)) {
      const documentIds = [...new Set(selection)];
      const found = new Map((await orders.refsOf(documentIds)).map((order) => [order.documentId, order.number]));
      return documentIds.map((documentId) => ({ documentId, number: found.get(documentId) ?? null }));
    }
    const given: NonNullable<typeof selection.filters> = selection.filters ?? {};
    const { sort = 'createdAt:desc', ...filters } = given;
    const total = await orders.count(filters, timeZone());
    if (total > MAX_BULK_ORDERS) {
      throw invalidField(
        'orders',
        'tooMany',
        `the filters find ${total} orders; a bulk action takes at most ${MAX_BULK_ORDERS}: narrow the filters`,
        { max: MAX_BULK_ORDERS, total }
      );
    }
    return orders.matching(filters, sort, timeZone());
  };

  return {
    /**
     * Runs the action on every selected order, one after the other, each on its own; answers a
     * result per order in the selection's order. The caller has checked that the admin may press
     * the action's button: the same permission as the button's own route.
     */
    async run({ action, orders: selection, customStatus, restock, note }: BulkOrdersInput, actor: Actor): Promise<BulkOrderResult[]> {
      // A custom status the settings do not list is the request's fault, not each order's.
      if (action === 'customStatus') await engine().checkCustomStatus(customStatus ?? null);
      const results: BulkOrderResult[] = [];
      for (const { documentId, number } of await selected(selection)) {
        try {
          if (number === null) throw notFound('orderNotFound', `No order ${documentId}`, { id: documentId });
          if (action === 'customStatus') await engine().setCustomStatus(documentId, customStatus ?? null, actor);
          else await engine().transition(documentId, action, { restock, note }, actor);
          results.push({ documentId, number, outcome: 'done' });
        } catch (error) {
          const refusal = refusalOf(error);
          if (refusal.status >= 500)
            strapi.log.error(`orders: bulk ${action} of order ${documentId} failed: ${(error as Error)?.stack ?? error}`);
          results.push({ documentId, number, outcome: 'refused', error: refusal });
        }
      }
      return results;
    },
  };
};

export default createBulkService;
