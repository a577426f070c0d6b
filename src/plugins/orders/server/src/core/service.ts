import type { Core } from '@strapi/strapi';
import type { services } from '../index';

type Services = typeof services;

/** Typed access to the plugin's services: getService(strapi, 'orders').transition(…). */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin('orders').service(name) as ReturnType<Services[Name]>;
