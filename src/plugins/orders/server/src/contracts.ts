/**
 * The shapes the admin API accepts, in one place. Numbers arrive as decimal strings or JSON
 * numbers and are checked here for form; their meaning (scale per currency, stock limits) is
 * the engine's business.
 */
import { z } from 'zod';
import { DecimalFormatError, parseFixed } from './domain/fixed-point';
import { isCurrencyCode } from './domain/money';
import { ORDER_STATES } from './domain/lifecycle';
import { QUANTITY_SCALE } from './domain/quantity';
import { INVENTORY_DRIVERS } from './domain/stock-plan';
import { DISCOUNT_SCALE } from './domain/totals';
import { isVatRate, VAT_RATES, type VatRate } from './domain/vat';
import type { ErrorValues, FieldErrorCode } from './error-codes';
import { invalidFields, type FieldProblem, type Problem } from './errors';
import { ORDER_SORTS } from './list-sorts';

/**
 * Our own checks' code and values travel in a zod issue's params, to be read back by `parse`.
 * Only custom issues (refine, addIssue) keep params: zod's built-in checks are mapped in `codeOf`.
 */
const ours = (code: FieldErrorCode, values: ErrorValues = {}) => ({ params: { code, values } });

type Check = (value: bigint, one: bigint) => Problem | undefined;

/** A decimal with at most `scale` decimals, kept as its text so no float ever touches it. */
const decimal = (scale: number, ...checks: Check[]) =>
  z.union([z.string(), z.number()]).transform((input, ctx) => {
    try {
      const value = parseFixed(input, scale);
      const one = 10n ** BigInt(scale);
      for (const problem of checks.map((check) => check(value, one))) {
        if (problem) ctx.addIssue({ code: 'custom', message: problem.message, ...ours(problem.code, problem.values) });
      }
      return String(input).trim();
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, ...ours(error.code, error.values) });
      return z.NEVER;
    }
  });

const positive: Check = (value) => (value > 0n ? undefined : { code: 'notPositive', message: 'must be greater than 0' });
const notNegative: Check = (value) => (value >= 0n ? undefined : { code: 'negative', message: 'must not be negative' });
const notZero: Check = (value) => (value !== 0n ? undefined : { code: 'zero', message: 'must not be 0' });
const percent: Check = (value, one) =>
  value >= 0n && value <= 100n * one ? undefined : { code: 'percent', message: 'must be between 0 and 100' };
/** Keeps amounts far inside the database's 64-bit integers. */
const below =
  (limit: bigint): Check =>
  (value, one) =>
    (value < 0n ? -value : value) < limit * one
      ? undefined
      : { code: 'tooLarge', message: `must be less than ${limit} in size`, values: { limit: limit.toString() } };

const MAX_QUANTITY = 1_000_000_000n;
const MAX_AMOUNT = 1_000_000_000_000n;

const quantity = decimal(QUANTITY_SCALE, positive, below(MAX_QUANTITY));
const stockLevel = decimal(QUANTITY_SCALE, notNegative, below(MAX_QUANTITY));
/** Any currency's precision; the engine narrows it to the order's currency (HUF: whole forints). */
const money = decimal(2, below(MAX_AMOUNT));
const text = (max = 255) => z.string().trim().max(max);
const optionalText = (max = 255) => text(max).nullable().optional();
// Not z.enum, which lists its options sorted ("0, 5, 18, 27"): the values keep the rates' order.
const vatRate = z.custom<VatRate>(isVatRate, {
  message: `must be one of ${VAT_RATES.join(', ')}`,
  ...ours('notOneOf', { allowed: VAT_RATES }),
});
const documentId = z.string().trim().min(1);

const address = z.strictObject({
  country: optionalText(2),
  postalCode: optionalText(16),
  city: optionalText(),
  street: optionalText(),
});

export const customerInput = z.strictObject({
  name: text().min(1, 'is required'),
  email: z.email().nullable().optional(),
  phone: optionalText(64),
  company: optionalText(),
  taxNumber: optionalText(32),
  address: address.nullable().optional(),
});

export const lineInput = z
  .strictObject({
    stockItem: documentId.optional(),
    sku: text(64).min(1).optional(),
    name: text().min(1).optional(),
    quantity,
    unitPrice: money.optional(),
    discountPercent: decimal(DISCOUNT_SCALE, percent).optional(),
    vatRate: vatRate.optional(),
    unit: text(16).min(1).optional(),
    note: optionalText(2000),
  })
  .refine((line) => !(line.stockItem && line.sku), {
    message: 'give either stockItem or sku, not both',
    ...ours('bothGiven', { fields: ['stockItem', 'sku'] }),
  });

const orderFields = {
  customer: customerInput.optional(),
  customerId: documentId.optional(),
  currency: z
    .string()
    .refine(isCurrencyCode, { message: 'must be a three-letter ISO 4217 code such as HUF or EUR', ...ours('notCurrency') })
    .optional(),
  note: optionalText(5000),
  items: z.array(lineInput).max(2000),
};

const oneCustomer = (order: { customer?: unknown; customerId?: unknown }) => !(order.customer && order.customerId);
const notTwoCustomers = {
  message: 'give either customer or customerId, not both',
  path: ['customer'],
  ...ours('bothGiven', { fields: ['customer', 'customerId'] }),
};

