/**
 * The orders plugin's server, assembled from its features: each brings its content types,
 * services, controllers, routes and start-up work; core/ holds what every feature uses.
 */
import type { Core } from '@strapi/strapi';
import config from './config';
import { createEvents } from './core/events';
import { forgetOldAnswersHourly, idempotency, idempotencyKeyContentType } from './core/idempotency';
import jobs from './core/jobs';
import { registerMigrations } from './core/migrations';
import { getService } from './core/service';
import { readRequest } from './core/request';
import customers from './features/customers';
import documents from './features/documents';
import integrations from './features/integrations';
import invoices from './features/invoices';
import inventory from './features/inventory';
import orders from './features/orders';
import overview from './features/overview';
import settings from './features/settings';
import register from './register';

export const services = {
  ...orders.services,
  ...inventory.services,
  ...customers.services,
  ...settings.services,
  ...integrations.services,
  ...documents.services,
  ...invoices.services,
  ...overview.services,
  events: createEvents,
  jobs,
};

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    registerMigrations(strapi, [...orders.migrations]);
    await register({ strapi });
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await orders.bootstrap({ strapi });
    await inventory.bootstrap({ strapi });
    await customers.bootstrap({ strapi });
    await integrations.bootstrap({ strapi });
    await documents.bootstrap({ strapi });
    await invoices.bootstrap({ strapi });
    forgetOldAnswersHourly(strapi);
    // Last: every feature has defined its jobs and schedules by now.
    await getService(strapi, 'jobs').start();
    await customers.afterJobsStarted({ strapi });
  },
  /** Stops the job runner before Strapi closes the database, then the documents' renderer. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'jobs').stop();
    documents.destroy({ strapi });
  },
  config,
  contentTypes: {
    ...orders.contentTypes,
    ...inventory.contentTypes,
    ...customers.contentTypes,
    ...integrations.contentTypes,
    ...documents.contentTypes,
    ...invoices.contentTypes,
    ...idempotencyKeyContentType,
  },
  middlewares: { request: readRequest, idempotency },
  controllers: {
    ...orders.controllers,
    ...inventory.controllers,
    ...customers.controllers,
    ...settings.controllers,
    ...integrations.controllers,
    ...documents.controllers,
    ...invoices.controllers,
    ...overview.controllers,
  },
  routes: {
    admin: {
      type: 'admin',
      routes: [
        ...orders.routes,
        ...inventory.routes,
        ...customers.routes,
        ...settings.routes,
        ...integrations.routes,
        ...documents.routes,
        ...invoices.routes,
        ...overview.routes,
      ],
    },
    'content-api': { type: 'content-api', routes: integrations.contentApiRoutes },
  },
  services,
};
