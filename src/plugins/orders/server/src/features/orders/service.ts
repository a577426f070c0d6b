/**
 * The order engine: the one door through which orders and the stock they hold change. Every
 * change runs in one database transaction that first locks the order, then writes the order,
 * its history and its stock movements together — or nothing — and announces itself to the
 * plugin's events, which hear of it only once it has committed.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { OrderInvoiceJson } from '../../../../shared/contracts/invoices';
import type {
  CreateOrderInput,
  HistoryEntry,
  OrderListQuery,
  StockImpactLine,
  UpdateOrderInput,
} from '../../../../shared/contracts/orders';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import { normalAddress } from '../../../../shared/domain/address';
import { allowedActions, isEditable, nextState, type OrderAction } from '../../../../shared/domain/lifecycle';
import { DEFAULT_CURRENCY } from '../../../../shared/domain/money';
import { orderNumber } from '../../../../shared/domain/order-number';
import { formatQuantity } from '../../../../shared/domain/quantity';
import { stockChanges, targetHolding } from '../../../../shared/domain/stock-plan';
import { orderTotals } from '../../../../shared/domain/totals';
import type { Transaction } from '../../core/database';
import { conflict, invalidField, notFound } from '../../core/errors';
import type { OrderRef } from '../../core/events';
import { pagination } from '../../core/pages';
import { getService } from '../../core/service';
import { detailChanges, orderDetailsOf, refusedFields, sameCustomer, shopOwnedFields, trackingTooEarly } from './details';
import { pricedLine, resolveLines } from './lines';
import { reconcileStock, stockLines } from './order-stock';
import {
  customerNameOf,
  ordersRepository,
  searchKeyOf,
  type LineData,
  type OrderData,
  type OrderFields,
  type OrderRow,
} from './repository';
import { serializeOrder, serializeOrderSummary } from './serializer';

export interface TransitionOptions {
  /** Only for fail: false writes the goods off instead of returning them to stock. */
  restock?: boolean;
  note?: string | null;
}

const refOf = (order: Pick<OrderRow, 'documentId' | 'number'>): OrderRef => ({ documentId: order.documentId, number: order.number });

/** What a refusal of the order's state says about it, beside its code. */
const stateOf = (order: OrderRow) => ({
  number: order.number,
  state: order.state,
  allowedActions: allowedActions(order.state),
});

const notAllowed = (
  order: OrderRow,
  code: 'actionNotAllowed' | 'onlyDraftChanged' | 'onlyDraftDeleted',
  what: string,
  action?: OrderAction,
  values: Record<string, string[]> = {}
) => {
  const state = stateOf(order);
  return conflict(code, `Order ${order.number} is ${order.state}: ${what}. Allowed actions: ${state.allowedActions.join(', ') || 'none'}`, {
    ...state,
    ...(action ? { action } : {}),
    ...values,
  });
};

/**
 * A webshop's order follows its shop: its lines and state change there, never by a button here.
 * `fields`: what an update gave of the shop's (details.ts shopOwnedFields); none refuses every change.
 */
const refuseWebshopOrder = (order: OrderRow, fields?: string[]) => {
  if (!order.externalKey || fields?.length === 0) return;
  const connection = order.connection?.name ?? 'a webshop';
  const what = fields ? ` (${fields.join(', ')})` : '';
  throw conflict('webshopOrder', `Order ${order.number} follows its webshop (${connection}): its lines and state change there${what}`, {
    number: order.number,
    connection,
    ...(fields ? { fields } : {}),
  });
};

const noOrder = (documentId: string) => notFound('orderNotFound', `No order ${documentId}`, { id: documentId });

const createOrdersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = ordersRepository(strapi);
  const ledger = () => getService(strapi, 'ledger');
  const settings = () => getService(strapi, 'settings');
  const history = () => getService(strapi, 'history');
  const events = () => getService(strapi, 'events');
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  const findRow = async (documentId: string) => {
    const order = await orders.find(documentId);
    if (!order) throw noOrder(documentId);
    return order;
  };

  /** Lock, then read: concurrent changes of one order wait for each other instead of racing. */
  const lockOrder = async (trx: Transaction, documentId: string) => {
    const order = await orders.lock(trx, documentId);
    if (!order) throw noOrder(documentId);
    return order;
  };

  /**
   * The order as the API answers it, with its history and invoices. The answer to a change of the
   * order's own fields (a transition, a custom status) is the order as read under its lock with
   * what the change wrote — its lines and customer did not change —, its history read in the
   * change's transaction, which saves a transaction of the reads' own.
   */
  const answer = async (order: OrderRow, known: { history?: HistoryEntry[]; invoices?: OrderInvoiceJson[] } = {}) =>
    serializeOrder(
      order,
      known.history ?? (await history().of(order.id)),
      known.invoices ?? (await getService(strapi, 'invoices').ofOrder(order.documentId))
    );

  /**
   * Replaces the order's lines; answers the order's totals to store with it, so that lists sort
   * and show them without reading every line.
   */
  const saveLines = async (trx: Transaction, order: Pick<OrderRow, 'id' | 'items'>, lines: LineData[]): Promise<Partial<OrderFields>> => {
    await orders.replaceLines(trx, order, lines);
    const totals = orderTotals(lines.map(pricedLine));
    return {
      netTotalMinor: totals.net.toString(),
      vatTotalMinor: totals.vat.toString(),
      grossTotalMinor: totals.gross.toString(),
      lineCount: lines.length,
    };
  };

  return {
    async list({ sort, page, pageSize, ...filters }: OrderListQuery) {
      const [rows, total] = await orders.list(filters, sort, { page, pageSize }, timeZone());
      return { data: rows.map(serializeOrderSummary), meta: pagination({ page, pageSize }, total) };
    },

    get: async (documentId: string) => answer(await findRow(documentId)),

    async create(input: CreateOrderInput, actor: Actor) {
      const currency = input.currency ?? DEFAULT_CURRENCY;
      return strapi.db.transaction(async ({ trx }) => {
        const lines = await resolveLines(strapi, input.items, currency);
        const customers = getService(strapi, 'customers');
        // A new customer's address is the order's billing address, unless it is given apart.
        const given = input.customer && { ...input.customer, address: input.customer.address ?? input.billingAddress };
        const customer = await customers.resolve({ customer: given, customerId: input.customerId });
        // The order's addresses, unless given: the picked customer's, or the new one's; shipping goes where billing does.
        const known = input.customerId ? await customers.addressesOf(customer.id) : { address: given?.address, shippingAddress: null };
        const billingAddress = normalAddress(input.billingAddress !== undefined ? input.billingAddress : known.address);
        const shippingAddress =
          input.shippingAddress !== undefined
            ? normalAddress(input.shippingAddress)
            : (normalAddress(known.shippingAddress) ?? billingAddress);
        const order = await orders.create(
          {
            source: 'manual',
            state: 'draft',
            currency,
            note: input.note ?? null,
            language: input.language ?? null,
            ...orderDetailsOf(input),
            billingAddress,
            shippingAddress,
            customer: customer.id,
            ...customerNameOf(customer.name),
          },
          { firstOfCustomer: customer.created }
        );
        const number = orderNumber(order.id, new Date(order.createdAt), timeZone());
        const totals = await saveLines(trx, { id: order.id, items: [] }, lines);
        // Read once with its customer and lines: what its search key is made of, and the answer.
        const written = { ...(await orders.lock(trx, order.documentId))!, number, ...totals };
        const { updatedAt } = await orders.setFields(trx, order.id, { number, ...totals, searchKey: searchKeyOf(written) });
        const created = await history().record(trx, order.id, { actor, action: 'create', from: null, to: 'draft' });
        await events().publish('order.created', {
          order: { documentId: order.documentId, number },
          state: 'draft',
          source: 'manual',
          actor,
        });
        // A new order's history is its creation, and it has no invoice yet.
        return answer({ ...written, updatedAt }, { history: [created], invoices: [] });
      });
    },

    /**
     * Replaces the header fields and the lines given. A draft takes every field; in any other
     * state only the contact details are corrected (details.ts), and the tracking number is set
     * once fulfilled. A webshop's order takes the same, but never its shop's lines, currency or
     * customer. Each change of a detail is in the history, from → to.
     */
    async update(documentId: string, input: UpdateOrderInput, actor: Actor) {
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        refuseWebshopOrder(order, shopOwnedFields(order, input));
        const refused = refusedFields(order, input);
        if (refused.length) {
          const what = `only a draft can be changed (${refused.join(', ')}); its contact details stay correctable`;
          throw notAllowed(order, 'onlyDraftChanged', what, undefined, { fields: refused });
        }
        if (trackingTooEarly(order, input)) {
          throw conflict(
            'trackingBeforeFulfilled',
            `Order ${order.number} is ${order.state}: a tracking number is set once it is fulfilled`,
            {
              ...stateOf(order),
              fields: ['trackingNumber'],
            }
          );
        }
        const currency = input.currency ?? order.currency;
        if (currency !== order.currency && !input.items) {
          throw invalidField('currency', 'currencyNeedsItems', 'changing the currency needs the items too, priced in the new currency');
        }
        let data: OrderData = { currency, ...orderDetailsOf(input) };
        if ((input.customer && !sameCustomer(order.customer, input.customer)) || input.customerId) {
          const customers = getService(strapi, 'customers');
          const customer = input.customer
            ? await customers.amend(order.id, order.customer?.id, input.customer)
            : await customers.resolve(input);
          data = { ...data, customer: customer.id, ...customerNameOf(customer.name) };
        }
        if (input.items) data = { ...data, ...(await saveLines(trx, order, await resolveLines(strapi, input.items, currency))) };
        await orders.update(order.id, data);
        const changes = detailChanges(order, (await orders.lock(trx, documentId))!);
        // A draft's every save is in its history (its lines may have changed); elsewhere only a real correction.
        if (!isEditable(order.state) && !changes.length) return;
        await orders.refreshSearchKeys(trx, [order.id]);
        await history().record(trx, order.id, {
          actor,
          action: 'update',
          from: order.state,
          to: order.state,
          details: changes.length ? { changes } : undefined,
        });
        await events().publish('order.changed', { order: refOf(order), actor });
      });
      return this.get(documentId);
    },

    async remove(documentId: string, actor: Actor) {
      await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        refuseWebshopOrder(order);
        if (!isEditable(order.state)) throw notAllowed(order, 'onlyDraftDeleted', 'only a draft can be deleted');
        await saveLines(trx, order, []);
        await history().removeOf(order.id);
        await orders.remove(order.id);
        await events().publish('order.deleted', { order: refOf(order), actor });
      });
    },

    /** Moves the order through the lifecycle and its stock with it, in one transaction. */
    async transition(documentId: string, action: OrderAction, { restock, note }: TransitionOptions, actor: Actor) {
      if (restock !== undefined && action !== 'fail') throw invalidField('restock', 'failOnly', 'applies to fail only');
      return strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        refuseWebshopOrder(order);
        const to = nextState(order.state, action);
        if (!to) throw notAllowed(order, 'actionNotAllowed', `${action} is not allowed`, action);
        if (action === 'finalize' && !order.items.length) {
          throw conflict('noLines', `Order ${order.number} has no lines: add at least one before finalizing`, stateOf(order));
        }
        const config = await settings().get();
        await reconcileStock(strapi, order, to, config, actor, { cause: action, writeOff: restock === false });
        const { updatedAt } = await orders.setFields(trx, order.id, { state: to });
        const details = action === 'fail' ? { restock: restock !== false } : undefined;
        await history().record(trx, order.id, { actor, action, from: order.state, to, note, details });
        await events().publish('order.transitioned', { order: refOf(order), action, from: order.state, to, actor });
        return answer({ ...order, state: to, updatedAt });
      });
    },

    /**
     * What finalizing would take from stock, per stock item in the order of the lines (an item on
     * two lines where it first is): requested, on hand now and after, and the shortfall that
     * would refuse it (none when negative stock is allowed).
     */
    async stockImpact(documentId: string): Promise<StockImpactLine[]> {
      const order = await findRow(documentId);
      const config = await settings().get();
      const target = targetHolding(stockLines(order), 'finalized', config.inventoryDriver);
      const requested = stockChanges(target, await ledger().heldByOrder(order.id)).map(({ stockItemId, delta }) => ({
        stockItemId,
        requested: -delta,
      }));
      if (!requested.length) return [];
      // In the order's own order: the ledger's changes come by stock item (the order rows lock in), the dialog reads as the lines do.
      const place = new Map<number, number>();
      [...order.items]
        .sort((a, b) => a.position - b.position)
        .forEach((item, index) => item.stockItem && !place.has(item.stockItem.id) && place.set(item.stockItem.id, index));
      requested.sort((a, b) => (place.get(a.stockItemId) ?? Infinity) - (place.get(b.stockItemId) ?? Infinity));
      const items = await getService(strapi, 'inventory').byIds(requested.map((line) => line.stockItemId));
      const byId = new Map(items.map((item) => [item.id, item]));
      return requested.map(({ stockItemId, requested: quantity }) => {
        const item = byId.get(stockItemId)!;
        const onHand = toBigInt(item.onHandMilli);
        const shortfall = config.allowNegativeStock || quantity <= onHand ? 0n : quantity - onHand;
        return {
          stockItem: item.documentId,
          sku: item.sku,
          name: item.name,
          unit: item.unit,
          requested: formatQuantity(quantity),
          onHand: formatQuantity(onHand),
          after: formatQuantity(onHand - quantity),
          shortfall: formatQuantity(shortfall),
        };
      });
    },

    /** Refuses, at the field, a custom status the settings do not list (null, none, is always fine). */
    async checkCustomStatus(customStatus: string | null) {
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
    },

    /** The free label beside the lifecycle: settable in any state, never changing what it allows. */
    async setCustomStatus(documentId: string, customStatus: string | null, actor: Actor) {
      await this.checkCustomStatus(customStatus);
      return strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, documentId);
        const from = order.customStatus ?? null;
        if (from === customStatus) return answer(order);
        const { updatedAt } = await orders.setFields(trx, order.id, { customStatus });
        await history().record(trx, order.id, { actor, action: 'custom-status', from, to: customStatus });
        await events().publish('order.custom-status-set', { order: refOf(order), from, to: customStatus, actor });
        return answer({ ...order, customStatus, updatedAt });
      });
    },
  };
};

export default createOrdersService;
