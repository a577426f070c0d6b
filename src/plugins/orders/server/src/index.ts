import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import jobs, { jobsOf } from './core/jobs';
import register from './register';
import routes from './routes';
import services from './services';
import type { Core } from '@strapi/strapi';

/** Stops the job runner before Strapi closes the database. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => jobsOf(strapi).stop();

export default { register, bootstrap, destroy, config, contentTypes, controllers, routes, services: { ...services, jobs } };
