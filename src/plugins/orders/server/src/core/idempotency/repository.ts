/** The kept answers of requests sent with an Idempotency-Key. */
import type { Core } from '@strapi/strapi';
import { insertRows, isPostgres, type Transaction } from '../database';
import { UID } from '../uids';

export interface KeptAnswer {
  fingerprint: string;
  status: number;
  response: unknown;
}

export interface KeyOwner {
  adminUser: number;
  key: string;
}

/** Keys being answered right now, for SQLite: one app process, so memory is where they are. */
const answering = new Set<string>();

export const idempotencyRepository = (strapi: Core.Strapi) => {
  const keys = () => strapi.db.query(UID.idempotencyKey);
  return {
    /**
     * Takes the key while the request is answered: a function that gives it back, or null while
     * another request holds it. On PostgreSQL an advisory lock held by the transaction, in
     * whichever app process answers, given back when the transaction ends.
     */
    async claim(trx: Transaction, { adminUser, key }: KeyOwner): Promise<(() => void) | null> {
      const name = `orders.idempotency:${adminUser}:${key}`;
      if (isPostgres(strapi)) {
        const { rows } = await trx.raw('SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0)) AS claimed', [name]);
        return rows[0].claimed === true ? () => undefined : null;
      }
      if (answering.has(name)) return null;
      answering.add(name);
      return () => answering.delete(name);
    },

    /** The answer kept for the key since `since`; an older one is forgotten. */
    async find({ adminUser, key }: KeyOwner, since: Date): Promise<KeptAnswer | null> {
      await keys().deleteMany({ where: { adminUser, key, createdAt: { $lt: since } } });
      return keys().findOne({ where: { adminUser, key }, select: ['fingerprint', 'status', 'response'] });
    },

    keep: (trx: Transaction, owner: KeyOwner, answer: KeptAnswer) =>
      insertRows(strapi, trx, UID.idempotencyKey, [{ values: { ...owner, ...answer } }]),

    /** Forgets every answer kept before `before`. */
    forgetBefore: (before: Date) => keys().deleteMany({ where: { createdAt: { $lt: before } } }),
  };
};
