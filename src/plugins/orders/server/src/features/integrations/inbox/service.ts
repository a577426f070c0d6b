/**
 * The inbox: every payload is stored raw, in its own committed transaction, before a byte of it
 * is parsed — so nothing a shop sends is lost, whatever happens next — then processed: read by
 * its shop's adapter into NormalizedOrders, each applied through the engine's one upsert, or into
 * newsletter notices, set on their customers (customers/subscriptions.ts). A
 * failure is kept with its error and can be replayed once its cause is fixed; a replay goes
 * through the same upsert, which books only what is missing.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { InboxListQuery, InboxState } from '../../../../../shared/contracts/inbox';
import type { ShopMessage, SubscriptionNotice } from '../../../../../shared/contracts/normalized-order';
import { conflict, notFound } from '../../../core/errors';
import { isoOf } from '../../../core/database';
import { pagination } from '../../../core/pages';
import { getService } from '../../../core/service';
import { ShopOrderError } from '../../orders/shop-lines';
import type { ShopOrderOutcome } from '../../orders/shop-orders';
import type { SubscriptionOutcome } from '../../customers/subscriptions';
import { AdapterError, adapters, isShopError, readPulled, type InboundRequest } from '../adapters';
import type { Connection } from '../connection';
import { inboxRepository, type EntryError, type InboxEntryRow, type NewEntry } from './repository';
import { serializeEntry, serializeEntryDetail } from './serializer';

/** What applying one message did: to an order, or (a newsletter notice) to a customer. */
type Outcome = Pick<ShopOrderOutcome, 'result'> & {
  order?: ShopOrderOutcome['order'];
  flags?: ShopOrderOutcome['flags'];
  customer?: SubscriptionOutcome['customer'];
};

/** How many of a feed's orders are applied in one transaction. */
const CHUNK = 100;

/** How many refused requests a connection keeps in an hour; the ones beyond are only counted. */
export const REJECTED_KEPT_PER_HOUR = 100;

/** A refused request's body is kept only this far: enough to see what it was, not enough to fill the disk. */
export const REJECTED_BODY_KEPT = 64 * 1024;

/** The headers worth keeping with a payload: the shops' own, and what describes the body. */
const KEPT_HEADER = /^(x-wc-|x-shoprenter|x-unas|x-orders-|content-type$|content-length$|user-agent$)/i;

