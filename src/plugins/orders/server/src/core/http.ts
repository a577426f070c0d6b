/** What the features' controllers and routes share: the request as Koa hands it, and routes behind RBAC. */
import type { Context } from 'koa';
import type { Actor } from '../../../shared/contracts/actor';
import { adminActor } from './actor';

export type Ctx = Context & { params: Record<string, string>; request: Context['request'] & { body?: unknown } };

/** The admin who sent the request, as the history and the ledger record them. */
export const actorOf = (ctx: Ctx): Actor => adminActor(ctx.state.user);

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A route of the admin API, mounted by Strapi at /orders/…, behind the admin JWT. Every route
 * names the RBAC action it needs; there is no route without one. Every POST takes an
 * Idempotency-Key (core/idempotency).
 */
export const route = (method: Method, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
    middlewares: method === 'POST' ? ['plugin::orders.idempotency'] : [],
  },
});

export type Route = ReturnType<typeof route>;
