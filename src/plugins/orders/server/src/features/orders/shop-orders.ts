/**
 * The one door through which webshops' orders enter the engine. Every adapter translates its
 * shop's payload into NormalizedOrders; this upserts each by (connection, the shop's id), in one
 * transaction under a lock named by that key — so that deliveries of one order, however many,
 * retried, duplicated or at once, make one order and book its stock once:
 *
 * - the state is the shop's, through the connection's status map, set directly (a shop may go
 *   from nothing to completed); a status the map does not know keeps the state and is flagged;
 * - a delivery older than the one applied (the shop's modified-at) changes nothing;
 * - the lines and amounts are the shop's; stock is reconciled by difference, below zero where it
 *   must (the shop has sold the goods), and the order flagged oversold;
 * - its addresses, methods and note (SHOP_DETAILS) are the shop's newer values: a delivery newer
 *   than the one applied overwrites a correction made here; the same delivery again does not;
 * - the history says which webshop did it, from → to, and the shop's status; a change of its
 *   details is an `update` entry, detail by detail, as a correction here is.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { NormalizedOrder } from '../../../../shared/contracts/normalized-order';
import type { OrderFlag } from '../../../../shared/contracts/orders';
import { normalAddress } from '../../../../shared/domain/address';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import { orderNumber } from '../../../../shared/domain/order-number';
import { mapStatus } from '../../../../shared/domain/status-map';
import { lockName, type Transaction } from '../../core/database';
import { getService } from '../../core/service';
import type { Connection } from '../integrations/connection';
import type { StockItemRow } from '../inventory/repository';
import { detailChanges, SHOP_DETAILS, shopDetailsChanged } from './details';
import { reconcileStock } from './order-stock';
import { customerNameOf, ordersRepository, type LineData, type OrderRow } from './repository';
import { sameLines, shopLines, shopTotals } from './shop-lines';
import { insertNewShopOrders, type NewShopOrder } from './shop-orders-batch';

/** What applying one shop order did. */
export interface ShopOrderOutcome {
  /** created, changed, unchanged (a replay), or ignored: older than the order shows, or not an order yet. */
  result: 'created' | 'changed' | 'unchanged' | 'ignored';
  order: { id: number; documentId: string; number: string } | null;
  flags: OrderFlag[];
  reason?: string;
}

export const keyOf = (connection: Pick<Connection, 'id'>, externalId: string) => `${connection.id}:${externalId}`;

/**
 * What the shop's order comes to here, before anything is written: the state its status maps to
 * (an unmapped one keeps the order's), its lines and totals, the order's fields. Null when the
 * status says it is not an order yet and we have none.
 */
export const planOf = (
  connection: Connection,
  order: NormalizedOrder,
  existing: Pick<OrderRow, 'state'> | null,
  bySku: Map<string, StockItemRow>
) => {
  const entry = mapStatus(connection.statusMap, order.status);
  if (entry?.state === 'ignored' && !existing) return null;
  const state: OrderState = entry && entry.state !== 'ignored' ? entry.state : (existing?.state ?? 'draft');
  const lines = shopLines(order, bySku);
  const totals = shopTotals(order, lines);
  const fields = {
    state,
    currency: order.currency,
    note: order.note,
    // The shop's addresses and payment method, as it sent them: the order keeps its own, as a manual one does.
    billingAddress: normalAddress(order.customer.billingAddress),
    shippingAddress: normalAddress(order.customer.shippingAddress) ?? normalAddress(order.customer.billingAddress),
    paymentMethod: order.paymentMethod,
    shippingMethod: order.shippingMethod,
    externalStatus: order.status.code,
    externalNumber: order.externalNumber,
    externalModifiedAt: order.modifiedAt ? new Date(order.modifiedAt) : null,
    netTotalMinor: totals.net.toString(),
    vatTotalMinor: totals.vat.toString(),
    grossTotalMinor: totals.gross.toString(),
    lineCount: lines.length,
    ...(entry?.customStatus ? { customStatus: entry.customStatus } : {}),
  };
  return { entry, state, lines, totals, fields };
};

/**
 * What the admin should look at. Oversold: an item this delivery booked is below zero now — or,
 * when it booked nothing, the order said so before.
 */
export const flagsOf = (
  lines: LineData[],
  mapped: boolean,
  totals: { gross: bigint },
  balances: Array<{ onHand: bigint }>,
  before: OrderFlag[]
) => {
  const flags: OrderFlag[] = [];
  if (balances.length ? balances.some((balance) => balance.onHand < 0n) : before.includes('oversold')) flags.push('oversold');
  if (lines.some((line) => line.kind === 'product' && line.sku && line.stockItem === null)) flags.push('unknownSku');
  if (lines.reduce((sum, line) => sum + BigInt(line.shopGrossMinor!), 0n) !== totals.gross) flags.push('totalMismatch');
  if (!mapped) flags.push('unmappedStatus');
  return flags;
};

