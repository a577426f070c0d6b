/** The settings a shop changes in Settings → Orders, and the custom statuses they list. */
import { z } from 'zod';
import { ORDER_STATES } from '../domain/lifecycle';
import { DEFAULT_SEGMENT_RULES, segmentRulesProblem, type SegmentRules } from '../domain/segments';
import { normalizeBankAccount, normalizeEuVatNumber, normalizeTaxNumber } from '../domain/hungarian-ids';
import { DEFAULT_INVOICE_PATTERN, invoicePatternProblem } from '../domain/invoice-number';
import { INVENTORY_DRIVERS, type InventoryDriver } from '../domain/stock-plan';
import { DEFAULT_UNITS, type Unit } from '../domain/units';
import { PAYMENT_METHODS, SERIES_KEY, type PaymentMethod } from './invoices';
import { isHttpUrl } from './connections';
import type { AddressJson } from './customers';
import type { FieldErrorCode } from './errors';
import { optionalText, ours, text } from './fields';
import type { Answer } from './pages';

/** The key orders carry: lowercase letters, digits and dashes, starting with a letter or digit. */
export const CUSTOM_STATUS_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A custom status's colour: #rrggbb. */
export const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The languages a custom status is labelled in: the admin's. */
export const LABEL_LANGUAGES = ['hu', 'en'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/**
 * A custom status as given: `labels` in Hungarian and English. A single `label` (the shape from
 * before labels per language, which API clients may still send) labels both languages.
 */
const customStatus = z
  .strictObject({
    key: z.string().refine((key) => CUSTOM_STATUS_KEY.test(key), {
      message: 'must be lowercase letters, digits and dashes',
      ...ours('notStatusKey'),
    }),
    labels: z.strictObject({ hu: text(100).min(1), en: text(100).min(1) }).optional(),
    label: text(100).min(1).optional(),
    color: z.string().refine((color) => COLOUR.test(color), {
      message: 'must be a colour such as #0c75af',
      ...ours('notColour'),
    }),
  })
  .superRefine((status, ctx) => {
    if (!status.labels && status.label === undefined) ctx.addIssue({ code: 'custom', path: ['labels'], message: 'is required' });
  })
  .transform(({ key, labels, label, color }): StoredCustomStatus => ({ key, labels: labels ?? { hu: label!, en: label! }, color }));

/**
 * A list whose rows are told apart by one field: refused at the row that repeats it, where the
 * admin shows the error. `same` is what counts as the same value ("Db" is "db" for units).
 */
const uniqueBy =
  <F extends string>(field: F, same: (value: string) => string = (value) => value) =>
  (list: Array<Record<F, string>>, ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((row, index) => {
      const value = row[field];
      if (seen.has(same(value))) {
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: `${field}s must be unique: "${value}" is given twice`,
          ...ours('duplicateKeys'),
        });
      }
      seen.add(same(value));
    });
  };
const uniqueKeys = uniqueBy('key');

/** A unit and how it is counted. */
const unitSetting = z.strictObject({ unit: text(16).min(1), whole: z.boolean() });
const uniqueUnits = uniqueBy('unit', (unit) => unit.trim().toLowerCase());

const days = z.number().int().min(1).max(3650);
const fromOrders = z.number().int().min(2).max(1000);

/** The segments' thresholds, given whole; checked together, since each band's days must grow. */
const segmentRules = z
  .strictObject({
    countedStates: z.array(z.enum(ORDER_STATES)).min(1).max(ORDER_STATES.length),
    oneTime: z.strictObject({ activeDays: days, passiveDays: days }),
    repeat: z.strictObject({ fromOrders, activeDays: days, passiveDays: days }),
    loyal: z.strictObject({ fromOrders, activeDays: days, passiveDays: days }),
    inactiveAfterDays: days,
  })
  .superRefine((rules, ctx) => {
    const problem = segmentRulesProblem(rules);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, ...ours('segmentThresholds', { rule: problem.rule }) });
    }
  });
