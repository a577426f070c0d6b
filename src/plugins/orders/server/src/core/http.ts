/** What the features' controllers and routes share: the request as Koa hands it, and routes behind RBAC. */
import type { Context } from 'koa';
import type { Actor } from '../../../shared/contracts/actor';
import { adminActor } from './actor';
import type { RequestConfig } from './request';

export type Ctx = Context & { params: Record<string, string>; request: Context['request'] & { body?: unknown } };

/** The admin who sent the request, as the history and the ledger record them. */
export const actorOf = (ctx: Ctx): Actor => adminActor(ctx.state.user);

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A route of the admin API, mounted by Strapi at /orders/…, behind the admin JWT. Every route
 * names the RBAC action it needs; there is no route without one. Once the admin is let in, the
 * route reads its own request (core/request.ts): a JSON body for POST and PUT, none otherwise;
 * then every POST takes an Idempotency-Key (core/idempotency), which needs the body read.
 * `maxDepth`: a body that nests deeper than requests do (a document template).
 */
export const route = (method: Method, path: string, handler: string, action: string, { maxDepth }: { maxDepth?: number } = {}) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
    middlewares: [
      {
        name: 'plugin::orders.request',
        config: { body: method === 'POST' || method === 'PUT', ...(maxDepth ? { maxDepth } : {}) } satisfies RequestConfig,
      },
      ...(method === 'POST' ? ['plugin::orders.idempotency'] : []),
    ],
  },
});

export type Route = ReturnType<typeof route>;
