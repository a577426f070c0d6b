/**
 * The data migration of movement causes: movements written before causes were kept as codes carry
 * them as English words in `reason` — "finalize 2026-000012", "fail 2026-000012: not restocked",
 * "invoice SZ-2026-1", "storno …", a webshop's "<connection> <number>", "initial quantity". At
 * start each gets its code and loses the words, so the admin words it in the reader's language
 * (the order, the invoice and the actor are links of the movement). A movement whose draft was
 * deleted keeps the order's number it named. Idempotent: a second process starting at once
 * writes the same; a database with nothing left to do costs two queries.
 */
import type { Core } from '@strapi/strapi';
import { MOVEMENT_CAUSES } from '../../../../shared/contracts/inventory';
import { columnOf, joinTableOf } from '../../core/database';
import { UID } from '../../core/uids';

/** Causes that old reasons began with; anything else an order's movement said came from a webshop. */
const WORDED = MOVEMENT_CAUSES.filter((cause) => cause !== 'shop');

/** The order's number in an old lifecycle reason: "fail 2026-000012: not restocked" → "2026-000012". */
const numberIn = (reason: string) => /^\w+ ([^\s:]+)/.exec(reason)?.[1] ?? null;

export const fillMovementCauses = async (strapi: Core.Strapi): Promise<number> => {
  const table = strapi.db.metadata.get(UID.stockMovement).tableName;
  const column = (attribute: string) => columnOf(strapi, UID.stockMovement, attribute);
  const [kind, cause, reason, orderNumber] = ['kind', 'cause', 'reason', 'orderNumber'].map(column);
  const link = joinTableOf(strapi, UID.stockMovement, 'order');
  const knex = strapi.db.connection;
  const uncoded = () => knex(table).whereIn(kind, ['order', 'write-off']).whereNull(cause);
  const initialWords = () => knex(table).where(kind, 'initial').where(reason, 'initial quantity');
  if (!(await uncoded().first('id')) && !(await initialWords().first('id'))) return 0;

  return strapi.db.transaction(async ({ trx }) => {
    // Only a deleted draft's movements lost their order: few, so one by one.
    const orphans = await uncoded()
      .transacting(trx)
      .whereNotExists(knex(link.name).whereRaw('??.?? = ??.id', [link.name, link.joinColumn.name, table]))
      .select('id', reason);
    for (const row of orphans)
      await knex(table)
        .transacting(trx)
        .where('id', row.id)
        .update({ [orderNumber]: numberIn(String(row[reason])) });

    let filled = 0;
    for (const code of WORDED) {
      filled += await uncoded()
        .transacting(trx)
        .where(reason, 'like', `${code} %`)
        .update({ [cause]: code, [reason]: null });
    }
    filled += await uncoded()
      .transacting(trx)
      .update({ [cause]: 'shop', [reason]: null });
    filled += await initialWords()
      .transacting(trx)
      .update({ [reason]: null });
    strapi.log.info(`orders: ${filled} stock movements from before causes were codes now have theirs`);
    return filled;
  });
};
