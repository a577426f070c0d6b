/**
 * What an update may change of an order in its state, and what it changed, for the order's
 * history. A draft takes every field. Outside a draft only the contact details are corrected
 * (CONTACT_FIELDS): the lines, prices, currency and the rest stay as they were finalized. The
 * tracking number is set once the goods have left with a carrier (TRACKING_STATES).
 */
import type { AddressJson, CustomerInput } from '../../../../shared/contracts/customers';
import type { DetailChange, UpdateOrderInput } from '../../../../shared/contracts/orders';
import { normalAddress, sameAddress } from '../../../../shared/domain/address';
import { isEditable, TRACKING_STATES } from '../../../../shared/domain/lifecycle';
import type { CustomerRow } from '../customers/repository';
import type { OrderFields, OrderRow } from './repository';

type Value = string | AddressJson | null;

/** The customer's details an order's history follows (the customer's own address is theirs, not the order's). */
const CUSTOMER_DETAILS = ['name', 'email', 'phone', 'company', 'taxNumber'] as const;

/** The order's own details, in the order the history lists them. */
const ORDER_DETAILS = [
  'billingAddress',
  'shippingAddress',
  'currency',
  'paymentMethod',
  'shippingMethod',
  'trackingNumber',
  'language',
  'note',
] as const;

/** Fields that change only while the order is a draft, beside its lines and its customer picked by id. */
const DRAFT_ONLY = ['currency', 'note', 'language', 'paymentMethod', 'shippingMethod'] as const;

const isAddress = (field: string) => field.endsWith('Address');

/** An empty text is no value: '' and null are one to the history. */
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

const same = (field: string, a: unknown, b: unknown) =>
  isAddress(field) ? sameAddress(a as AddressJson | null, b as AddressJson | null) : textOf(a) === textOf(b);

/** Whether the details given are the customer's already: then nothing is written, and no customer is made. */
export const sameCustomer = (customer: CustomerRow | null, given: CustomerInput) =>
  customer !== null &&
  CUSTOMER_DETAILS.every((field) => same(field, customer[field], given[field])) &&
  sameAddress(customer.address, given.address);

/**
 * The order's own details a webshop sends with every delivery of its order: the shop's newer
 * value wins over a correction made here (shop-orders.ts).
 */
export const SHOP_DETAILS = ['billingAddress', 'shippingAddress', 'paymentMethod', 'shippingMethod', 'note'] as const;
type ShopDetails = Pick<OrderFields, (typeof SHOP_DETAILS)[number]>;

/** Whether a shop's delivery brings another value of one of its details than the order has. */
export const shopDetailsChanged = (order: OrderRow, fields: ShopDetails) =>
  SHOP_DETAILS.some((field) => !same(field, order[field], fields[field]));

/**
 * The fields of `input` a webshop's order takes only from its shop, whatever its state: its
 * lines (and with them its amounts), its currency and its customer. Its lifecycle follows the
 * shop too, through no update.
 */
export const shopOwnedFields = (order: OrderRow, input: UpdateOrderInput): string[] => {
  if (!order.externalKey) return [];
  const owned: string[] = [];
  if (input.items) owned.push('items');
  if (input.customerId && input.customerId !== order.customer?.documentId) owned.push('customerId');
  if (input.currency !== undefined && input.currency !== order.currency) owned.push('currency');
  return owned;
};

/**
 * The fields of `input` that the order's state refuses: outside a draft, everything but the
 * contact details — a field given with the value it has already is no change, and not refused.
 */
export const refusedFields = (order: OrderRow, input: UpdateOrderInput): string[] => {
  if (isEditable(order.state)) return [];
  const refused: string[] = [];
  if (input.items) refused.push('items');
  if (input.customerId && input.customerId !== order.customer?.documentId) refused.push('customerId');
  for (const field of DRAFT_ONLY) if (input[field] !== undefined && !same(field, input[field], order[field])) refused.push(field);
  return refused;
};

/** Whether `input` sets another tracking number on an order not fulfilled: refused, whatever else it holds. */
export const trackingTooEarly = (order: OrderRow, input: UpdateOrderInput) =>
  input.trackingNumber !== undefined &&
  !same('trackingNumber', input.trackingNumber, order.trackingNumber) &&
  !TRACKING_STATES.includes(order.state);

/** The order's own fields an update writes, each normalised as it is stored (an empty text as null). */
export const orderDetailsOf = (input: UpdateOrderInput): Partial<OrderFields> => {
  const data: Record<string, Value> = {};
  for (const field of ORDER_DETAILS) {
    if (input[field] === undefined || field === 'currency') continue;
    data[field] = isAddress(field) ? normalAddress(input[field] as AddressJson | null) : textOf(input[field]);
  }
  return data as Partial<OrderFields>;
};

const detailsOf = (order: OrderRow): Record<string, Value> => ({
  ...Object.fromEntries(CUSTOMER_DETAILS.map((field) => [`customer.${field}`, textOf(order.customer?.[field])])),
  ...Object.fromEntries(
    ORDER_DETAILS.map((field) => [field, isAddress(field) ? normalAddress(order[field] as AddressJson) : textOf(order[field])])
  ),
});

/** What changed from `before` to `after`, detail by detail, as the history lists it. */
export const detailChanges = (before: OrderRow, after: OrderRow): DetailChange[] => {
  const [from, to] = [detailsOf(before), detailsOf(after)];
  return Object.keys(to)
    .filter((field) => !same(field.replace(/^customer\./, ''), from[field], to[field]))
    .map((field) => ({ field, from: from[field], to: to[field] }));
};
