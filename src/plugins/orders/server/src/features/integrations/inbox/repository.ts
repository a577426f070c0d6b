/** The inbox's queries: an entry stored in its own committed transaction, claimed atomically, listed. */
import type { Core } from '@strapi/strapi';
import type { InboxListQuery, InboxState } from '../../../../../shared/contracts/inbox';
import { createId } from '@paralleldrive/cuid2';
import { columnOf, insertRows, joinTableOf, updateColumns, type StoredDate, type Transaction } from '../../../core/database';
import { offsetOf } from '../../../core/pages';
import { UID } from '../../../core/uids';

export interface EntryError {
  code: string;
  message: string;
  path?: string;
}

export interface InboxEntryRow {
  id: number;
  documentId: string;
  connection: string;
  connectionName: string;
  kind: string;
  origin: 'push' | 'pull';
  topic: string | null;
  deliveryId: string | null;
  contentType: string | null;
  headers: Record<string, string> | null;
  query: Record<string, string> | null;
  /** The bytes as sent, base64. */
  body: string | null;
  bodySize: number;
  truncated: boolean | null;
  bodyHash: string | null;
  state: InboxState;
  error: EntryError | null;
  flags: string[] | null;
  attempts: number;
  receivedAt: StoredDate;
  processedAt: StoredDate | null;
  orders?: Array<{ documentId: string; number: string }>;
  customers?: Array<{ documentId: string; name: string }>;
}

export type NewEntry = Pick<
  InboxEntryRow,
  | 'connection'
  | 'connectionName'
  | 'kind'
  | 'origin'
  | 'topic'
  | 'deliveryId'
  | 'contentType'
  | 'headers'
  | 'query'
  | 'body'
  | 'bodySize'
  | 'truncated'
  | 'bodyHash'
  | 'state'
> & { error?: EntryError | null };

/** The list shows no bodies: a page of entries is not a page of payloads. */
const LIST_FIELDS = [
  'id',
  'documentId',
  'connection',
  'connectionName',
  'kind',
  'origin',
  'topic',
  'deliveryId',
  'contentType',
  'bodySize',
  'truncated',
  'state',
  'error',
  'flags',
  'attempts',
  'receivedAt',
  'processedAt',
];

/** What an entry touched: the orders it created or changed, the customers a newsletter notice set. */
const TOUCHED = { orders: { select: ['documentId', 'number'] }, customers: { select: ['documentId', 'name'] } };

/** An entry claimed this long ago by a process that has not finished it is taken to be abandoned. */
export const CLAIM_EXPIRES_MS = 5 * 60_000;