/** The plan's fields without the shop's details (SHOP_DETAILS), for a delivery that is not newer. */
const withoutDetails = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([field]) => !(SHOP_DETAILS as readonly string[]).includes(field))) as Omit<
    T,
    (typeof SHOP_DETAILS)[number]
  >;

export const statusText = ({ status }: NormalizedOrder) =>
  status.name && status.name !== status.code ? `${status.name} (${status.code})` : status.code;

const createShopOrders = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = ordersRepository(strapi);
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  const bySku = async (shopOrders: NormalizedOrder[]) => {
    const skus = [...new Set(shopOrders.flatMap((order) => order.lines.flatMap((line) => (line.sku ? [line.sku] : []))))];
    const items = skus.length ? await getService(strapi, 'inventory').named([], skus) : [];
    return new Map(items.map((item) => [item.sku, item]));
  };

  /** Writes the order's state, lines and stock; answers the balances of the items its stock moved. */
  const write = async (
    trx: Transaction,
    row: Pick<OrderRow, 'id' | 'documentId' | 'number' | 'items' | 'state'>,
    state: OrderState,
    lines: LineData[],
    actor: Actor
  ) => {
    if (!sameLines(row.items, lines)) await orders.replaceLines(trx, row, lines);
    const items = lines.map((line) => ({ ...line, stockItem: line.stockItem === null ? null : { id: line.stockItem } }));
    const config = await getService(strapi, 'settings').get();
    return reconcileStock(strapi, { ...row, items: items as OrderRow['items'] }, state, config, actor, {
      cause: 'shop',
      writeOff: false,
      allowNegativeStock: true,
    });
  };

  return {
    /** Upserts one order a webshop sent. Throws ShopOrderError for what cannot be applied, changing nothing. */
    async apply(connection: Connection, order: NormalizedOrder): Promise<ShopOrderOutcome> {
      const actor: Actor = { type: 'integration', name: connection.name };
      const externalKey = keyOf(connection, order.externalId);
      const outcome = await strapi.db.transaction(async ({ trx }): Promise<ShopOrderOutcome> => {
        await lockName(strapi, trx, `shop-order:${externalKey}`);
        const existing = await orders.findByExternalKey(externalKey);
        const modifiedAt = order.modifiedAt ? new Date(order.modifiedAt) : null;
        if (existing?.externalModifiedAt && modifiedAt && modifiedAt < new Date(existing.externalModifiedAt)) {
          return { result: 'ignored', order: refOf(existing), flags: existing.flags ?? [], reason: 'older than the order shows' };
        }
        const plan = planOf(connection, order, existing, await bySku([order]));
        if (!plan) return { result: 'ignored', order: null, flags: [], reason: `status ${order.status.code}` };
        const { entry, state, lines, totals } = plan;
        // The same delivery again (a replay, a retry) leaves the details corrected here since as they are.
        const newer = !existing?.externalModifiedAt || !modifiedAt || modifiedAt > new Date(existing.externalModifiedAt);
        const fields = newer ? plan.fields : withoutDetails(plan.fields);
        const detailsChanged = existing !== null && newer && shopDetailsChanged(existing, plan.fields);

        const row = existing ?? (await this.create(trx, connection, order, externalKey, plan.fields));
        const balances = await write(trx, row, state, lines, actor);
        const booked = balances.length > 0;
        const flags = flagsOf(lines, entry !== null, totals, balances, existing?.flags ?? []);
        const followed =
          !existing ||
          existing.state !== state ||
          existing.externalStatus !== fields.externalStatus ||
          !sameLines(existing.items, lines) ||
          booked;
        if (existing && !followed && !detailsChanged) return { result: 'unchanged', order: refOf(existing), flags };
        await orders.setFields(trx, row.id, { ...fields, flags });
        await orders.refreshSearchKeys(trx, [row.id]);
        const history = getService(strapi, 'history');
        if (followed) {
          await history.record(trx, row.id, {
            actor,
            action: existing ? 'shop-update' : 'create',
            from: existing?.state ?? null,
            to: state,
            details: { externalStatus: statusText(order), ...(flags.length ? { flags } : {}) },
          });
        }
        if (detailsChanged) {
          const changes = detailChanges(existing, (await orders.lock(trx, existing.documentId))!);
          await history.record(trx, row.id, { actor, action: 'update', from: state, to: state, details: { changes } });
        }
        await getService(strapi, 'events').publish('order.synced', {
          order: refOf(row),
          connection: connection.documentId,
          issueDocuments: connection.issueDocuments,
          from: existing?.state ?? null,
          to: state,
          actor,
        });
        return { result: existing ? 'changed' : 'created', order: refOf(row), flags };
      });
      return outcome as ShopOrderOutcome;
    },

    /**
     * Upserts a payload's orders in one transaction: those we have not seen written together
     * (shop-orders-batch.ts), the rest — orders we have, a second copy of one in this payload —
     * one at a time through apply, after them. Answers an outcome per order, in their order.
     */
    async applyMany(connection: Connection, shopOrders: NormalizedOrder[]): Promise<ShopOrderOutcome[]> {
      const outcomes = await strapi.db.transaction(async ({ trx }) => {
        const keys = shopOrders.map((order) => keyOf(connection, order.externalId));
        for (const key of [...new Set(keys)].sort()) await lockName(strapi, trx, `shop-order:${key}`);
        const known = await orders.existingKeys(keys);
        const skus = await bySku(shopOrders);
        const answers: Array<ShopOrderOutcome | undefined> = new Array(shopOrders.length);
        const fresh: Array<NewShopOrder & { index: number }> = [];
        for (const [index, order] of shopOrders.entries()) {
          if (known.has(keys[index])) continue;
          known.add(keys[index]);
          const plan = planOf(connection, order, null, skus);
          if (plan) fresh.push({ index, order, externalKey: keys[index], plan });
          else answers[index] = { result: 'ignored', order: null, flags: [], reason: `status ${order.status.code}` };
        }
        const created = await insertNewShopOrders(strapi, trx, connection, fresh);
        fresh.forEach(({ index }, k) => (answers[index] = created[k]));
        for (const [index, order] of shopOrders.entries()) answers[index] ??= await this.apply(connection, order);
        return answers as ShopOrderOutcome[];
      });
      return outcomes as ShopOrderOutcome[];
    },

    /** The shop deleted or trashed the order: it fails, and its stock comes back. */
    async remove(connection: Connection, externalId: string): Promise<ShopOrderOutcome> {
      const actor: Actor = { type: 'integration', name: connection.name };
      const externalKey = keyOf(connection, externalId);
      const outcome = await strapi.db.transaction(async ({ trx }): Promise<ShopOrderOutcome> => {
        await lockName(strapi, trx, `shop-order:${externalKey}`);
        const existing = await orders.findByExternalKey(externalKey);
        if (!existing) return { result: 'ignored', order: null, flags: [], reason: 'no such order' };
        if (existing.state === 'failed') return { result: 'unchanged', order: refOf(existing), flags: existing.flags ?? [] };
        const config = await getService(strapi, 'settings').get();
        await reconcileStock(strapi, existing, 'failed', config, actor, {
          cause: 'shop',
          writeOff: false,
        });
        await orders.setFields(trx, existing.id, { state: 'failed', externalStatus: 'deleted' });
        await getService(strapi, 'history').record(trx, existing.id, {
          actor,
          action: 'shop-delete',
          from: existing.state,
          to: 'failed',
          details: { externalStatus: 'deleted' },
        });
        await getService(strapi, 'events').publish('order.synced', {
          order: refOf(existing),
          connection: connection.documentId,
          issueDocuments: connection.issueDocuments,
          from: existing.state,
          to: 'failed',
          actor,
        });
        return { result: 'changed', order: refOf(existing), flags: existing.flags ?? [] };
      });
      return outcome as ShopOrderOutcome;
    },

    /** A new order for the shop's, numbered as every order is; its lines and stock follow. */
    async create(
      trx: Transaction,
      connection: Connection,
      order: NormalizedOrder,
      externalKey: string,
      fields: { state: OrderState; currency: string; note: string | null }
    ) {
      const customer = await getService(strapi, 'customers').forShop(trx, connection.id, order.customer);
      const row = await orders.create(
        {
          source: connection.kind,
          state: fields.state,
          currency: fields.currency,
          note: fields.note,
          customer: customer.id,
          ...customerNameOf(customer.name),
          connection: connection.id,
          externalKey,
          externalId: order.externalId,
        },
        { firstOfCustomer: customer.created }
      );
      const number = orderNumber(row.id, new Date(row.createdAt), timeZone());
      await orders.setFields(trx, row.id, { number });
      return { id: row.id, documentId: row.documentId, number, state: fields.state, items: [] };
    },
  };
};

export const refOf = (order: Pick<OrderRow, 'id' | 'documentId' | 'number'>) => ({
  id: order.id,
  documentId: order.documentId,
  number: order.number,
});

export default createShopOrders;
