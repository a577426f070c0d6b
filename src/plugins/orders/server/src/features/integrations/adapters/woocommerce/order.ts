/**
 * A WooCommerce REST v3 order as a NormalizedOrder.
 *
 * Coupons: WooCommerce has already taken them off the lines — a line's `subtotal` is before
 * coupons, its `total` and `total_tax` after. The lines keep WooCommerce's after-coupon figures
 * (so each VAT rate's tax is the shop's own) with the difference as their discountPercent, and a
 * coupon line is carried for its code with zero amounts: the discount is counted once, and the
 * lines add up to WooCommerce's `total`.
 */
import type { NormalizedLine, NormalizedOrder } from '../../../../../../shared/contracts/normalized-order';
import { addressOf, decodeHtml, joinWords, minorUnit, personName } from '../common';
import { add, decimal, decimalOr, divide, isZero, multiply, subtract, tidy, vatPercentOf } from '../decimal';
import { fields, list, textOf, type Fields } from '../json';
import { utcToIso } from '../time';
import { validateOrder } from '../validate';

/** The tax rates the order used, by rate id: WooCommerce 5.7+ sends each one's percent. */
const ratePercents = (order: Fields): Map<string, string> => {
  const rates = new Map<string, string>();
  list(order.tax_lines).forEach((entry, index) => {
    const taxLine = fields(entry);
    const id = textOf(taxLine.rate_id);
    if (id !== null && taxLine.rate_percent !== undefined && taxLine.rate_percent !== null) {
      rates.set(id, tidy(decimal(taxLine.rate_percent, `tax_lines[${index}].rate_percent`)));
    }
  });
  return rates;
};

interface Money {
  net: string;
  vat: string;
  taxes: unknown;
}

/** The percent of the one rate that taxed the line, or the ratio of its tax to its net. */
const vatPercentFor = ({ net, vat, taxes }: Money, rates: Map<string, string>, currency: string): string => {
  const charged = list(taxes)
    .map(fields)
    .filter((tax) => !isZero(String(tax.total ?? '0')));
  const percents = new Set(charged.map((tax) => rates.get(String(tax.id))));
  if (charged.length === 1 && percents.size === 1) {
    const [known] = percents;
    if (known !== undefined) return known;
  }
  return vatPercentOf(vat, net, minorUnit(currency));
};

type Context = { rates: Map<string, string>; currency: string };

const productLine = (item: Fields, path: string, { rates, currency }: Context): NormalizedLine => {
  const quantity = decimal(item.quantity, `${path}.quantity`);
  const net = decimal(item.total, `${path}.total`);
  const beforeCoupons = decimalOr(item.subtotal, net, `${path}.subtotal`);
  const vat = decimalOr(item.total_tax, '0', `${path}.total_tax`);
  const discounted = !isZero(beforeCoupons) && !isZero(subtract(beforeCoupons, net));
  return {
    kind: 'product',
    externalId: textOf(item.id),
    // A variation's own SKU is on the line; WooCommerce sends it as the line's sku.
    sku: textOf(item.sku),
    name: decodeHtml(textOf(item.name)) ?? '',
    quantity,
    unit: null,
    unitNet: isZero(quantity) ? beforeCoupons : divide(beforeCoupons, quantity, 12),
    discountPercent: discounted ? divide(multiply(subtract(beforeCoupons, net), '100'), beforeCoupons, 4) : null,
    vatPercent: vatPercentFor({ net, vat, taxes: item.taxes }, rates, currency),
    net,
    vat,
    gross: add(net, vat),
  };
};

/** A shipping or fee line: one of it, at its total. A cash-on-delivery fee is a fee line. */
const chargeLine = (kind: 'shipping' | 'fee', item: Fields, path: string, { rates, currency }: Context): NormalizedLine => {
  const net = decimal(item.total, `${path}.total`);
  const vat = decimalOr(item.total_tax, '0', `${path}.total_tax`);
  return {
    kind,
    externalId: textOf(item.id),
    sku: kind === 'shipping' ? textOf(item.method_id) : null,
    name: decodeHtml(textOf(kind === 'shipping' ? item.method_title : item.name)) ?? (kind === 'shipping' ? 'Shipping' : 'Fee'),
    quantity: '1',
    unit: null,
    unitNet: net,
    discountPercent: null,
    vatPercent: vatPercentFor({ net, vat, taxes: item.taxes }, rates, currency),
    net,
    vat,
    gross: add(net, vat),
  };
};