export const createOrderInput = z
  .strictObject(orderFields)
  .refine((order) => order.customer || order.customerId, {
    message: 'give a customer or a customerId',
    path: ['customer'],
    ...ours('required'),
  })
  .refine(oneCustomer, notTwoCustomers);

export const updateOrderInput = z.strictObject({ ...orderFields, items: orderFields.items.optional() }).refine(oneCustomer, notTwoCustomers);

export const transitionInput = z.strictObject({
  restock: z.boolean().optional(),
  note: optionalText(2000),
});

export const customStatusInput = z.strictObject({ customStatus: text(64).min(1).nullable() });


const day = z.iso.date({ error: 'must be a date such as 2026-11-27' });

export const orderListQuery = z.object({
  state: z.enum(ORDER_STATES).optional(),
  from: day.optional(),
  to: day.optional(),
  sort: z.enum(ORDER_SORTS).default('createdAt:desc'),
  customStatus: text(64).optional(),
  source: text(64).optional(),
  q: text(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const exportQuery = z.object({ separator: z.enum([';', ',']).default(';') });

export const stockItemListQuery = z.object({
  q: text(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const stockItemFields = {
  sku: text(64).min(1, 'is required'),
  name: text().min(1, 'is required'),
  unit: text(16).min(1).optional(),
  unitPrice: money,
  vatRate,
  lowStockThreshold: stockLevel.nullable().optional(),
};

export const createStockItemInput = z.strictObject({
  ...stockItemFields,
  onHand: stockLevel.optional(),
});

/** onHand is absent on purpose: after its first movement stock changes only through adjustments. */
export const updateStockItemInput = z.strictObject({
  sku: stockItemFields.sku.optional(),
  name: stockItemFields.name.optional(),
  unit: stockItemFields.unit,
  unitPrice: money.optional(),
  vatRate: vatRate.optional(),
  lowStockThreshold: stockItemFields.lowStockThreshold,
});

export const adjustmentInput = z.strictObject({
  delta: decimal(QUANTITY_SCALE, notZero, below(MAX_QUANTITY)),
  reason: text(500).min(1, 'is required: say why stock changes (goods received, stocktake…)'),
});

const customStatus = z.strictObject({
  key: z.string().refine((key) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(key), {
    message: 'must be lowercase letters, digits and dashes',
    ...ours('notStatusKey'),
  }),
  label: text(100).min(1),
  color: z.string().refine((color) => /^#[0-9a-fA-F]{6}$/.test(color), {
    message: 'must be a colour such as #0c75af',
    ...ours('notColour'),
  }),
});

export const settingsInput = z.strictObject({
  inventoryDriver: z.enum(INVENTORY_DRIVERS).optional(),
  allowNegativeStock: z.boolean().optional(),
  customStatuses: z
    .array(customStatus)
    .max(50)
    .refine((list) => new Set(list.map((s) => s.key)).size === list.length, {
      message: 'keys must be unique',
      ...ours('duplicateKeys'),
    })
    .optional(),
});

export type CustomerInput = z.infer<typeof customerInput>;
export type LineInput = z.infer<typeof lineInput>;
export type CreateOrderInput = z.infer<typeof createOrderInput>;
export type UpdateOrderInput = z.infer<typeof updateOrderInput>;
export type CreateStockItemInput = z.infer<typeof createStockItemInput>;
export type UpdateStockItemInput = z.infer<typeof updateStockItemInput>;
export type SettingsInput = z.infer<typeof settingsInput>;

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    ''
  );

/**
 * The code and values of a zod issue: ours travel in its params; zod's built-in issues are
 * mapped here, in one place.
 */
const codeOf = (issue: z.core.$ZodIssue): Pick<FieldProblem, 'code' | 'values'> => {
  // Only an issue about a value that was sent carries the input.
  if (!('input' in issue) || issue.input === undefined) return { code: 'required' };
  const own = (issue as { params?: { code?: FieldErrorCode; values?: ErrorValues } }).params;
  if (own?.code) return { code: own.code, values: own.values };
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? { code: 'belowMin', values: { min: Number(issue.minimum) } } : { code: 'required' };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'array') return { code: 'tooMany', values: { max: Number(issue.maximum) } };
      return { code: 'aboveMax', values: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'notOneOf', values: { allowed: issue.values.map(String) } };
    case 'unrecognized_keys':
      return { code: 'unknownField', values: { fields: issue.keys } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'notEmail' };
      if (issue.format === 'date') return { code: 'notDate' };
      return { code: 'wrongType', values: { expected: issue.format } };
    // The only unions are decimals: a string or a number.
    case 'invalid_union':
      return { code: 'notNumber' };
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? { code: 'notNumber' }
        : { code: 'wrongType', values: { expected: issue.expected } };
    default:
      return { code: 'wrongType', values: {} };
  }
};

/** Parses input or throws a 400 that names every field at fault. */
export const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw invalidFields(
    result.error.issues.map((issue) => ({
      path: pathOf(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` : issue.message,
      ...codeOf(issue),
    }))
  );
};
