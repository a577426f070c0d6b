/**
 * Newsletter subscriptions (hírlevél-feliratkozás): what a shop says of someone's newsletter — a
 * subscription, an unsubscribe, an e-mail address it reports as bad — set on their customer, found
 * per connection as an order's customer is (the shop's id, else the e-mail). Someone who never
 * ordered gets a customer of their own: MiniCRM's registered subscriber. A notice older than
 * the one applied changes nothing; the customer's segment is recomputed in the same transaction,
 * so the change is in their segment history.
 */
import type { Core } from '@strapi/strapi';
import type { SubscriptionNotice } from '../../../../shared/contracts/normalized-order';
import { isoOf } from '../../core/database';
import { getService } from '../../core/service';
import { customersRepository } from './repository';

/** What a notice did: made its customer, changed their subscription, found it already so (a replay), or found it older. */
export interface SubscriptionOutcome {
  result: 'created' | 'changed' | 'unchanged' | 'ignored';
  customer: { id: number; documentId: string; name: string };
}

const createSubscriptions = ({ strapi }: { strapi: Core.Strapi }) => {
  const customers = customersRepository(strapi);

  return {
    /**
     * Applies a shop's notice, in the caller's transaction when there is one. `receivedAt` stands
     * for the notice's time where the shop does not tell it.
     */
    async apply(connectionId: number, notice: SubscriptionNotice, receivedAt: Date): Promise<SubscriptionOutcome> {
      return strapi.db.transaction(async ({ trx }): Promise<SubscriptionOutcome> => {
        // The recompute's lock before any customer's, as a merge takes them: no deadlock with the daily pass.
        await getService(strapi, 'segments').lock(trx, []);
        const [found] = await getService(strapi, 'customers').forShopMany(trx, connectionId, [
          {
            externalId: notice.externalId,
            name: notice.name ?? notice.email,
            email: notice.email,
            phone: notice.phone,
            company: null,
            taxNumber: null,
            billingAddress: null,
            shippingAddress: null,
          },
        ]);
        const current = await customers.subscriptionOf(found.id);
        const customer = { id: found.id, documentId: current.documentId, name: current.name };
        const at = notice.at ? new Date(notice.at) : receivedAt;
        if (current.subscriptionAt && at < new Date(isoOf(current.subscriptionAt))) return { result: 'ignored', customer };
        const same =
          current.subscription === notice.subscription &&
          (current.subscriptionReason ?? null) === notice.reason &&
          current.subscriptionAt !== null &&
          at.getTime() === new Date(isoOf(current.subscriptionAt)).getTime();
        if (same) return { result: 'unchanged', customer };
        await customers.setSubscription(found.id, {
          subscription: notice.subscription,
          subscriptionReason: notice.reason,
          subscriptionAt: at,
        });
        await getService(strapi, 'segments').recompute([found.id]);
        return { result: found.created ? 'created' : 'changed', customer };
      });
    },
  };
};

export type Subscriptions = ReturnType<typeof createSubscriptions>;

export default createSubscriptions;
