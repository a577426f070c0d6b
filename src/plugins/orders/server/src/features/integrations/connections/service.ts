/**
 * Webshop connections (webshop-kapcsolat): the admin's create, edit, rotate and delete, and what
 * the inbound side reads — a connection with its credentials decrypted, the ones due for a pull —
 * and records — how a sync went.
 *
 * Deleting is soft: the row stays (deletedAt), so that the orders and inbox entries that came
 * through it keep pointing at it and can say it is gone; it leaves every list, no delivery or pull
 * finds it any more, and its name is free for a new connection.
 */
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  isPulled,
  kindProblems,
  PULL_INTERVAL,
  PULLED_KINDS,
  type CreateConnectionInput,
  type KindFields,
  type UpdateConnectionInput,
} from '../../../../../shared/contracts/connections';
import type { FieldProblem } from '../../../../../shared/contracts/errors';
import { DEFAULT_STATUS_MAPS, type StatusMapEntry } from '../../../../../shared/domain/status-map';
import { conflict, invalidField, invalidFields, notFound } from '../../../core/errors';
import { secretBox, type SecretBox } from '../../../core/secret-box';
import { getService } from '../../../core/service';
import { violates } from '../../../core/unique';
import { UID } from '../../../core/uids';
import type { Connection } from '../connection';
import { connectionsRepository, nameKeyOf, type ConnectionFields, type ConnectionRow } from './repository';
import { serializeConnection } from './serializer';

/** No two live connections share a name (in any case); a deleted one's key is null, and frees it. */
export const NAME_INDEX = { uid: UID.connection, attribute: 'nameKey' };

/** What each ciphertext is, bound into it: one column's value does not decrypt as another's. */
const PURPOSE = { unasApiKey: 'connection.unasApiKey', feedPassword: 'connection.feedPassword' } as const;

/** The shared secret a shop signs with: 32 random bytes. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** How a sync went, as the inbound side reports it; `syncedUntil`: how far a successful pull read the shop. */
export interface SyncRecord {
  at: Date;
  ok: boolean;
  error?: string | null;
  syncedUntil?: Date | null;
}

const MAX_SYNC_ERROR = 2000;

/** A pull still marked running after this long was left by a process that died. */
const SYNC_CLAIM_EXPIRES_MS = 30 * 60_000;

const createConnectionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = connectionsRepository(strapi);
  /**
   * The credentials' box, keyed from the configuration as it is (a key derived in microseconds).
   * A host app that set no encryptionKey cannot store a credential: it is told how to, and nothing
   * is written.
   */
  const secrets = (): SecretBox => {
    const key: string = strapi.plugin('orders').config('encryptionKey');
    if (!key)
      throw conflict(
        'noEncryptionKey',
        'No encryption key is configured for the webshops’ credentials: set encryptionKey in config/plugins (orders.config), e.g. to env("ENCRYPTION_KEY")'
      );
    return secretBox(key);
  };

  /** The server's public address, as Strapi computes it from server.url (what its upload plugin hands out). */
  const publicUrl = () => String(strapi.config.get('server.absoluteUrl') ?? '');
  const serialize = (row: ConnectionRow) => serializeConnection(row, publicUrl());

  const findRow = async (documentId: string) => {
    const row = await rows.find(documentId);
    if (!row) throw notFound('connectionNotFound', `No webshop connection ${documentId}`, { id: documentId });
    return row;
  };

  const nameTaken = (name: string) =>
    invalidField('name', 'nameTaken', `A webshop connection named "${name}" already exists`, { name: name.trim() });

  /** Checked first, for the common case; the unique index refuses the second of two requests that both found it free. */
  const withName = async <T>(name: string | undefined, exceptId: number | undefined, write: () => Promise<T>): Promise<T> => {
    if (name !== undefined && (await rows.nameTaken(name, exceptId))) throw nameTaken(name);
    try {
      return await write();
    } catch (error) {
      if (name !== undefined && violates(strapi, error, NAME_INDEX)) throw nameTaken(name);
      throw error;
    }
  };

  /** A status map's custom statuses must be ones the settings list. */
  const checkStatusMap = async (map: StatusMapEntry[] | undefined) => {
    if (!map?.some((entry) => entry.customStatus)) return;
    const allowed = (await getService(strapi, 'settings').get()).customStatuses.map((status) => status.key);
    const problems: FieldProblem[] = map.flatMap((entry, i) =>
      entry.customStatus && !allowed.includes(entry.customStatus)
        ? [
            {
              path: `statusMap[${i}].customStatus`,
              code: 'unknownCustomStatus' as const,
              message: `"${entry.customStatus}" is not a custom status of the settings`,
              values: { customStatus: entry.customStatus, allowed },
            },
          ]
        : []
    );
    if (problems.length) throw invalidFields(problems);
  };

  const encrypt = (value: string | null | undefined, purpose: string) => (value ? secrets().encrypt(value, purpose) : null);

  /** The columns a request writes; what it leaves out keeps its value. */
  const fieldsOf = (input: UpdateConnectionInput): ConnectionFields => {
    const fields: ConnectionFields = {};
    if (input.name !== undefined) Object.assign(fields, { name: input.name, nameKey: nameKeyOf(input.name) });
    if (input.enabled !== undefined) fields.enabled = input.enabled;
    if (input.issueDocuments !== undefined) fields.issueDocuments = input.issueDocuments;
    if (input.statusMap !== undefined)
      fields.statusMap = input.statusMap.map(({ external, state, customStatus }) => ({
        external,
        state,
        customStatus: customStatus ?? null,
      }));
    if (input.shopUrl !== undefined) fields.shopUrl = input.shopUrl;
    if (input.unas === null) Object.assign(fields, { unasApiBase: null, unasApiKey: null });
    if (input.unas) {
      fields.unasApiBase = input.unas.apiBase;
      if (input.unas.apiKey !== undefined) fields.unasApiKey = encrypt(input.unas.apiKey, PURPOSE.unasApiKey);
      if (input.unas.intervalMinutes !== undefined) fields.pullIntervalMinutes = input.unas.intervalMinutes;
    }
    if (input.feed === null) Object.assign(fields, { feedUrl: null, feedUsername: null, feedPassword: null });
    if (input.feed) {
      fields.feedUrl = input.feed.url;
      if (input.feed.username !== undefined) fields.feedUsername = input.feed.username || null;
      if (input.feed.password !== undefined) fields.feedPassword = encrypt(input.feed.password, PURPOSE.feedPassword);
      if (input.feed.intervalMinutes !== undefined) fields.pullIntervalMinutes = input.feed.intervalMinutes;
    }
    return fields;
  };

  /** A stored connection with an update's changes on top, as the per-kind rules read it. */
  const mergedKindFields = (row: ConnectionRow, input: UpdateConnectionInput): KindFields => ({
    shopUrl: input.shopUrl !== undefined ? input.shopUrl : row.shopUrl,
    unas:
      input.unas === undefined
        ? row.unasApiBase
          ? { apiKey: row.unasApiKey }
          : null
        : input.unas && { apiKey: input.unas.apiKey ?? row.unasApiKey },
    feed: input.feed === undefined ? (row.feedUrl ? {} : null) : input.feed,
  });

  const decrypt = (row: ConnectionRow, value: string | null, purpose: string) => {
    if (!value) return null;
    try {
      return secrets().decrypt(value, purpose);
    } catch (error) {
      throw new Error(
        `orders: the ${purpose} of webshop connection "${row.name}" (${row.documentId}) cannot be read: ${(error as Error).message}`,
        { cause: error }
      );
    }
  };

  /** The connection as the inbound side needs it, credentials decrypted. */
  const inbound = (row: ConnectionRow): Connection => {
    const interval = row.pullIntervalMinutes ?? PULL_INTERVAL.default;
    const apiKey = decrypt(row, row.unasApiKey, PURPOSE.unasApiKey);
    return {
      id: row.id,
      documentId: row.documentId,
      name: row.name,
      kind: row.kind,
      enabled: Boolean(row.enabled),
      issueDocuments: Boolean(row.issueDocuments),
      secret: row.secret,
      statusMap: row.statusMap ?? DEFAULT_STATUS_MAPS[row.kind],
      shopUrl: row.shopUrl ?? null,
      unas: row.unasApiBase && apiKey ? { apiBase: row.unasApiBase, apiKey } : null,
      feed: row.feedUrl
        ? {
            url: row.feedUrl,
            username: row.feedUsername ?? null,
            password: decrypt(row, row.feedPassword, PURPOSE.feedPassword),
            intervalMinutes: interval,
          }
        : null,
      lastSyncedAt: row.lastSyncedAt == null ? null : new Date(row.lastSyncedAt),
    };
  };

  /** Whether a pulled connection's interval has passed since its last sync (or it never synced). */
  const isDue = (row: ConnectionRow, now: Date) => {
    if (row.kind === 'xml' && !row.feedUrl) return false;
    if (!row.lastSync?.at) return true;
    const interval = (row.pullIntervalMinutes ?? PULL_INTERVAL.default) * 60_000;
    return new Date(row.lastSync.at).getTime() + interval <= now.getTime();
  };

  return {
    /** Every connection that is not deleted, by name. */
    async list() {
      return (await rows.list()).map(serialize);
    },

    async get(documentId: string) {
      return serialize(await findRow(documentId));
    },

    async create(input: CreateConnectionInput) {
      await checkStatusMap(input.statusMap);
      const { documentId } = await withName(input.name, undefined, () =>
        rows.create({
          enabled: true,
          statusMap: DEFAULT_STATUS_MAPS[input.kind],
          pullIntervalMinutes: isPulled(input.kind) ? PULL_INTERVAL.default : null,
          ...fieldsOf(input),
          kind: input.kind,
          secret: newSecret(),
        })
      );
      return this.get(documentId);
    },

    /** Changes what the request gives; the kind never changes (a shop's payloads are its kind's). */
    async update(documentId: string, input: UpdateConnectionInput) {
      const row = await findRow(documentId);
      if (input.kind !== undefined && input.kind !== row.kind) {
        throw invalidField('kind', 'kindChanged', `cannot change from ${row.kind}: create a new connection instead`, { kind: row.kind });
      }
      const problems = kindProblems(row.kind, mergedKindFields(row, input));
      if (problems.length) throw invalidFields(problems);
      await checkStatusMap(input.statusMap);
      const name = input.name === undefined || nameKeyOf(input.name) === row.nameKey ? undefined : input.name;
      await withName(name, row.id, () => rows.update(row.id, fieldsOf(input)));
      return this.get(documentId);
    },

    /** A new secret: the shop must be given it (or the new inbound URL) before its next delivery verifies. */
    async rotateSecret(documentId: string) {
      const row = await findRow(documentId);
      await rows.update(row.id, { secret: newSecret() });
      return this.get(documentId);
    },

    /** Soft: see the top of this file. */
    async remove(documentId: string) {
      const row = await findRow(documentId);
      await rows.update(row.id, { deletedAt: new Date(), nameKey: null, enabled: false });
    },

    /** "Sync now" of a pulled connection: the integrations service pulls it and records how it went. */
    async sync(documentId: string) {
      const row = await findRow(documentId);
      if (!isPulled(row.kind)) {
        throw conflict('syncNotForKind', `A ${row.kind} connection is not pulled: its shop sends its orders`, { kind: row.kind });
      }
      await getService(strapi, 'integrations').sync(row.documentId);
      return this.get(documentId);
    },

    /** The connection, credentials decrypted, or null when there is none (or it was deleted). Disabled ones are answered: the caller decides. */
    async forInbound(documentId: string): Promise<Connection | null> {
      const row = await rows.find(documentId);
      return row ? inbound(row) : null;
    },

    /** The enabled pulled connections (UNAS, an XML feed) whose interval has passed at `now`. */
    async dueForPull(now: Date): Promise<Connection[]> {
      return (await rows.pulled(PULLED_KINDS)).filter((row) => isDue(row, now)).map(inbound);
    },

    /** Keeps how a sync went; a successful one also how far it read the shop. `key`: id or documentId. */
    /** Whether this process may pull the connection now: no other pull of it is running. */
    claimSync: (id: number, now = new Date()) => rows.claimSync(id, now, new Date(now.getTime() - SYNC_CLAIM_EXPIRES_MS)),

    /** A request to the inbound URL was refused. */
    countRejected: (id: number) => rows.countRejected(id),

    async recordSync(key: number | string, { at, ok, error = null, syncedUntil }: SyncRecord) {
      const row = await rows.findAny(key);
      if (!row) return;
      const fields: ConnectionFields = {
        lastSync: { at: at.toISOString(), ok, error: error ? error.slice(0, MAX_SYNC_ERROR) : null },
        syncStartedAt: null,
      };
      if (ok && syncedUntil) fields.lastSyncedAt = syncedUntil;
      await rows.update(row.id, fields);
    },
  };
};

export default createConnectionsService;