/** A text that `normalize` reads into its printed form, or refuses with `code`; empty is null. */
const identifier = (normalize: (input: string) => string | null, code: FieldErrorCode, message: string) =>
  z
    .string()
    .max(64)
    .nullable()
    .optional()
    .transform((input, ctx) => {
      if (input === undefined || input === null || !input.trim()) return null;
      const normalized = normalize(input);
      if (normalized === null) ctx.addIssue({ code: 'custom', message, ...ours(code) });
      return normalized;
    });

const emptyAsNull = (max: number) => optionalText(max).transform((value) => value || null);

/** The seller's address: the shape of a customer's. */
const companyAddress = z.strictObject({
  country: emptyAsNull(2),
  postalCode: emptyAsNull(16),
  city: emptyAsNull(255),
  street: emptyAsNull(255),
});

/**
 * Us, on every document and invoice (eladó). Given whole: a field left out is emptied, as a
 * customer's details are. The tax number and bank account are checked with their check digits.
 */
export const companyInput = z.strictObject({
  name: emptyAsNull(255),
  address: companyAddress.nullable().optional(),
  taxNumber: identifier(normalizeTaxNumber, 'notTaxNumber', 'must be a Hungarian tax number such as 12345676-2-42'),
  euVatNumber: identifier(normalizeEuVatNumber, 'notEuVatNumber', 'must be an EU VAT number such as HU12345676'),
  bankAccount: identifier(
    normalizeBankAccount,
    'notBankAccount',
    'must be a Hungarian bank account number of 16 or 24 digits such as 11773016-11111018'
  ),
  email: z.email().nullable().optional(),
  phone: emptyAsNull(64),
  website: text(2000)
    .refine((url) => !url || isHttpUrl(url), { message: 'must be an http:// or https:// address', ...ours('notUrl') })
    .nullable()
    .optional(),
  /** A Media Library file's id: the logo documents show. */
  logo: z.number().int().positive().nullable().optional(),
});

export type CompanyInput = z.input<typeof companyInput>;

const invoiceSeries = z.strictObject({
  key: z
    .string()
    .refine((key) => SERIES_KEY.test(key), { message: 'must be letters, digits and dashes, at most 16', ...ours('notSeriesKey') }),
  name: text(100).min(1),
  pattern: z.string().superRefine((pattern, ctx) => {
    const problem = invoicePatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, ...ours('notInvoicePattern') });
  }),
});

/** The invoices' series and defaults, given whole; a series' key is what its invoices keep. */
export const invoicingInput = z
  .strictObject({
    series: z.array(invoiceSeries).min(1).max(20).superRefine(uniqueKeys),
    defaultSeries: z.string(),
    /** Fizetési határidő: days after the issue date. */
    dueDays: z.number().int().min(0).max(365),
    paymentMethod: z.enum(PAYMENT_METHODS),
  })
  .refine((invoicing) => invoicing.series.some((series) => series.key === invoicing.defaultSeries), {
    path: ['defaultSeries'],
    message: 'must be the key of one of the series',
    ...ours('unknownSeries'),
  });

export const settingsInput = z.strictObject({
  company: companyInput.optional(),
  inventoryDriver: z.enum(INVENTORY_DRIVERS).optional(),
  allowNegativeStock: z.boolean().optional(),
  units: z.array(unitSetting).max(50).superRefine(uniqueUnits).optional(),
  customStatuses: z.array(customStatus).max(50).superRefine(uniqueKeys).optional(),
  segments: segmentRules.optional(),
  invoicing: invoicingInput.optional(),
});

export type SettingsInput = z.infer<typeof settingsInput>;

/** A custom status as the settings keep it: the key orders carry, its label per language, its colour. */
export interface StoredCustomStatus {
  key: string;
  labels: Record<LabelLanguage, string>;
  color: string;
}

/** A custom status as the API answers it: `label` is the Hungarian one, for clients from before labels per language. */
export interface CustomStatus extends StoredCustomStatus {
  label: string;
}

