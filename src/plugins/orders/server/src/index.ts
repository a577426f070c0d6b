/**
 * The orders plugin's server, assembled from its features: each brings its content types,
 * services, controllers, routes and start-up work; core/ holds what every feature uses.
 */
import type { Core } from '@strapi/strapi';
import config from './config';
import { createEvents } from './core/events';
import { readRequest } from './core/request';
import customers from './features/customers';
import inventory from './features/inventory';
import orders from './features/orders';
import settings from './features/settings';
import register from './register';

export const services = {
  ...orders.services,
  ...inventory.services,
  ...customers.services,
  ...settings.services,
  events: createEvents,
};

export default {
  register,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await orders.bootstrap({ strapi });
  },
  config,
  contentTypes: { ...orders.contentTypes, ...inventory.contentTypes, ...customers.contentTypes },
  controllers: { ...orders.controllers, ...inventory.controllers, ...settings.controllers },
  middlewares: { request: readRequest },
  routes: { admin: { type: 'admin', routes: [...orders.routes, ...inventory.routes, ...settings.routes] } },
  services,
};
