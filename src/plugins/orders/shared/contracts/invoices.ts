/**
 * Invoices (számla): issued from a fulfilled or successful order, numbered without gaps per
 * series and year, frozen at issue, corrected only by a storno (sztornó számla) that refers to
 * the original. The requests, and the JSON of each answer — which is also the invoice's snapshot:
 * what the PDF prints and the NAV InvoiceData XML reports, and never changes after issue.
 */
import { z } from 'zod';
import type { Actor } from './actor';
import type { DocumentLanguage, DocumentState } from './documents';
import type { ErrorJson } from './errors';
import { decimal, ours, positive, text } from './fields';
import type { LineVatRate } from '../domain/totals';
import { pageQuery, type Answer, type ListAnswer } from './pages';

export const INVOICE_TYPES = ['invoice', 'storno'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** issued: in force; stornoed: a storno invoice cancelled it (a storno itself stays issued). */
export const INVOICE_STATES = ['issued', 'stornoed'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** Fizetési mód: átutalás, készpénz, bankkártya, utánvét, egyéb. */
export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'cashOnDelivery', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * The buyer's VAT status, as NAV's customerVatStatus: a Hungarian taxable person (with a tax
 * number), a private person, or anyone else (a company abroad, with or without an EU VAT number).
 */
export const BUYER_VAT_STATUSES = ['domestic', 'privatePerson', 'other'] as const;
export type BuyerVatStatus = (typeof BUYER_VAT_STATUSES)[number];

/** The most decimals an exchange rate has (NAV's ExchangeRateType). */
export const EXCHANGE_RATE_SCALE = 6;

const day = z.iso.date({ error: 'must be a date such as 2026-12-01' });

/** A series' key: what the settings and the invoice call it ("E"). */
export const SERIES_KEY = /^[A-Za-z0-9-]{1,16}$/;

export const issueInvoiceInput = z.strictObject({
  /** Default: today in the shop's time zone. */
  issueDate: day.optional(),
  /** Teljesítés dátuma. Default: the day the order was fulfilled. */
  fulfilmentDate: day.optional(),
  /** Fizetési határidő. Default: the issue date plus the settings' due days. */
  dueDate: day.optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  /** A series' key from the settings; default: the settings' default series. */
  series: z
    .string()
    .refine((key) => SERIES_KEY.test(key), { message: 'must be a series key such as E', ...ours('notSeriesKey') })
    .optional(),
  /** HUF per one unit of the order's currency; required, and only taken, when it is not HUF. */
  exchangeRate: decimal(EXCHANGE_RATE_SCALE, positive).optional(),
});

export const stornoInput = z.strictObject({ reason: text(500).min(1, 'is required') });

/** Several orders invoiced at once from the orders list: each with the defaults. */
export const issueInvoicesInput = z.strictObject({
  orders: z.array(z.string().trim().min(1)).min(1).max(100),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  series: issueInvoiceInput.shape.series,
});

export const invoiceListQuery = z
  .object({
    /** Searches the number and the buyer's name. */
    q: text(200).optional(),
    state: z.enum(INVOICE_STATES).optional(),
    type: z.enum(INVOICE_TYPES).optional(),
    series: text(16).optional(),
    /** The issue date's range, both days included. */
    from: day.optional(),
    to: day.optional(),
    /** An order's documentId: its invoices only. */
    order: text(64).optional(),
    ...pageQuery,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'must not be before the from date',
    ...ours('toBeforeFrom'),
  });

/** The NAV ZIP of a range of issue dates: both days required. */
export const navZipQuery = z
  .object({ from: day, to: day })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before the from date', ...ours('toBeforeFrom') });

export type IssueInvoiceInput = z.infer<typeof issueInvoiceInput>;
export type IssueInvoicesInput = z.infer<typeof issueInvoicesInput>;
export type StornoInput = z.infer<typeof stornoInput>;
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;
export type NavZipQuery = z.infer<typeof navZipQuery>;

/** A postal address on an invoice: all four parts, as §169 asks (country ISO 3166 alpha-2). */
export interface InvoiceAddress {
  country: string;
  postalCode: string;
  city: string;
  street: string;
}

/** The seller (us), as the company settings said at issue. */
export interface InvoiceSeller {
  name: string;
  address: InvoiceAddress;
  /** "12345676-2-42". */
  taxNumber: string;
  /** "HU12345676", or null. */
  euVatNumber: string | null;
  /** "11773016-11111018". */
  bankAccount: string;
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** The buyer, as the order's customer was at issue. */
export interface InvoiceBuyer {
  /** The company's name for a company, else the person's. */
  name: string;
  vatStatus: BuyerVatStatus;
  address: InvoiceAddress | null;
  /** A domestic buyer's Hungarian tax number ("12345676-2-42"); null otherwise. */
  taxNumber: string | null;
  /** An EU buyer's VAT number ("DE123456789"); null otherwise. */
  euVatNumber: string | null;
  email: string | null;
}

/**
 * Why a line carries no VAT: NAV's category and code with the legal reference an invoice must
 * print (Áfa tv. 169. § m)), in Hungarian; see domain/vat.ts VAT_EXEMPTIONS.
 */
export interface VatExemption {
  /** NAV's element: vatExemption (exempt) or vatOutOfScope (outside the scope of the VAT act). */
  category: 'vatExemption' | 'vatOutOfScope';
  /** NAV's case code: AAM, TAM, KBAET, EAM, … */
  case: string;
  /** The legal reference, as the invoice prints it and NAV takes it. */
  reason: string;
}

/** Amounts in HUF, whole forints, of a foreign-currency invoice (NAV's …HUF elements). */
export interface HufAmountsJson {
  netHuf: string;
  vatHuf: string;
  grossHuf: string;
}

/** Net, VAT and gross as decimal strings in the invoice's currency. */
export interface InvoiceAmountsJson {
  net: string;
  vat: string;
  gross: string;
}

export interface InvoiceLineJson extends InvoiceAmountsJson, HufAmountsJson {
  /** 1, 2, …: NAV's lineNumber. */
  position: number;
  name: string;
  sku: string | null;
  /** The stock item's documentId; null for a free line. Negative in a storno. */
  stockItem: string | null;
  /** Decimal text; negative in a storno. */
  quantity: string;
  unit: string;
  /** Net unit price before the discount, in the invoice's currency. */
  unitPrice: string;
  /** "0" when there is none. */
  discountPercent: string;
  /** The order line's rate: a percentage ("27") or one of our exempt codes (AAM, TAM, EU, EUK, MAA). */
  vatRate: LineVatRate;
  /** The percentage VAT is charged at, as a fraction's text for NAV ("0.27"); null for an exempt line. */
  vatPercentage: string | null;
  /** An exempt line's reason; null for a line charged VAT. */
  exemption: VatExemption | null;
  note: string | null;
}

/** One row of the summary per VAT rate (ÁFA-összesítő). */
export interface InvoiceVatSummaryJson extends InvoiceAmountsJson, HufAmountsJson {
  vatRate: LineVatRate;
  vatPercentage: string | null;
  exemption: VatExemption | null;
}

export interface InvoiceTotalsJson extends InvoiceAmountsJson, HufAmountsJson {
  byVatRate: InvoiceVatSummaryJson[];
}

/** What a storno refers to: the original's number and issue date (NAV's invoiceReference). */
export interface InvoiceReferenceJson {
  documentId: string;
  number: string;
  issueDate: string;
}

/** The invoice's PDF: made after the issue commits, by a job; its bytes kept and never made again. */
export interface InvoicePdfJson {
  state: DocumentState;
  /** Why it could not be made (the last attempt's error), or null. */
  error: string | null;
  /** SHA-256 of the bytes, hex; null until made. */
  contentHash: string | null;
  size: number | null;
  fileName: string;
  /** The template it was made from (a custom invoice template, or the built-in "default-invoice"); null until made. */
  template: { key: string; version: number } | null;
}

export interface InvoiceJson {
  documentId: string;
  /** "2026-E/00001". */
  number: string;
  series: string;
  type: InvoiceType;
  state: InvoiceState;
  order: { documentId: string; number: string };
  /** A storno: the invoice it cancels. */
  stornoOf: InvoiceReferenceJson | null;
  /** An original that was stornoed: the storno invoice. */
  stornoedBy: { documentId: string; number: string } | null;
  /** A storno: why (required when it is issued). */
  stornoReason: string | null;
  /** A storno: NAV's modificationIndex, 1 for the first change of its original. */
  modificationIndex: number | null;
  /** YYYY-MM-DD, in the shop's calendar. */
  issueDate: string;
  fulfilmentDate: string;
  dueDate: string;
  paymentMethod: PaymentMethod;
  currency: string;
  /** HUF per one unit of the currency, decimal text: "1" for HUF. */
  exchangeRate: string;
  language: DocumentLanguage;
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  lines: InvoiceLineJson[];
  totals: InvoiceTotalsJson;
  pdf: InvoicePdfJson;
  issuedBy: Actor;
  /** The instant of issue (ISO 8601). */
  issuedAt: string;
}

/** One row of the invoices list. */
export interface InvoiceSummaryJson {
  documentId: string;
  number: string;
  series: string;
  type: InvoiceType;
  state: InvoiceState;
  order: { documentId: string; number: string };
  buyer: { name: string };
  issueDate: string;
  fulfilmentDate: string;
  dueDate: string;
  currency: string;
  totals: InvoiceAmountsJson;
  issuedAt: string;
}

/** The order's invoices, as the order JSON and the datasheet list them. */
export interface OrderInvoiceJson {
  documentId: string;
  number: string;
  type: InvoiceType;
  state: InvoiceState;
  issueDate: string;
  gross: string;
}

/** One order's outcome in an issue for several orders: its invoice, or why it has none. */
export type BulkIssueResult =
  | { order: string; ok: true; invoice: { documentId: string; number: string } }
  | {
      order: string;
      ok: false;
      /** The refusal the order alone would get; `details` its values (the invoice it has, the shortages), for the admin's words. */
      error: { status: number; code?: string; message: string; details?: ErrorJson['details'] };
    };

export declare namespace IssueInvoice {
  type Request = z.input<typeof issueInvoiceInput>;
  type Response = Answer<InvoiceJson>;
}

export declare namespace IssueInvoices {
  type Request = z.input<typeof issueInvoicesInput>;
  type Response = Answer<BulkIssueResult[]>;
}

export declare namespace ListInvoices {
  type Query = z.input<typeof invoiceListQuery>;
  type Response = ListAnswer<InvoiceSummaryJson>;
}

export declare namespace GetInvoice {
  type Response = Answer<InvoiceJson>;
}

export declare namespace StornoInvoice {
  type Request = z.input<typeof stornoInput>;
  /** The storno invoice. */
  type Response = Answer<InvoiceJson>;
}

/** A series as Settings → Invoices shows it: its pattern and the number its next invoice would take. */
export interface InvoiceSeriesJson {
  key: string;
  name: string;
  pattern: string;
  /** The next number this year, in the shop's calendar: "2026-E/00004". */
  nextNumber: string;
}

export declare namespace ListInvoiceSeries {
  type Response = Answer<InvoiceSeriesJson[]>;
}
