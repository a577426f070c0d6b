/**
 * Webshops: their connections, the webhook route every shop delivers to, the inbox that keeps
 * every payload, and the adapters that read each shop's payloads into NormalizedOrders, which
 * the engine's one upsert (orders/shop-orders.ts) applies.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../../core/service';
import connections from './connections';
import inboxEntry from './inbox/content-types/inbox-entry/schema.json';
import inboxController from './inbox/controller';
import inboxRoutes from './inbox/routes';
import inbox from './inbox/service';
import pulls from './pulls';
import webhooks from './webhooks';

const RECOVER = 'orders.inbox.recover';
const FORGET = 'orders.inbox.forget';

export default {
  contentTypes: { ...connections.contentTypes, 'inbox-entry': { schema: inboxEntry } },
  services: { ...connections.services, inbox, integrations: pulls },
  controllers: { ...connections.controllers, inbox: inboxController, webhooks },
  routes: [...connections.routes, ...inboxRoutes],
  contentApiRoutes: [
    // No user signs in: each shop proves itself by its signature or token (webhooks.ts).
    { method: 'POST', path: '/webhooks/:connectionId', handler: 'webhooks.receive', config: { auth: false } },
  ],
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await connections.bootstrap({ strapi });
    const jobs = getService(strapi, 'jobs');
    // An entry left received by a process that died between storing and processing it.
    jobs.define(RECOVER, () => getService(strapi, 'inbox').recover());
    jobs.schedule(RECOVER, { everySeconds: 60 });
    jobs.define(FORGET, () => getService(strapi, 'inbox').forget(strapi.plugin('orders').config('inboxRetentionDays')));
    jobs.schedule(FORGET, { everySeconds: 86_400 });
    getService(strapi, 'integrations').schedule();
  },
};