const keptHeaders = (headers: InboundRequest['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name, value]) => KEPT_HEADER.test(name) && typeof value === 'string')) as Record<
    string,
    string
  >;

/** The request an adapter reads, made again from what the inbox kept. */
const requestOf = (entry: InboxEntryRow): InboundRequest => ({
  body: Buffer.from(entry.body ?? '', 'base64'),
  contentType: entry.contentType,
  headers: entry.headers ?? {},
  query: entry.query ?? {},
});

/** What the entry says: a delivery as its shop's adapter reads it, what we pulled as the shop wrote it. */
const readEntry = (connection: Connection, entry: InboxEntryRow) => {
  const pulled = entry.origin === 'pull' ? readPulled[connection.kind] : undefined;
  return pulled ? pulled(Buffer.from(entry.body ?? '', 'base64')) : adapters[connection.kind].read(requestOf(entry));
};

const errorOf = (error: unknown): EntryError | null => {
  if (isShopError(error) || error instanceof ShopOrderError) {
    const path = 'path' in error ? error.path : undefined;
    return { code: error.code, message: error.message, ...(path ? { path } : {}) };
  }
  return null;
};

const createInbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const inbox = inboxRepository(strapi);
  const shopOrders = () => getService(strapi, 'shopOrders');
  const subscriptions = () => getService(strapi, 'subscriptions');

  const entryOf = (connection: Connection, request: InboundRequest, origin: 'push' | 'pull', keep = request.body.length): NewEntry => ({
    connection: connection.documentId,
    connectionName: connection.name,
    kind: connection.kind,
    origin,
    // WooCommerce names the topic in a header; a Shoprenter newsletter webhook's URL names its event.
    topic: request.headers['x-wc-webhook-topic'] ?? request.query.event ?? null,
    deliveryId: adapters[connection.kind].deliveryId(request),
    contentType: request.contentType,
    headers: keptHeaders(request.headers),
    query: Object.fromEntries(Object.entries(request.query).filter(([name]) => name !== 'token')) as Record<string, string>,
    body: request.body.subarray(0, keep).toString('base64'),
    bodySize: request.body.length,
    truncated: keep < request.body.length,
    bodyHash: createHash('sha256').update(request.body).digest('hex'),
    state: 'received',
  });

  /** One message of a payload, applied. */
  const applyMessage = async (connection: Connection, entry: InboxEntryRow, message: ShopMessage): Promise<Outcome[]> => {
    if (message.type === 'order') return [await shopOrders().apply(connection, message.order)];
    if (message.type === 'subscription') return [await subscriptions().apply(connection.id, message.notice, receivedAtOf(entry))];
    if (message.type === 'deleted') return [await shopOrders().remove(connection, message.externalId)];
    // A notice that the order is to be read from the shop's API (UNAS): what that answers is a payload of its own.
    const fetched = await getService(strapi, 'integrations').fetchOrder(connection, message.externalId);
    const processed = await run(connection, await inbox.store(entryOf(connection, fetched, 'pull')));
    if (processed.state === 'failed')
      throw new AdapterError('invalidOrder', `the order read from the shop failed: ${processed.error?.message}`);
    return [];
  };

  /**
   * Applies a payload's messages: its orders — one, or a feed's thousands — CHUNK to a transaction
   * through the engine's batched upsert; a chunk that fails is applied again one order at a time,
   * so that the others are applied and the failure is the one order's, named.
   */
  const applyAll = async (connection: Connection, entry: InboxEntryRow, messages: ShopMessage[], outcomes: Outcome[]) => {
    const orders = messages.flatMap((message) => (message.type === 'order' ? [message.order] : []));
    if (orders.length && orders.length === messages.length) {
      for (let start = 0; start < orders.length; start += CHUNK) {
        const chunk = orders.slice(start, start + CHUNK);
        const together = await shopOrders()
          .applyMany(connection, chunk)
          .catch(() => null);
        if (together) outcomes.push(...together);
        else for (const order of chunk) outcomes.push(await shopOrders().apply(connection, order));
      }
      return;
    }
    for (const message of messages) outcomes.push(...(await applyMessage(connection, entry, message)));
  };

  /** Records what applying the entry's messages did, and the orders and customers they touched. */
  const settle = async (entry: InboxEntryRow, outcomes: Outcome[]) => {
    const state: InboxState = outcomes.length && outcomes.every((outcome) => outcome.result === 'ignored') ? 'ignored' : 'processed';
    const flags = [...new Set(outcomes.flatMap((outcome) => outcome.flags ?? []))];
    await inbox.finish(entry, state, { flags, orders: ordersOf(outcomes), customers: customersOf(outcomes) });
    return { state, error: null };
  };

  /**
   * A payload of newsletter notices only is applied and its entry finished in one transaction:
   * the notices of one payload are set together or, one of them failing, none is.
   */
  const applyNotices = async (connection: Connection, entry: InboxEntryRow, messages: ShopMessage[]) => {
    const notices = messages.flatMap((message) => (message.type === 'subscription' ? [message.notice] : []));
    if (!notices.length || notices.length !== messages.length) return null;
    return strapi.db.transaction(async () => settle(entry, await applyEach(connection, entry, notices)));
  };

  const applyEach = async (connection: Connection, entry: InboxEntryRow, notices: SubscriptionNotice[]) => {
    const outcomes: Outcome[] = [];
    for (const notice of notices) outcomes.push(await subscriptions().apply(connection.id, notice, receivedAtOf(entry)));
    return outcomes;
  };

  /**
   * A payload of at most one chunk of orders — every delivery of one order — is applied and its
   * entry finished in one transaction: a commit less per delivery. Null when that failed, to be
   * applied again the long way, which names the failure.
   */
  const applyAndSettle = async (connection: Connection, entry: InboxEntryRow, messages: ShopMessage[]) => {
    const orders = messages.flatMap((message) => (message.type === 'order' ? [message.order] : []));
    if (!orders.length || orders.length !== messages.length || orders.length > CHUNK) return null;
    return strapi.db.transaction(async () => settle(entry, await shopOrders().applyMany(connection, orders))).catch(() => null);
  };

  /** Reads and applies a claimed entry; records what became of it. */
  const run = async (connection: Connection, entry: InboxEntryRow): Promise<{ state: InboxState; error: EntryError | null }> => {
    const outcomes: Outcome[] = [];
    try {
      const messages = readEntry(connection, entry);
      const settled = (await applyNotices(connection, entry, messages)) ?? (await applyAndSettle(connection, entry, messages));
      if (settled) return settled;
      await applyAll(connection, entry, messages, outcomes);
    } catch (error) {
      const named = errorOf(error);
      if (!named)
        strapi.log.error(`orders: inbox entry ${entry.documentId} of ${connection.name} failed: ${(error as Error)?.stack ?? error}`);
      const failure = named ?? { code: 'processingError', message: `processing failed: ${(error as Error)?.message ?? error}` };
      await inbox.finish(entry, 'failed', { error: failure, orders: ordersOf(outcomes), customers: customersOf(outcomes) });
      return { state: 'failed' as InboxState, error: failure };
    }
    return settle(entry, outcomes);
  };

  /** Processes a stored entry unless another process has it; answers its state as this process left it. */
  const processEntry = async (connection: Connection, entry: InboxEntryRow) => {
    if (!(await inbox.claim(entry.id))) return { state: 'received', error: null };
    return run(connection, entry);
  };

  const connectionOf = (documentId: string) => getService(strapi, 'connections').forInbound(documentId);

  return {
    /** Stores a verified payload, then processes it (the entry is born claimed), unless it is the twin of one already processed. */
    async receive(connection: Connection, request: InboundRequest, origin: 'push' | 'pull' = 'push') {
      const data = entryOf(connection, request, origin);
      const twin = await inbox.processedTwin(data);
      const entry = await inbox.store({ ...data, state: twin ? 'duplicate' : 'received' });
      if (twin) return { entry: entry.documentId, state: 'duplicate' as InboxState, error: null };
      return { entry: entry.documentId, ...(await run(connection, entry)) };
    },

    /**
     * Counts a refused request on its connection and keeps what it sent, its body cut to
     * REJECTED_BODY_KEPT — up to REJECTED_KEPT_PER_HOUR of them: nobody fills the disk by
     * sending unsigned requests, and the count still says how many came.
     */
    async reject(connection: Connection, request: InboundRequest, error: EntryError) {
      await getService(strapi, 'connections').countRejected(connection.id);
      if ((await inbox.rejectedSince(connection.documentId, new Date(Date.now() - 3_600_000))) >= REJECTED_KEPT_PER_HOUR) return;
      await inbox.store({ ...entryOf(connection, request, 'push', REJECTED_BODY_KEPT), state: 'rejected', error });
    },

    /** Processes the entry again, from its kept bytes, through the same upsert. */
    async replay(documentId: string) {
      const entry = await inbox.find(documentId);
      if (!entry) throw notFound('inboxEntryNotFound', `No inbox entry ${documentId}`, { id: documentId });
      const connection = await connectionOf(entry.connection);
      if (!connection)
        throw notFound('connectionNotFound', `The connection of inbox entry ${documentId} is gone`, { id: entry.connection });
      if (entry.state === 'rejected' || entry.truncated) {
        throw conflict('notReplayable', 'A rejected request is kept only to be seen: it was never verified, so it is never applied', {
          id: documentId,
        });
      }
      await inbox.reopen(entry.id);
      await processEntry(connection, entry);
      return this.get(documentId);
    },

    /** Entries a process left received when it died: processed now, oldest first. */
    async recover(limit = 100) {
      for (const id of await inbox.abandoned(new Date(Date.now() - 60_000), limit)) {
        const entry = await inbox.findById(id);
        const connection = entry && (await connectionOf(entry.connection));
        if (connection) await processEntry(connection, entry);
      }
    },

    async list(query: InboxListQuery) {
      const [rows, total] = await inbox.list(query);
      return { data: rows.map(serializeEntry), meta: pagination(query, total) };
    },

    async get(documentId: string) {
      const entry = await inbox.find(documentId);
      if (!entry) throw notFound('inboxEntryNotFound', `No inbox entry ${documentId}`, { id: documentId });
      return serializeEntryDetail(entry);
    },

    /** Retention: processed payloads go after `days`; failed ones stay until a replay resolves them. */
    forget: (days: number) => inbox.forget(['processed', 'duplicate', 'ignored', 'rejected'], new Date(Date.now() - days * 86_400_000)),
  };
};

const ordersOf = (outcomes: Outcome[]) => [...new Set(outcomes.flatMap((outcome) => (outcome.order ? [outcome.order.id] : [])))];

const customersOf = (outcomes: Outcome[]) => [...new Set(outcomes.flatMap((outcome) => (outcome.customer ? [outcome.customer.id] : [])))];

/** When the inbox received the entry: the time of a notice whose shop does not tell it; the same at every replay. */
const receivedAtOf = (entry: InboxEntryRow) => new Date(isoOf(entry.receivedAt));

export default createInbox;
