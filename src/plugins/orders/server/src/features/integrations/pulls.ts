/**
 * Pulling shops: UNAS's API (the orders modified since the last successful pull, and one order a
 * webhook notice names) and a custom shop's XML feed. What a shop answers is a payload like any
 * delivery: kept raw in the inbox first, then processed through the same upsert.
 *
 * UNAS's token lasts two hours and is kept per connection in this process: another process logs
 * in for itself, which UNAS allows; nothing another process needs lives here.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../../core/service';
import { AdapterError, createUnasClient, fetchFeed, isShopError, type InboundRequest, type UnasClient } from './adapters';
import type { Connection } from './connection';

/** How far back the first pull of an UNAS shop reads. */
const FIRST_PULL_DAYS = 30;

const pulled = (text: string, contentType = 'application/xml'): InboundRequest => ({
  body: Buffer.from(text, 'utf8'),
  contentType,
  headers: {},
  query: {},
});

/** Why a pull failed, as its connection's last sync says it. */
const reasonOf = (error: unknown) => (isShopError(error) ? error.message : `pull failed: ${(error as Error)?.message ?? error}`);

const PULL_DUE = 'orders.connections.pull-due';

const createPulls = ({ strapi }: { strapi: Core.Strapi }) => {
  const clients = new Map<string, UnasClient>();
  const connections = () => getService(strapi, 'connections');
  const inbox = () => getService(strapi, 'inbox');

  const unasOf = (connection: Connection) => {
    if (!connection.unas) throw new AdapterError('invalidOrder', `${connection.name} has no UNAS API key`);
    const { apiBase, apiKey } = connection.unas;
    // A new key or base is a new client: the kept token belongs to the old one.
    const key = `${connection.id}:${apiBase}:${createHash('sha256').update(apiKey).digest('hex')}`;
    if (!clients.has(key)) clients.set(key, createUnasClient({ apiBase, apiKey }));
    return clients.get(key)!;
  };

  /** Pulls what the shop has that we may not, and processes it; answers how far it read. */
  const pull = async (connection: Connection, startedAt: Date) => {
    if (connection.kind === 'unas') {
      const since = connection.lastSyncedAt ?? new Date(startedAt.getTime() - FIRST_PULL_DAYS * 86_400_000);
      for (const answer of await unasOf(connection).answersModifiedSince(since)) await inbox().receive(connection, pulled(answer), 'pull');
      return startedAt;
    }
    if (!connection.feed) throw new AdapterError('invalidOrder', `${connection.name} has no feed URL to pull`);
    await inbox().receive(connection, pulled(await fetchFeed(connection.feed.url, connection.feed)), 'pull');
    return startedAt;
  };

  return {
    /** The order an UNAS webhook names, as UNAS's API answers it. */
    async fetchOrder(connection: Connection, externalId: string): Promise<InboundRequest> {
      return pulled(await unasOf(connection).getOrderAnswer(externalId));
    },

    /** Sync now: pulls the connection and records how it went; a failure is recorded, then thrown. */
    async sync(documentId: string) {
      const connection = await connections().forInbound(documentId);
      // Being pulled already, here or in another process: this pull would only wait for it.
      if (!connection || !(await connections().claimSync(connection.id))) return;
      const at = new Date();
      try {
        const syncedUntil = await pull(connection, at);
        await connections().recordSync(connection.id, { at, ok: true, syncedUntil });
      } catch (error) {
        await connections().recordSync(connection.id, { at, ok: false, error: reasonOf(error) });
        if (!isShopError(error)) throw error;
      }
    },

    /** Every pulled connection whose interval has passed, one after the other. */
    async pullDue() {
      for (const connection of await connections().dueForPull(new Date())) await this.sync(connection.documentId);
    },

    schedule() {
      const jobs = getService(strapi, 'jobs');
      jobs.define(PULL_DUE, () => this.pullDue());
      jobs.schedule(PULL_DUE, { everySeconds: 60 });
    },
  };
};

export default createPulls;
