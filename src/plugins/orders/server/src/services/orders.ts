/**
 * The order engine: the one door through which orders and the stock they hold change. Every
 * change runs in one database transaction that first locks the order, then writes the order,
 * its history and its stock movements together — or nothing.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../shared/contracts/actor';
import type { CreateOrderInput, HistoryEntry, OrderSort, UpdateOrderInput } from '../../../shared/contracts/orders';
import type { Page } from '../../../shared/contracts/pages';
import type { Settings } from '../../../shared/contracts/settings';
import { toBigInt } from '../../../shared/domain/fixed-point';
import { endOfDay, startOfDay } from '../../../shared/domain/calendar';
import { formatQuantity } from '../../../shared/domain/quantity';
import { orderTotals } from '../../../shared/domain/totals';
import { allowedActions, isEditable, nextState, type OrderAction, type OrderState } from '../../../shared/domain/lifecycle';
import { DEFAULT_CURRENCY } from '../../../shared/domain/money';
import { stockChanges, targetHolding } from '../../../shared/domain/stock-plan';
import { insertRows, isPostgres, lockByDocumentId, type Transaction } from '../database';
import { conflict, invalidField, notFound } from '../errors';
import { pagination, pricedLine, serializeOrder, serializeOrderSummary } from '../serializers';
import { UID } from '../uids';
import { getService } from '../utils';
import type { Movement } from './ledger';
import { resolveLines, type LineValues } from './lines';

type Row = Record<string, any>;

const ORDER_POPULATE = {
  customer: true,
  items: { populate: { stockItem: { select: ['id', 'documentId'] } } },
} as const;

export interface OrderListQuery extends Page {
  state?: OrderState;
  customStatus?: string;
  source?: string;
  q?: string;
  /** Days (YYYY-MM-DD) of the shop's time zone, both included. */
  from?: string;
  to?: string;
  sort: OrderSort;
}

/**
 * The list's sorts. Each ends with id, so that every order has one place in the list and pages
 * neither repeat nor skip one; each is served by an index over the same columns in the same
 * directions (content-types/order/schema.json, and bootstrap.ts for those mixing directions).
 */
