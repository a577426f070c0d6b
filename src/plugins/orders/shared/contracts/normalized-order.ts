/**
 * The one shape every webshop's order is translated into. Adapters are pure functions from their
 * shop's payload to a list of ShopMessages; everything after that — the upsert, the state, the
 * stock, the customer — is shared and goes through the engine.
 *
 * Amounts are decimal texts exactly as the shop computed them, in the order's currency, at any
 * precision ("970.0714"): the engine rounds them to the minor unit in one place. Quantities are
 * decimal texts too. Nothing here is ever a JavaScript float.
 *
 * The schema doubles as the documented JSON form that custom shops may push (docs/integrations.md).
 */
import { z } from 'zod';
import { CURRENCY_CODES } from '../domain/money';
import { SUBSCRIPTION_REASONS, SUBSCRIPTIONS } from '../domain/segments';

export const LINE_KINDS = ['product', 'shipping', 'fee', 'coupon'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** A decimal written by a shop, as text: "12.5", "-3", "970.0714". JSON numbers are accepted and turned to text. */
const decimalText = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .refine((value) => /^[+-]?\d{1,18}(\.\d{1,12})?$/.test(value), { message: 'is not a decimal number' });
/** No shop sells a billion of anything: a larger quantity is a mistyped field (an EAN in the quantity), not an order. */
const MAX_QUANTITY = 1_000_000_000n;
const atMostMaxQuantity = (value: string) => {
  const [whole, fraction = ''] = value.replace(/^\+/, '').split('.');
  const units = BigInt(whole);
  return units < MAX_QUANTITY || (units === MAX_QUANTITY && !/[1-9]/.test(fraction));
};
const quantityText = decimalText
  .refine((value) => !value.startsWith('-') && /[1-9]/.test(value), { message: 'must be greater than 0' })
  .refine(atMostMaxQuantity, { message: `must be at most ${MAX_QUANTITY}` });
const text = (max: number) => z.string().trim().max(max);
const optional = (max: number) => text(max).nullable().default(null);
const instant = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a date and time' })
  .transform((value) => new Date(value).toISOString());

const address = z
  .strictObject({
    country: optional(64),
    postalCode: optional(16),
    city: optional(128),
    street: optional(255),
  })
  .nullable()
  .default(null);

const customer = z.strictObject({
  /** The shop's own customer id; null for a guest. */
  externalId: optional(64),
  name: text(255).min(1),
  email: optional(255),
  phone: optional(64),
  company: optional(255),
  taxNumber: optional(32),
  billingAddress: address,
  shippingAddress: address,
});

const line = z.strictObject({
  kind: z.enum(LINE_KINDS).default('product'),
  /** The shop's id of the line, stable across updates where the shop has one. */
  externalId: optional(64),
  sku: optional(64),
  name: text(255).min(1),
  quantity: quantityText,
  unit: optional(16),
  /** Net unit price before the discount. A coupon's is negative. */
  unitNet: decimalText,
  discountPercent: decimalText.nullable().default(null),
  /** The shop's VAT percentage, whatever it is: "27", "5", "20", "0". */
  vatPercent: decimalText,
  net: decimalText,
  vat: decimalText,
  gross: decimalText,
});

const status = z.strictObject({
  code: text(64).min(1),
  name: optional(128),
  type: optional(64),
});

export const normalizedOrder = z.strictObject({
  externalId: text(64).min(1),
  externalNumber: optional(64),
  status,
  /** When the shop last changed the order: a delivery older than the one applied changes nothing. */
  modifiedAt: instant.nullable().default(null),
  createdAt: instant.nullable().default(null),
  currency: z
    .string()
    .trim()
    .refine((code) => CURRENCY_CODES.has(code), { message: 'is not a known currency code' }),
  customer,
  lines: z.array(line).max(2000),
  /** What the shop says the customer pays. */
  totals: z.strictObject({ net: decimalText.nullable().default(null), vat: decimalText.nullable().default(null), gross: decimalText }),
  note: optional(10_000),
  paymentMethod: optional(128),
  /** How the goods travel ("GLS futár"), as the shop names it; its charge is a shipping line. */
  shippingMethod: optional(128),
});

export type NormalizedOrder = z.output<typeof normalizedOrder>;
export type NormalizedLine = NormalizedOrder['lines'][number];
export type NormalizedCustomer = NormalizedOrder['customer'];
export type NormalizedAddress = NonNullable<NormalizedCustomer['billingAddress']>;

/** Loose enough for every address a shop accepts, strict enough to refuse what cannot be one ("anna", "a@b", "a b@c.hu"). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A shop's word on someone's newsletter: subscribed, or unsubscribed — also when it reports the
 * e-mail address as bad. Who: the shop's subscriber/customer id where it has one, and the e-mail,
 * always. When: the shop's time of it, so that an older notice never overrides a newer one; where
 * the shop does not tell it, the time the notice was received stands for it.
 *
 * Doubles as the documented JSON form a custom shop pushes (docs/integrations.md).
 */
export const subscriptionNotice = z
  .strictObject({
    externalId: optional(64),
    email: text(255)
      .min(1)
      .refine((value) => EMAIL.test(value), { message: 'is not an e-mail address' }),
    name: optional(255),
    phone: optional(64),
    subscription: z.enum(SUBSCRIPTIONS),
    reason: z.enum(SUBSCRIPTION_REASONS).nullable().default(null),
    at: instant.nullable().default(null),
  })
  .refine((notice) => notice.reason !== 'bouncedEmail' || notice.subscription === 'unsubscribed', {
    message: 'a bounced e-mail address unsubscribes: subscription must be "unsubscribed"',
    path: ['subscription'],
  });
export type SubscriptionNotice = z.output<typeof subscriptionNotice>;

/**
 * What one payload says. Shoprenter and feeds carry several orders; WooCommerce's order.deleted
 * carries only the id; UNAS's webhook is a notice that the order is to be read from its API.
 */
export type ShopMessage =
  | { type: 'order'; order: NormalizedOrder }
  | { type: 'deleted'; externalId: string }
  | { type: 'fetch'; externalId: string }
  | { type: 'subscription'; notice: SubscriptionNotice };
