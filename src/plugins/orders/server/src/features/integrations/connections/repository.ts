/** The webshop connections' queries. A deleted connection keeps its row, out of every list. */
import type { Core } from '@strapi/strapi';
import type { LastSync } from '../../../../../shared/contracts/connections';
import type { ConnectionKind, StatusMapEntry } from '../../../../../shared/domain/status-map';
import { columnOf, type StoredDate } from '../../../core/database';
import { UID } from '../../../core/uids';

/** A connection as stored: the UNAS API key and the feed password as ciphertexts (core/secret-box.ts). */
export interface ConnectionRow {
  id: number;
  documentId: string;
  name: string;
  /** The name as uniqueness reads it (lowercase), null once deleted: a deleted connection's name is free again. */
  nameKey: string | null;
  kind: ConnectionKind;
  enabled: boolean;
  /** Whether its orders are issued an order document when they first reach finalized. */
  issueDocuments: boolean | null;
  secret: string;
  statusMap: StatusMapEntry[] | null;
  shopUrl: string | null;
  unasApiBase: string | null;
  unasApiKey: string | null;
  feedUrl: string | null;
  feedUsername: string | null;
  feedPassword: string | null;
  pullIntervalMinutes: number | null;
  lastSyncedAt: StoredDate | null;
  lastSync: LastSync | null;
  rejectedCount: number | null;
  /** Set while a pull of the connection runs, by whichever process runs it. */
  syncStartedAt: StoredDate | null;
  deletedAt: StoredDate | null;
  createdAt: StoredDate;
  updatedAt: StoredDate;
}

export type ConnectionFields = Partial<Omit<ConnectionRow, 'id' | 'documentId' | 'createdAt' | 'updatedAt'>>;

/** What uniqueness compares: "Fő bolt" and "fő bolt " are one name. */
export const nameKeyOf = (name: string) => name.trim().normalize('NFC').toLowerCase();

export const connectionsRepository = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UID.connection);
  const live = { deletedAt: { $null: true } };

  return {
    list: (): Promise<ConnectionRow[]> => rows().findMany({ where: live, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),

    /** A connection that is not deleted. */
    find: (documentId: string): Promise<ConnectionRow | null> => rows().findOne({ where: { documentId, ...live } }),

    /** Whether a connection other than `exceptId` goes by the name. */
    async nameTaken(name: string, exceptId?: number): Promise<boolean> {
      const where = { nameKey: nameKeyOf(name), ...(exceptId ? { id: { $ne: exceptId } } : {}) };
      return Boolean(await rows().findOne({ where, select: ['id'] }));
    },

    /** The enabled connections of the kinds the server pulls. */
    pulled: (kinds: readonly ConnectionKind[]): Promise<ConnectionRow[]> =>
      rows().findMany({ where: { ...live, enabled: true, kind: { $in: kinds } }, orderBy: { id: 'asc' } }),

    create: (fields: ConnectionFields): Promise<Pick<ConnectionRow, 'id' | 'documentId'>> =>
      rows().create({ data: fields, select: ['id', 'documentId'] }),

    update: (id: number, fields: ConnectionFields) => rows().update({ where: { id }, data: fields, select: ['id'] }),

    /**
     * Takes the connection's pull for this process: one conditional UPDATE, so that a "Sync now"
     * and the schedule, in any processes, never pull one shop twice at once. A claim older than
     * `staleBefore` was left by a process that died.
     */
    async claimSync(id: number, now: Date, staleBefore: Date): Promise<boolean> {
      const meta = strapi.db.metadata.get(UID.connection);
      const column = columnOf(strapi, UID.connection, 'syncStartedAt');
      const claimed = await strapi.db
        .connection(meta.tableName)
        .where('id', id)
        .where((query) => query.whereNull(column).orWhere(column, '<', staleBefore))
        .update({ [column]: now });
      return claimed === 1;
    },

    /** One more refused request, counted in one atomic UPDATE however many arrive at once. */
    countRejected: (id: number) => {
      const meta = strapi.db.metadata.get(UID.connection);
      const column = columnOf(strapi, UID.connection, 'rejectedCount');
      return strapi.db.connection(meta.tableName).where('id', id).increment(column, 1);
    },

    /** The row whichever its state, by id or documentId: the inbound side records syncs by either. */
    findAny: (key: number | string): Promise<ConnectionRow | null> =>
      rows().findOne({ where: typeof key === 'number' ? { id: key } : { documentId: key } }),
  };
};
