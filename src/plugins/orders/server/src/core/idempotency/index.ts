/**
 * Idempotency-Key on every POST of the admin API, as Stripe has it: a retry with the key of a
 * request that succeeded gets that request's answer again, for 24 hours, instead of creating or
 * moving anything twice; the same key with another body (or another route) is refused with 422;
 * while the first request with the key is still being answered, 409.
 *
 * The request runs in one transaction with the keeping of its answer, so an answer is kept if
 * and only if its change committed — a client whose connection broke after the commit gets the
 * answer on retry, however many app processes there are. A refusal (4xx) is not kept: it changed
 * nothing, and a retry is answered afresh.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { conflict, invalidField, unprocessable } from '../errors';
import { getService } from '../service';
import { idempotencyRepository, type KeyOwner } from './repository';
import schema from './content-types/idempotency-key/schema.json';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long an answer is kept. */
export const KEPT_FOR_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/** JSON with its keys sorted, so that the same body written in another order is the same body. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value ?? null);

const fingerprintOf = (ctx: Context) =>
  createHash('sha256')
    .update(`${ctx.method} ${ctx.path}\n${canonical((ctx.request as { body?: unknown }).body)}`)
    .digest('hex');

export const idempotency =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const key = ctx.get(IDEMPOTENCY_HEADER);
    if (!key) return next();
    if (!KEY.test(key)) {
      throw invalidField(IDEMPOTENCY_HEADER, 'notIdempotencyKey', 'must be 1 to 255 visible ASCII characters, such as a UUID');
    }
    const keys = idempotencyRepository(strapi);
    const owner: KeyOwner = { adminUser: ctx.state.user.id, key };
    const fingerprint = fingerprintOf(ctx);

    await strapi.db.transaction(async ({ trx }) => {
      const release = await keys.claim(trx, owner);
      if (!release) throw conflict('idempotencyKeyInUse', `A request with ${IDEMPOTENCY_HEADER} ${key} is still being answered`, { key });
      try {
        const kept = await keys.find(owner, new Date(Date.now() - KEPT_FOR_MS));
        if (kept && kept.fingerprint !== fingerprint) {
          throw unprocessable('idempotencyKeyReused', `${IDEMPOTENCY_HEADER} ${key} was sent before with another request`, { key });
        }
        if (kept) {
          ctx.status = kept.status;
          ctx.body = kept.response;
          ctx.set('Idempotent-Replayed', 'true');
          return;
        }
        // The engine's own transactions join this one: its change and the kept answer commit together.
        await next();
        if (ctx.status >= 200 && ctx.status < 300) await keys.keep(trx, owner, { fingerprint, status: ctx.status, response: ctx.body });
      } finally {
        release();
      }
    });
  };

export const idempotencyKeyContentType = { 'idempotency-key': { schema } };

const FORGET = 'orders.idempotency.forget';

/** Once an hour, in one app process, the answers kept longer than KEPT_FOR_MS are forgotten. */
export const forgetOldAnswersHourly = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');
  jobs.define(FORGET, () => idempotencyRepository(strapi).forgetBefore(new Date(Date.now() - KEPT_FOR_MS)));
  jobs.schedule(FORGET, { everySeconds: 3600 });
};
