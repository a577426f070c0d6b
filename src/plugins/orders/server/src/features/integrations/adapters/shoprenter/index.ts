/**
 * Shoprenter's order webhooks (order_confirm, order_status_change), as JSON or as XML: one or
 * more orders under `orders.order`, each with its `orderProducts.orderProduct` and its
 * `orderHistory`; and its newsletter webhooks (newsletter.ts), named by `&event=` in the URL.
 * Shoprenter signs nothing, so the endpoint's URL carries a secret of our own as `?token=`.
 *
 * Shoprenter's `total` and `taxPrice` leave shipping out (9945 + 255 ≠ 11206 in its sample), so
 * only `totalGross` — what the customer pays — is taken as the order's total.
 */
import type { NormalizedLine, NormalizedOrder, ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { addressOf, decodeHtml, fromNet, fromNetAndGross, joinWords, minorUnit, personName } from '../common';
import { abs, decimal, decimalOr, isZero, multiply, negate, percent, vatPercentOf } from '../decimal';
import { AdapterError, quote } from '../errors';
import { fields, list, readJson, textOf, type Fields } from '../json';
import { sameText } from '../signature';
import { budapestToIso } from '../time';
import { bodyFormat, type Adapter, type InboundRequest } from '../types';
import { validateOrder } from '../validate';
import { readXml } from '../xml';
import { isNewsletterEvent, readNewsletter, subscribersOf } from './newsletter';

const XML_LISTS = ['orders.order', 'orders.order.orderProducts.orderProduct', 'orders.order.orderHistory', 'subscribers.subscriber'];

/** The order webhooks' events, which the URL may name too; the body says all they need. */
const ORDER_EVENTS = ['order_confirm', 'order_status_change'];

const productLine = (product: Fields, path: string): NormalizedLine => {
  const quantity = decimal(product.quantity, `${path}.quantity`);
  const unitNet = decimal(product.price, `${path}.price`);
  const vatPercent = percent(product.taxRate ?? '0', `${path}.taxRate`);
  return {
    kind: 'product',
    externalId: textOf(product.innerId),
    sku: textOf(product.sku),
    name: decodeHtml(textOf(product.name)) ?? '',
    quantity,
    unit: null,
    unitNet,
    discountPercent: null,
    vatPercent,
    ...fromNet(multiply(unitNet, quantity), vatPercent),
  };
};

/** Shipping or the payment's fee (cash on delivery), when it costs anything. */
const chargeLine = (
  kind: 'shipping' | 'fee',
  name: string | null,
  netValue: unknown,
  grossValue: unknown,
  path: string,
  currency: string
) => {
  const net = decimalOr(netValue, '0', `${path}NetPrice`);
  const gross = decimalOr(grossValue, net, `${path}GrossPrice`);
  if (isZero(net) && isZero(gross)) return [];
  const amounts = fromNetAndGross(net, gross);
  const line: NormalizedLine = {
    kind,
    externalId: null,
    sku: null,
    name: name ?? (kind === 'shipping' ? 'Shipping' : 'Payment fee'),
    quantity: '1',
    unit: null,
    unitNet: net,
    discountPercent: null,
    vatPercent: vatPercentOf(amounts.vat, net, minorUnit(currency)),
    ...amounts,
  };
  return [line];
};

/** The coupon's discount, as a negative line. Shoprenter sends its gross only; its VAT is not told. */
const couponLine = (order: Fields): NormalizedLine[] => {
  const code = textOf(order.couponCode);
  const gross = decimalOr(order.couponGrossPrice, '0', 'couponGrossPrice');
  if (code === null && isZero(gross)) return [];
  const discount = isZero(gross) ? '0' : negate(abs(gross));
  const net = order.couponNetPrice === undefined ? discount : negate(abs(decimal(order.couponNetPrice, 'couponNetPrice')));
  const amounts = fromNetAndGross(net, discount);
  return [
    {
      kind: 'coupon',
      externalId: null,
      sku: null,
      name: code ?? 'Coupon',
      quantity: '1',
      unit: null,
      unitNet: net,
      discountPercent: null,
      vatPercent: vatPercentOf(abs(amounts.vat), abs(net), minorUnit(textOf(order.currency) ?? 'HUF')),
      ...amounts,
    },
  ];
};

const address = (order: Fields, prefix: 'payment' | 'shipping') =>
  addressOf({
    country: textOf(order[`${prefix}CountryName`]),
    postalCode: textOf(order[`${prefix}Postcode`]),
    city: textOf(order[`${prefix}City`]),
    street: joinWords(order[`${prefix}Address1`], order[`${prefix}Address2`]),
  });

const customer = (order: Fields): NormalizedOrder['customer'] => {
  const hungarian = (textOf(order.languageCode) ?? 'hu') === 'hu';
  const id = textOf(order.customerId);
  return {
    externalId: id === null || id === '0' ? null : id,
    name:
      personName(order.firstname, order.lastname, hungarian) ??
      personName(order.paymentFirstname, order.paymentLastname, hungarian) ??
      textOf(order.paymentCompany) ??
      textOf(order.email) ??
      '',
    email: textOf(order.email),
    phone: textOf(order.phone),
    company: textOf(order.paymentCompany),
    taxNumber: textOf(order.paymentTaxnumber),
    billingAddress: address(order, 'payment'),
    shippingAddress: address(order, 'shipping'),
  };
};

/** The newest entry of the order's history: its status now. */
const latestHistory = (order: Fields): Fields => fields(list(order.orderHistory).at(-1));

const readOrder = (order: Fields, path: string): NormalizedOrder => {
  const currency = textOf(order.currency) ?? '';
  const history = latestHistory(order);
  const products = list(fields(order.orderProducts).orderProduct);
  return validateOrder(
    {
      externalId: textOf(order.innerId) ?? undefined,
      externalNumber: textOf(order.orderNumber) ?? textOf(order.innerId),
      status: { code: textOf(history.status) ?? '', name: textOf(history.statusText), type: null },
      modifiedAt: budapestToIso(history.dateAdded, `${path}.orderHistory.dateAdded`),
      createdAt: budapestToIso(order.dateCreated, `${path}.dateCreated`),
      currency,
      customer: customer(order),
      lines: [
        ...products.map((product, index) => productLine(fields(product), `${path}.orderProducts.orderProduct[${index}]`)),
        ...chargeLine('shipping', textOf(order.shippingMethodName), order.shippingNetPrice, order.shippingGrossPrice, 'shipping', currency),
        ...chargeLine('fee', textOf(order.paymentMethodName), order.paymentNetPrice, order.paymentGrossPrice, 'payment', currency),
        ...couponLine(order),
      ],
      totals: { net: null, vat: null, gross: decimal(order.totalGross, `${path}.totalGross`) },
      note: textOf(order.comment),
      paymentMethod: textOf(order.paymentMethodName),
      shippingMethod: textOf(order.shippingMethodName),
    },
    path
  );
};

const bodyOf = (request: InboundRequest): Fields => {
  const format = bodyFormat(request);
  if (format === 'json') return readJson(request.body);
  if (format === 'xml') return readXml(request.body, { lists: XML_LISTS });
  throw new AdapterError('unsupportedContentType', `Shoprenter sends JSON or XML, not ${quote(request.contentType ?? 'an untyped body')}`);
};

export const shoprenter: Adapter = {
  kind: 'shoprenter',
  verify: (request, secret) => (sameText(request.query.token, secret) ? 'verified' : 'unauthorized'),
  deliveryId: () => null,
  read(request): ShopMessage[] {
    const event = textOf(request.query.event);
    if (event !== null && !isNewsletterEvent(event) && !ORDER_EVENTS.includes(event)) {
      throw new AdapterError('unsupportedTopic', `event=${quote(event)} in the URL is not a Shoprenter webhook event this reads`, 'event');
    }
    const body = fields(bodyOf(request));
    if (isNewsletterEvent(event)) return readNewsletter(body, event);
    const orders = list(fields(body.orders).order);
    // A body of subscribers and no orders is a newsletter notice whose URL does not say which.
    if (event === null && !orders.length && subscribersOf(body).length) return readNewsletter(body, null);
    return orders.map((order, index) => ({ type: 'order', order: readOrder(fields(order), `orders.order[${index}]`) }));
  },
};