const ORDER_BY: Record<OrderSort, Row[]> = {
  'createdAt:desc': [{ createdAt: 'desc' }, { id: 'desc' }],
  'createdAt:asc': [{ createdAt: 'asc' }, { id: 'asc' }],
  'number:asc': [{ number: 'asc' }, { id: 'asc' }],
  'number:desc': [{ number: 'desc' }, { id: 'desc' }],
  'gross:asc': [{ grossTotalMinor: 'asc' }, { id: 'asc' }],
  'gross:desc': [{ grossTotalMinor: 'desc' }, { id: 'desc' }],
  'state:asc': [{ state: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
  'customer:asc': [{ customerName: 'asc' }, { id: 'desc' }],
};

/** What a row of the list shows (serializeOrderSummary): no lines, no history. */
const SUMMARY_FIELDS = [
  'id', 'documentId', 'number', 'source', 'state', 'customStatus', 'currency',
  'netTotalMinor', 'vatTotalMinor', 'grossTotalMinor', 'lineCount', 'createdAt', 'updatedAt',
];

export interface TransitionOptions {
  /** Only for fail: false writes the goods off instead of returning them to stock. */
  restock?: boolean;
  note?: string | null;
}

const historyEntry = (actor: Actor, action: string, from: string | null, to: string | null, note?: string | null): HistoryEntry => ({
  at: new Date().toISOString(),
  actor,
  action,
  from,
  to,
  ...(note ? { note } : {}),
});

/** Human-readable and unique: the year and the order's id, e.g. 2026-000042. */
const orderNumber = (id: number) => `${new Date().getFullYear()}-${String(id).padStart(6, '0')}`;

/** The order's lines that take goods from stock. */
const stockLines = (order: Row) =>
  (order.items as Row[])
    .filter((item) => item.stockItem)
    .map((item) => ({ stockItemId: item.stockItem.id as number, quantityMilli: toBigInt(item.quantityMilli) }));

/** What a refusal of the order's state says about it, beside its code. */
const stateOf = (order: Row) => ({
  number: order.number as string,
  state: order.state as OrderState,
  allowedActions: allowedActions(order.state),
});

const notAllowed = (order: Row, code: 'actionNotAllowed' | 'onlyDraftChanged' | 'onlyDraftDeleted', what: string, action?: OrderAction) => {
  const state = stateOf(order);
  return conflict(code, `Order ${order.number} is ${order.state}: ${what}. Allowed actions: ${state.allowedActions.join(', ') || 'none'}`, {
    ...state,
    ...(action ? { action } : {}),
  });
};

const noOrder = (documentId: string) => notFound('orderNotFound', `No order ${documentId}`, { id: documentId });

const createOrdersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = () => strapi.db.query(UID.order);
  const ledger = () => getService(strapi, 'ledger');
  const settings = () => getService(strapi, 'settings');

  const findRow = async (documentId: string): Promise<Row> => {
    const order = await orders().findOne({ where: { documentId }, populate: ORDER_POPULATE });
    if (!order) throw noOrder(documentId);
    return order;
  };

  /** Lock, then read: concurrent changes of one order wait for each other instead of racing. */
  const lockOrder = async (trx: Transaction, documentId: string) => {
    if (!(await lockByDocumentId(strapi, trx, UID.order, documentId))) throw noOrder(documentId);
    return findRow(documentId);
  };

  /**
   * Replaces the order's lines; answers the order's totals to store with it, so that lists sort
   * and show them without reading every line.
   */
  const saveLines = async (trx: Transaction, order: Row, lines: LineValues[]) => {
    const ids = ((order.items ?? []) as Row[]).map((item) => item.id);
    if (ids.length) await strapi.db.query(UID.orderItem).deleteMany({ where: { id: { $in: ids } } });
    await insertRows(
      strapi,
      trx,
      UID.orderItem,
      lines.map(({ stockItem, ...values }) => ({ values, links: { order: order.id, stockItem } }))
    );
    const totals = orderTotals(lines.map(pricedLine));
    return {
      netTotalMinor: totals.net.toString(),
      vatTotalMinor: totals.vat.toString(),
      grossTotalMinor: totals.gross.toString(),
      lineCount: lines.length,
    };
  };

  /**
   * Brings the stock the order holds to what its lines and new state call for, writing only the
   * difference from what the ledger already shows — so nothing is ever booked or released twice.
   */
  const reconcileStock = async (order: Row, state: OrderState, config: Settings, actor: Actor, options: { reason: string; writeOff: boolean }) => {
    const target = targetHolding(stockLines(order), state, config.inventoryDriver);
    const changes = stockChanges(target, await ledger().heldByOrder(order.id));
    const movements = changes.flatMap(({ stockItemId, delta }): Movement[] => {
      const booking: Movement = { stockItemId, delta, kind: 'order', reason: options.reason, orderId: order.id };
      // Goods not coming back leave the order's holding and the stock at once: the ledger shows both.
      return options.writeOff && delta > 0n
        ? [booking, { stockItemId, delta: -delta, kind: 'write-off', reason: `${options.reason}: not restocked`, orderId: order.id }]
        : [booking];
    });
    await ledger().apply(movements, actor, config);
  };

  const saveOrder = (order: Row, data: Row, entry: HistoryEntry) =>
    orders().update({ where: { id: order.id }, data: { ...data, history: [...(order.history ?? []), entry] }, select: ['id'] });

  /**
   * One page of the list as a deferred join: first only the ids of the page, which the database
   * reads from the index of the sort without touching the orders it skips (deep pages stay
   * fast), then those orders, put back in the ids' order.
   */
  const pageOfOrders = async (where: Row, orderBy: Row[], { page, pageSize }: Page) => {
    const ids: number[] = (
      await orders().findMany({ where, orderBy, offset: (page - 1) * pageSize, limit: pageSize, select: ['id'] })
    ).map((row: Row) => row.id);
    const rows: Row[] = await orders().findMany({
      where: { id: { $in: ids } },
      select: SUMMARY_FIELDS,
      populate: { customer: { select: ['documentId', 'name'] } },
    });
    const byId = new Map(rows.map((row) => [row.id as number, row]));
    // An order deleted between the two reads is left out rather than shown empty.
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  /**
   * The free-text search's condition, ignoring case on both databases: SQLite's LIKE already
   * ignores ASCII case, the only case its LOWER() folds, so there LOWER() would only double the
   * cost of reading every order; PostgreSQL's LIKE does not, and its trigram indexes are on LOWER().
   */
  const containing = (text: string) => (isPostgres(strapi) ? { $containsi: text } : { $contains: text });

  return {
    async list({ state, customStatus, source, q, from, to, sort, ...page }: OrderListQuery) {
      const where: Row = {};
      if (state) where.state = state;
      if (customStatus) where.customStatus = customStatus;
      if (source) where.source = source;
      if (from || to) {
        const timeZone: string = strapi.plugin('orders').config('timeZone');
        where.createdAt = {
          ...(from ? { $gte: startOfDay(from, timeZone) } : {}),
          ...(to ? { $lt: endOfDay(to, timeZone) } : {}),
        };
      }
      if (q) {
        // Orders with a matching SKU are found apart: joining every line to every order would
        // make the list and its count scan and de-duplicate all lines.
        const withSku: Row[] = await strapi.db.query(UID.orderItem).findMany({
          where: { sku: containing(q) },
          select: ['id'],
          populate: { order: { select: ['id'] } },
        });
        where.$or = [
          { number: containing(q) },
          { customerName: containing(q) },
          { id: { $in: [...new Set(withSku.flatMap((item) => (item.order ? [item.order.id] : [])))] } },
        ];
      }
      const [rows, total] = await Promise.all([pageOfOrders(where, ORDER_BY[sort], page), orders().count({ where })]);
      return { data: rows.map(serializeOrderSummary), meta: pagination(page, total) };
    },

    async get(documentId: string) {
      return serializeOrder(await findRow(documentId));
    },

    async create(input: CreateOrderInput, actor: Actor) {
      const currency = input.currency ?? DEFAULT_CURRENCY;
      const documentId = await strapi.db.transaction(async ({ trx }) => {
        const lines = await resolveLines(strapi, input.items, currency);
        const customer = await getService(strapi, 'customers').resolve(input);
        const order = await orders().create({
          data: {
            source: 'manual',
            state: 'draft',
            currency,
            note: input.note ?? null,
            customer: customer.id,
            customerName: customer.name,
            history: [historyEntry(actor, 'create', null, 'draft')],
          },
          select: ['id', 'documentId'],
        });
        const totals = await saveLines(trx, order, lines);
        await orders().update({ where: { id: order.id }, data: { number: orderNumber(order.id), ...totals }, select: ['id'] });
        return order.documentId as string;
      });
      return this.get(documentId);
    },

    /** Replaces the header fields and the lines given; only a draft can be changed. */
    async update(documentId: string, input: UpdateOrderInput, actor: Actor) {
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        if (!isEditable(order.state)) throw notAllowed(order, 'onlyDraftChanged', 'only a draft can be changed');
        const currency = input.currency ?? order.currency;
        if (currency !== order.currency && !input.items) {
          throw invalidField('currency', 'currencyNeedsItems', 'changing the currency needs the items too, priced in the new currency');
        }
        let data: Row = { currency };
        if (input.note !== undefined) data.note = input.note;
        if (input.customer || input.customerId) {
          const customers = getService(strapi, 'customers');
          const customer = input.customer ? await customers.amend(order.id, order.customer?.id, input.customer) : await customers.resolve(input);
          data = { ...data, customer: customer.id, customerName: customer.name };
        }
        if (input.items) data = { ...data, ...(await saveLines(trx, order, await resolveLines(strapi, input.items, currency))) };
        await saveOrder(order, data, historyEntry(actor, 'update', order.state, order.state));
      });
      return this.get(documentId);
    },

    async remove(documentId: string) {
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        if (!isEditable(order.state)) throw notAllowed(order, 'onlyDraftDeleted', 'only a draft can be deleted');
        await saveLines(trx, order, []);
        await orders().delete({ where: { id: order.id } });
      });
    },

    /** Moves the order through the lifecycle and its stock with it, in one transaction. */
    async transition(documentId: string, action: OrderAction, { restock, note }: TransitionOptions, actor: Actor) {
      if (restock !== undefined && action !== 'fail') throw invalidField('restock', 'failOnly', 'applies to fail only');
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        const to = nextState(order.state, action);
        if (!to) throw notAllowed(order, 'actionNotAllowed', `${action} is not allowed`, action);
        if (action === 'finalize' && !order.items.length) {
          throw conflict('noLines', `Order ${order.number} has no lines: add at least one before finalizing`, stateOf(order));
        }
        const config = await settings().get();
        await reconcileStock(order, to, config, actor, { reason: `${action} ${order.number}`, writeOff: restock === false });
        const entry = historyEntry(actor, action, order.state, to, note);
        await saveOrder(order, { state: to }, action === 'fail' ? { ...entry, restock: restock !== false } : entry);
      });
      return this.get(documentId);
    },

    /**
     * What finalizing would take from stock, per stock item: requested, on hand now and after,
     * and the shortfall that would refuse it (none when negative stock is allowed).
     */
    async stockImpact(documentId: string) {
      const order = await findRow(documentId);
      const config = await settings().get();
      const target = targetHolding(stockLines(order), 'finalized', config.inventoryDriver);
      const requested = stockChanges(target, await ledger().heldByOrder(order.id)).map(({ stockItemId, delta }) => ({ stockItemId, requested: -delta }));
      if (!requested.length) return [];
      const items: Row[] = await strapi.db.query(UID.stockItem).findMany({
        where: { id: { $in: requested.map((line) => line.stockItemId) } },
        select: ['id', 'documentId', 'sku', 'name', 'unit', 'onHandMilli'],
      });
      const byId = new Map(items.map((item) => [item.id as number, item]));
      return requested.map(({ stockItemId, requested: quantity }) => {
        const item = byId.get(stockItemId)!;
        const onHand = toBigInt(item.onHandMilli);
        const shortfall = config.allowNegativeStock || quantity <= onHand ? 0n : quantity - onHand;
        return {
          stockItem: item.documentId as string,
          sku: item.sku as string,
          name: item.name as string,
          unit: item.unit as string,
          requested: formatQuantity(quantity),
          onHand: formatQuantity(onHand),
          after: formatQuantity(onHand - quantity),
          shortfall: formatQuantity(shortfall),
        };
      });
    },

    /** The free label beside the lifecycle: settable in any state, never changing what it allows. */
    async setCustomStatus(documentId: string, customStatus: string | null, actor: Actor) {
      const { customStatuses } = await settings().get();
      if (customStatus !== null && !customStatuses.some((status) => status.key === customStatus)) {
        const allowed = customStatuses.map((s) => s.key);
        throw invalidField(
          'customStatus',
          'unknownCustomStatus',
          `unknown custom status "${customStatus}"; the settings list ${allowed.join(', ') || 'none'}`,
          { customStatus, allowed }
        );
      }
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        if ((order.customStatus ?? null) === customStatus) return;
        await saveOrder(order, { customStatus }, historyEntry(actor, 'custom-status', order.customStatus ?? null, customStatus));
      });
      return this.get(documentId);
    },
  };
};

export default createOrdersService;