/** The coupon's code, for the record; its amounts are zero (see the top of this file). */
const couponLine = (item: Fields): NormalizedLine => ({
  kind: 'coupon',
  externalId: textOf(item.id),
  sku: null,
  name: textOf(item.code) ?? 'Coupon',
  quantity: '1',
  unit: null,
  unitNet: '0',
  discountPercent: null,
  vatPercent: '0',
  net: '0',
  vat: '0',
  gross: '0',
});

const TAX_NUMBER_KEYS = new Set(['_billing_tax_number', 'billing_tax_number', '_billing_vat_number', '_billing_adoszam', 'adoszam']);

const taxNumber = (order: Fields): string | null => {
  const entry = list(order.meta_data)
    .map(fields)
    .find((meta) => TAX_NUMBER_KEYS.has(String(meta.key)));
  return entry ? textOf(entry.value) : null;
};

const address = (group: Fields) =>
  addressOf({
    country: textOf(group.country),
    postalCode: textOf(group.postcode),
    city: textOf(group.city),
    street: joinWords(group.address_1, group.address_2),
  });

const customer = (order: Fields): NormalizedOrder['customer'] => {
  const billing = fields(order.billing);
  const shipping = fields(order.shipping);
  const customerId = textOf(order.customer_id);
  const hungarian = textOf(billing.country) === 'HU';
  return {
    // 0 is WooCommerce's guest.
    externalId: customerId === null || customerId === '0' ? null : customerId,
    name:
      personName(billing.first_name, billing.last_name, hungarian) ??
      personName(shipping.first_name, shipping.last_name, hungarian) ??
      textOf(billing.company) ??
      textOf(billing.email) ??
      '',
    email: textOf(billing.email),
    phone: textOf(billing.phone) ?? textOf(shipping.phone),
    company: textOf(billing.company),
    taxNumber: taxNumber(order),
    billingAddress: address(billing),
    shippingAddress: address(shipping),
  };
};

const lines = (order: Fields, context: Context): NormalizedLine[] => [
  ...list(order.line_items).map((item, index) => productLine(fields(item), `line_items[${index}]`, context)),
  ...list(order.shipping_lines).map((item, index) => chargeLine('shipping', fields(item), `shipping_lines[${index}]`, context)),
  ...list(order.fee_lines).map((item, index) => chargeLine('fee', fields(item), `fee_lines[${index}]`, context)),
  ...list(order.coupon_lines).map((item) => couponLine(fields(item))),
];

/** The order of a webhook's body; throws AdapterError naming the field that is wrong. */
export const readWooCommerceOrder = (order: Fields): NormalizedOrder => {
  const currency = textOf(order.currency) ?? '';
  const gross = decimal(order.total, 'total');
  const vat = decimalOr(order.total_tax, '0', 'total_tax');
  return validateOrder({
    externalId: textOf(order.id) ?? undefined,
    externalNumber: textOf(order.number),
    status: { code: textOf(order.status) ?? '', name: null, type: null },
    modifiedAt: utcToIso(order.date_modified_gmt, 'date_modified_gmt'),
    createdAt: utcToIso(order.date_created_gmt, 'date_created_gmt'),
    currency,
    customer: customer(order),
    lines: lines(order, { rates: ratePercents(order), currency }),
    totals: { net: subtract(gross, vat), vat, gross },
    note: textOf(order.customer_note),
    paymentMethod: textOf(order.payment_method_title),
    // Several parcels, several methods: the order names them all, as the shop listed them.
    shippingMethod:
      list(order.shipping_lines)
        .map((item) => decodeHtml(textOf(fields(item).method_title)))
        .filter(Boolean)
        .join(', ') || null,
  });
};
