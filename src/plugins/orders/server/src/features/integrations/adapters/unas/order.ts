/**
 * An UNAS getOrder answer (`Orders/Order`, its `Items/Item`) as NormalizedOrders. UNAS lists
 * shipping, handling, and discounts as pseudo-items with their own ids; their prices are per unit,
 * net and gross, in Budapest's local time for dates.
 */
import type { LineKind, NormalizedLine, NormalizedOrder, ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { addressOf, fromNetAndGross } from '../common';
import { decimal, decimalOr, multiply, percent } from '../decimal';
import { fields, list, textOf, type Fields } from '../json';
import { budapestToIso } from '../time';
import { validateOrder } from '../validate';
import { readXml } from '../xml';

const XML_LISTS = ['Orders.Order', 'Orders.Order.Items.Item'];

/** UNAS's pseudo-items, by their id: what they are on an order. A Map: an item named "constructor" is a product. */
const PSEUDO_ITEMS = new Map<string, LineKind>([
  ['shipping-cost', 'shipping'],
  ['handel-cost', 'fee'],
  ['discount-percent', 'coupon'],
  ['discount-amount', 'coupon'],
]);

/** UNAS writes exempt rates by name ("AAM", "TAM"…); they carry no VAT. */
const vatPercentOf = (value: unknown, path: string): string => {
  const text = textOf(value);
  return text !== null && /^[A-Z]+$/i.test(text) ? '0' : percent(text ?? '0', path);
};

const itemLine = (item: Fields, path: string): NormalizedLine => {
  const id = textOf(item.Id);
  const quantity = decimal(item.Quantity, `${path}.Quantity`);
  const unitNet = decimal(item.PriceNet, `${path}.PriceNet`);
  const unitGross = decimalOr(item.PriceGross, unitNet, `${path}.PriceGross`);
  return {
    kind: (id !== null && PSEUDO_ITEMS.get(id)) || 'product',
    externalId: id,
    sku: textOf(item.Sku),
    name: textOf(item.Name) ?? '',
    quantity,
    unit: textOf(item.Unit),
    unitNet,
    discountPercent: null,
    vatPercent: vatPercentOf(item.Vat, `${path}.Vat`),
    ...fromNetAndGross(multiply(unitNet, quantity), multiply(unitGross, quantity)),
  };
};

const address = (group: Fields) =>
  addressOf({
    country: textOf(group.CountryCode)?.toUpperCase() ?? textOf(group.Country),
    postalCode: textOf(group.ZIP),
    city: textOf(group.City),
    street: textOf(group.Street),
  });

const customer = (order: Fields): NormalizedOrder['customer'] => {
  const buyer = fields(order.Customer);
  const contact = fields(buyer.Contact);
  const addresses = fields(buyer.Addresses);
  const invoice = fields(addresses.Invoice);
  const id = textOf(buyer.Id);
  const isCompany = textOf(invoice.CustomerType) === 'company';
  return {
    // UNAS gives an unregistered buyer no id (or 0).
    externalId: id === null || id === '0' ? null : id,
    name: textOf(contact.Name) ?? textOf(invoice.Name) ?? textOf(buyer.Email) ?? '',
    email: textOf(buyer.Email),
    phone: textOf(contact.Mobile) ?? textOf(contact.Phone),
    company: isCompany ? textOf(invoice.Name) : null,
    taxNumber: textOf(invoice.TaxNumber),
    billingAddress: address(invoice),
    shippingAddress: address(fields(addresses.Shipping)),
  };
};

const readOrder = (order: Fields, path: string): NormalizedOrder => {
  const items = list(fields(order.Items).Item);
  const customerNote = list(fields(order.Comments).Comment)
    .map(fields)
    .find((comment) => textOf(comment.Type) === 'customer');
  return validateOrder(
    {
      externalId: textOf(order.Key) ?? undefined,
      externalNumber: textOf(order.Key),
      status: { code: textOf(order.StatusID) ?? textOf(order.Status) ?? '', name: textOf(order.Status), type: textOf(order.StatusType) },
      modifiedAt: budapestToIso(textOf(order.DateMod), `${path}.DateMod`),
      createdAt: budapestToIso(textOf(order.Date), `${path}.Date`),
      currency: textOf(order.Currency) ?? '',
      customer: customer(order),
      lines: items.map((item, index) => itemLine(fields(item), `${path}.Items.Item[${index}]`)),
      totals: { net: null, vat: null, gross: decimal(order.SumPriceGross, `${path}.SumPriceGross`) },
      note: customerNote ? textOf(customerNote.Text) : null,
      paymentMethod: textOf(fields(order.Payment).Name),
      shippingMethod: textOf(fields(order.Shipping).Name),
    },
    path
  );
};

/** Every order of a getOrder answer; an answer of no orders (`<Orders/>`) is none. */
export const readOrders = (xml: string | Buffer): ShopMessage[] => {
  const orders = list(fields(readXml(xml, { lists: XML_LISTS }).Orders).Order);
  return orders.map((order, index) => ({ type: 'order', order: readOrder(fields(order), `Orders.Order[${index}]`) }));
};
