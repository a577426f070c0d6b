/**
 * A custom shop's XML feed in MiniCRM's layout: `Projects/Project` (the customer) holding
 * `Orders/Order`, each with its `Products/Product`. Shipping, fees and coupons come as extra
 * products: a coupon has a negative PriceNet, shipping and fees are told by their names (the
 * feed builders write "Szállítás: GLS futár", "Utánvét díja") or by the order's shipping method.
 *
 * The feed carries no totals: an order's gross is the sum of its lines.
 * A 10 000-order feed (26 MB) is read whole in about 9 s and some hundreds of MB; not streamed.
 * Streaming (and a lighter check than zod's per order) is the next step if feeds grow.
 */
import type { LineKind, NormalizedLine, NormalizedOrder, ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { add, compare, decimal, multiply, percent } from '../decimal';
import { addressOf, fromNet } from '../common';
import { fields, list, textOf, type Fields } from '../json';
import { budapestToIso } from '../time';
import { validateOrder } from '../validate';
import { readXml } from '../xml';

const PROJECT = 'Projects.Project';
const XML_LISTS = [
  PROJECT,
  `${PROJECT}.Orders.Order`,
  `${PROJECT}.Orders.Order.Products.Product`,
  `${PROJECT}.Contacts.Contact`,
  `${PROJECT}.Contacts.Contact.Emails.Email`,
  `${PROJECT}.Contacts.Contact.Phones.Phone`,
  `${PROJECT}.Business.Emails.Email`,
  `${PROJECT}.Business.Phones.Phone`,
  `${PROJECT}.Business.Addresses.Address`,
];

/** The MiniCRM feed builder numbers a guest's project as the order's id + 1 000 000. */
const GUEST_PROJECT_OFFSET = 1_000_000n;

const SHIPPING_NAME = /^\s*(szállítás|szállítási díj|házhozszállítás|shipping)\b/i;
const FEE_NAME = /^\s*(utánvét|kezelési költség|díj|fee|cash on delivery)/i;

const kindOf = (name: string, unitNet: string, shippingMethod: string | null): LineKind => {
  if (compare(unitNet, '0') < 0) return 'coupon';
  if (SHIPPING_NAME.test(name) || (shippingMethod !== null && name.includes(shippingMethod))) return 'shipping';
  return FEE_NAME.test(name) ? 'fee' : 'product';
};

/** The feed's exempt rates are written by name ("AAM"); they carry no VAT. */
const vatPercentOf = (value: unknown, path: string): string => {
  const text = textOf(value);
  return text !== null && /^[A-Z]+$/i.test(text) ? '0' : percent(text ?? '0', path);
};

const productLine = (product: Fields, path: string, shippingMethod: string | null): NormalizedLine => {
  const name = textOf(product.Name) ?? '';
  const quantity = decimal(product.Quantity, `${path}.Quantity`);
  const unitNet = decimal(product.PriceNet, `${path}.PriceNet`);
  const vatPercent = vatPercentOf(product.VAT, `${path}.VAT`);
  return {
    kind: kindOf(name, unitNet, shippingMethod),
    externalId: textOf(product['@Id']),
    sku: textOf(product.SKU),
    name,
    quantity,
    unit: textOf(product.Unit),
    unitNet,
    discountPercent: null,
    vatPercent,
    ...fromNet(multiply(unitNet, quantity), vatPercent),
  };
};

const firstValue = (group: unknown, element: 'Email' | 'Phone'): string | null =>
  list(fields(group)[element])
    .map((entry) => textOf(fields(entry).Value))
    .find((value) => value !== null) ?? null;

const placeOf = (group: Fields) =>
  addressOf({
    country: textOf(group.CountryId),
    postalCode: textOf(group.PostalCode),
    city: textOf(group.City),
    street: textOf(group.Address),
  });

const isGuest = (projectId: string | null, orderId: string | null) =>
  projectId !== null &&
  orderId !== null &&
  /^\d+$/.test(projectId) &&
  /^\d+$/.test(orderId) &&
  BigInt(projectId) === BigInt(orderId) + GUEST_PROJECT_OFFSET;

const customer = (project: Fields, order: Fields): NormalizedOrder['customer'] => {
  const business = fields(project.Business);
  const contact = fields(list(fields(project.Contacts).Contact)[0]);
  const buyer = fields(order.Customer);
  const projectId = textOf(project['@Id']);
  return {
    externalId: isGuest(projectId, textOf(order['@Id'])) ? null : projectId,
    name: textOf(project.Name) ?? textOf(buyer.Name) ?? textOf(business.Name) ?? '',
    email: firstValue(contact.Emails, 'Email') ?? firstValue(business.Emails, 'Email'),
    phone: firstValue(contact.Phones, 'Phone') ?? firstValue(business.Phones, 'Phone'),
    company: textOf(business.Name),
    taxNumber: textOf(business.VatNumber),
    billingAddress: placeOf(buyer) ?? placeOf(fields(list(fields(business.Addresses).Address)[0])),
    shippingAddress: null,
  };
};

const readOrder = (project: Fields, order: Fields, path: string): NormalizedOrder => {
  const shippingMethod = textOf(fields(order.Project).ShippingMethod);
  const lines = list(fields(order.Products).Product).map((product, index) =>
    productLine(fields(product), `${path}.Products.Product[${index}]`, shippingMethod)
  );
  return validateOrder(
    {
      externalId: textOf(order['@Id']) ?? textOf(order.Number) ?? undefined,
      externalNumber: textOf(order.Number),
      status: { code: textOf(order.Status) ?? '', name: null, type: null },
      modifiedAt: null,
      createdAt: budapestToIso(textOf(order.Performance), `${path}.Performance`),
      currency: textOf(order.CurrencyCode) ?? '',
      customer: customer(project, order),
      lines,
      totals: { net: null, vat: null, gross: lines.reduce((sum, line) => add(sum, line.gross), '0') },
      note: null,
      paymentMethod: textOf(order.PaymentMethod),
      shippingMethod,
    },
    path
  );
};

/** Every order of the feed, one message each. */
export const readMiniCrmFeed = (xml: string | Buffer): ShopMessage[] => {
  const projects = list(fields(readXml(xml, { lists: XML_LISTS }).Projects).Project).map(fields);
  return projects.flatMap((project, p) =>
    list(fields(project.Orders).Order).map((order, o): ShopMessage => ({
      type: 'order',
      order: readOrder(project, fields(order), `Projects.Project[${p}].Orders.Order[${o}]`),
    }))
  );
};