/**
 * A custom status as saved, in today's shape: one saved before labels per language (`{key, label,
 * color}`) gets its label in both languages. Settings are migrated at read, so nothing old is rewritten.
 */
export const readCustomStatus = (saved: Partial<StoredCustomStatus> & { key: string; color: string; label?: string }): CustomStatus => {
  const single = saved.label ?? saved.labels?.hu ?? saved.labels?.en ?? saved.key;
  const labels = { hu: saved.labels?.hu || single, en: saved.labels?.en || single };
  return { key: saved.key, labels, color: saved.color, label: labels.hu };
};

/** The language of a custom status's label for an admin locale: Hungarian for "hu", English otherwise. */
export const labelLanguageOf = (locale: string): LabelLanguage => (locale.toLowerCase().startsWith('hu') ? 'hu' : 'en');

/** A custom status's label in an admin locale's language. */
export const customStatusLabel = (status: StoredCustomStatus, locale: string): string => status.labels[labelLanguageOf(locale)];

/** The seller's details, as every document and invoice prints them. */
export interface Company {
  name: string | null;
  address: AddressJson | null;
  /** "12345676-2-42". */
  taxNumber: string | null;
  /** "HU12345676". */
  euVatNumber: string | null;
  /** "11773016-11111018" or "11773016-11111018-00000000". */
  bankAccount: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** The Media Library file id of the logo. */
  logo: number | null;
}

/** A series of invoice numbers: its key, its name in the admin, its pattern. */
export interface InvoiceSeries {
  key: string;
  name: string;
  pattern: string;
}

export interface Invoicing {
  series: InvoiceSeries[];
  /** The key of the series an invoice takes when none is asked for. */
  defaultSeries: string;
  /** The due date's default: the issue date plus these days. */
  dueDays: number;
  /** The payment method an invoice takes when none is asked for. */
  paymentMethod: PaymentMethod;
}

export const DEFAULT_INVOICING: Invoicing = {
  series: [{ key: 'E', name: 'Számlák', pattern: DEFAULT_INVOICE_PATTERN }],
  defaultSeries: 'E',
  dueDays: 8,
  paymentMethod: 'transfer',
};

export const EMPTY_COMPANY: Company = {
  name: null,
  address: null,
  taxNumber: null,
  euVatNumber: null,
  bankAccount: null,
  email: null,
  phone: null,
  website: null,
  logo: null,
};

export interface Settings {
  /** The seller: us, on documents and invoices. */
  company: Company;
  /** "orders": finalized orders hold stock; "invoices": issuing an invoice books it instead. */
  inventoryDriver: InventoryDriver;
  allowNegativeStock: boolean;
  /** How each unit is counted: whole pieces (db, doboz) or to three decimals (kg, m). */
  units: Unit[];
  customStatuses: CustomStatus[];
  /** The customers' segments: which states of an order count, and the days of each band. */
  segments: SegmentRules;
  /** Invoices: the number series and the defaults of a new invoice. */
  invoicing: Invoicing;
}

export const DEFAULT_SETTINGS: Settings = {
  company: EMPTY_COMPANY,
  inventoryDriver: 'orders',
  allowNegativeStock: false,
  units: DEFAULT_UNITS,
  customStatuses: [
    { key: 'processing', labels: { hu: 'Feldolgozás alatt', en: 'Processing' }, color: '#0c75af' },
    { key: 'awaiting-confirmation', labels: { hu: 'Visszaigazolásra vár', en: 'Awaiting confirmation' }, color: '#d9822f' },
    { key: 'in-delivery', labels: { hu: 'Kiszállítás alatt', en: 'In delivery' }, color: '#328048' },
  ].map(readCustomStatus),
  segments: DEFAULT_SEGMENT_RULES,
  invoicing: DEFAULT_INVOICING,
};

export declare namespace GetSettings {
  type Response = Answer<Settings>;
}

export declare namespace UpdateSettings {
  type Request = z.input<typeof settingsInput>;
  type Response = Answer<Settings>;
}

export declare namespace ListCustomStatuses {
  type Response = Answer<CustomStatus[]>;
}