export const inboxRepository = (strapi: Core.Strapi) => {
  const entries = () => strapi.db.query(UID.inboxEntry);
  const table = () => strapi.db.metadata.get(UID.inboxEntry).tableName;
  const column = (attribute: string) => columnOf(strapi, UID.inboxEntry, attribute);

  /** Links the entry to `targets` through its relation `attribute`, replacing the links of an earlier run. */
  const relink = async (trx: Transaction, id: number, attribute: 'orders' | 'customers', targets: number[], linkedBefore: boolean) => {
    const link = joinTableOf(strapi, UID.inboxEntry, attribute);
    if (linkedBefore) await trx(link.name).where(link.joinColumn.name, id).delete();
    const rows = targets.map((target, index) => ({
      [link.joinColumn.name]: id,
      [link.inverseJoinColumn.name]: target,
      ...(link.orderColumnName ? { [link.orderColumnName]: index + 1 } : {}),
    }));
    for (let start = 0; start < rows.length; start += 500) await trx(link.name).insert(rows.slice(start, start + 500));
  };

  return {
    /**
     * Stored outside any transaction of the caller's — committed before a byte of it is parsed —
     * in one INSERT. A received entry is born claimed by this process, which processes it next:
     * no other process takes it before its claim expires (and the recover job takes it then).
     */
    async store(entry: NewEntry): Promise<InboxEntryRow> {
      const now = new Date();
      const claimed = entry.state === 'received';
      const row = { ...entry, documentId: createId(), error: entry.error ?? null, receivedAt: now, attempts: claimed ? 1 : 0 };
      const [id] = await insertRows(strapi, strapi.db.connection, UID.inboxEntry, [
        { values: { ...row, claimedAt: claimed ? now : null } },
      ]);
      return { ...row, id, flags: null, processedAt: null };
    },

    find: (documentId: string): Promise<InboxEntryRow | null> => entries().findOne({ where: { documentId }, populate: TOUCHED }),

    findById: (id: number): Promise<InboxEntryRow | null> => entries().findOne({ where: { id } }),

    /** A processed entry of the connection with the same delivery id or the same bytes. */
    processedTwin: async (entry: Pick<NewEntry, 'connection' | 'deliveryId' | 'bodyHash'>): Promise<InboxEntryRow | null> =>
      entries().findOne({
        where: {
          connection: entry.connection,
          state: 'processed',
          $or: [...(entry.deliveryId ? [{ deliveryId: entry.deliveryId }] : []), { bodyHash: entry.bodyHash }],
        },
        select: ['id', 'documentId'],
      }),

    /**
     * Takes the entry for this process: one conditional UPDATE, so that of several app processes
     * (the request that stored it, the retry job, a replay) exactly one processes it.
     */
    async claim(id: number, now = new Date()): Promise<boolean> {
      const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS);
      const claimed = await strapi.db
        .connection(table())
        .where('id', id)
        .where(column('state'), 'received')
        .where((query) => query.whereNull(column('claimedAt')).orWhere(column('claimedAt'), '<', stale))
        .update({ [column('claimedAt')]: now, [column('attempts')]: strapi.db.connection.raw('?? + 1', [column('attempts')]) });
      return claimed === 1;
    },

    /** Back to received, unclaimed: what a replay does before it processes the entry again. */
    reopen: (id: number) => entries().update({ where: { id }, data: { state: 'received', claimedAt: null, error: null }, select: ['id'] }),

    /**
     * Records what became of the entry and links the orders and customers it touched, in a few
     * statements — inside the caller's transaction when there is one. An entry never finished has no links yet.
     */
    finish: (
      { id, processedAt }: Pick<InboxEntryRow, 'id' | 'processedAt'>,
      state: InboxState,
      outcome: { error?: EntryError | null; flags?: string[]; orders: number[]; customers?: number[] }
    ) =>
      strapi.db.transaction(async ({ trx }) => {
        await updateColumns(strapi, trx, UID.inboxEntry, id, {
          state,
          error: outcome.error ?? null,
          flags: outcome.flags?.length ? outcome.flags : null,
          claimedAt: null,
          processedAt: new Date(),
        });
        await relink(trx, id, 'orders', outcome.orders, Boolean(processedAt));
        await relink(trx, id, 'customers', outcome.customers ?? [], Boolean(processedAt));
      }),

    /** Entries left received by a process that died — unclaimed, or their claim expired — oldest first. */
    abandoned: async (receivedBefore: Date, limit: number, now = new Date()): Promise<number[]> =>
      (
        await entries().findMany({
          where: {
            state: 'received',
            receivedAt: { $lt: receivedBefore },
            $or: [{ claimedAt: { $null: true } }, { claimedAt: { $lt: new Date(now.getTime() - CLAIM_EXPIRES_MS) } }],
          },
          select: ['id'],
          orderBy: { receivedAt: 'asc' },
          limit,
        })
      ).map((row: { id: number }) => row.id),

    async list({ connection, state, order, customer, page, pageSize }: InboxListQuery): Promise<[InboxEntryRow[], number]> {
      const where = {
        ...(connection ? { connection } : {}),
        ...(state ? { state } : {}),
        ...(order ? { orders: { documentId: order } } : {}),
        ...(customer ? { customers: { documentId: customer } } : {}),
      };
      return Promise.all([
        entries().findMany({
          where,
          select: LIST_FIELDS,
          populate: TOUCHED,
          orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
          offset: offsetOf({ page, pageSize }),
          limit: pageSize,
        }),
        entries().count({ where }),
      ]);
    },

    /** How many refused requests the connection has kept since `since`. */
    rejectedSince: (connection: string, since: Date): Promise<number> =>
      entries().count({ where: { connection, state: 'rejected', receivedAt: { $gte: since } } }),

    /** Forgets what retention lets go: entries in `states` received before `before`. */
    forget: (states: InboxState[], before: Date) =>
      entries().deleteMany({ where: { state: { $in: states }, receivedAt: { $lt: before } } }),
  };
};
