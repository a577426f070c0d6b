import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RBAC_ACTIONS } from '../../shared/contracts/permissions';
import { leaveBodiesToTheRoutes } from './core/request';

const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(RBAC_ACTIONS);

  // The plugin's routes read their own bodies, after authentication (core/request.ts).
  leaveBodiesToTheRoutes(strapi);

  // One engine, one door: the Content Manager, the Content API and any code using the Document
  // Service may read the plugin's content types but never change them behind the engine's back.
  strapi.documents.use(async (context, next) => {
    if (context.uid.startsWith('plugin::orders.') && !READS.has(context.action)) {
      throw new errors.ForbiddenError(
        `${context.contentType.info.displayName} entries change only through the Orders plugin (its admin API under /orders), not through "${context.action}"`
      );
    }
    return next();
  });
};

export default register;
