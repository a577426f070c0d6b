/** Who orders: the customer's details as the API takes and answers them. */
import { z } from 'zod';
import { SEGMENTS, type Segment, type Subscription, type SubscriptionReason } from '../domain/segments';
import { csvQuery } from './csv';
import { documentId, ours, optionalText, text } from './fields';
import type { OrderSummaryJson } from './orders';
import { pageQuery, type Answer, type ListAnswer } from './pages';

/**
 * A postal address, as a customer's and an order's billing and shipping address alike: the
 * country as its ISO 3166-1 alpha-2 code ("HU"), which the invoice and NAV's report need.
 */
export const addressInput = z.strictObject({
  country: text(2)
    .toUpperCase()
    // Too long is tooLong's to say: one problem per field.
    .refine((code) => code.length !== 1 && (code.length !== 2 || /^[A-Z]{2}$/.test(code)), {
      message: 'must be a two-letter country code such as HU or AT',
      ...ours('notCountry'),
    })
    .transform((code) => code || null)
    .nullable()
    .optional(),
  postalCode: optionalText(16),
  city: optionalText(),
  street: optionalText(),
});
const address = addressInput;

export const customerInput = z.strictObject({
  name: text().min(1, 'is required'),
  email: z.email().nullable().optional(),
  phone: optionalText(64),
  company: optionalText(),
  taxNumber: optionalText(32),
  address: address.nullable().optional(),
});

export type CustomerInput = z.infer<typeof customerInput>;
/** An address as the API answers it. */
export interface AddressJson {
  country?: string | null;
  postalCode?: string | null;
  city?: string | null;
  street?: string | null;
}

export interface CustomerJson {
  documentId: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  taxNumber: string | null;
  address: AddressJson | null;
}

/** The customers list's sorts; each ends with the customer's id, so that pages neither repeat nor skip one. */
export const CUSTOMER_SORTS = [
  'createdAt:desc',
  'name:asc',
  'name:desc',
  'lastOrderAt:desc',
  'lastOrderAt:asc',
  'totalSpent:desc',
  'totalSpent:asc',
  'ordersCount:desc',
  'ordersCount:asc',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const customerListQuery = z.object({
  segment: z.enum(SEGMENTS).optional(),
  /** A webshop connection's documentId: the customers who came from it. */
  connection: text(64).optional(),
  /** Searches name, e-mail, phone, company and tax number, ignoring accents and case. */
  q: text(200).optional(),
  sort: z.enum(CUSTOMER_SORTS).default('createdAt:desc'),
  ...pageQuery,
});

/** The export takes the list's filters and sort, the spreadsheet's separator and its reader's language. */
export const customerExportQuery = customerListQuery.omit({ page: true, pageSize: true }).extend(csvQuery);

/** A customer's contact data, given whole as on an order (a field left out is emptied). */
export const updateCustomerInput = customerInput;

export const mergeCustomerInput = z.strictObject({ into: documentId });

export type CustomerListQuery = z.infer<typeof customerListQuery>;
export type CustomerExportQuery = z.infer<typeof customerExportQuery>;
export type MergeCustomerInput = z.infer<typeof mergeCustomerInput>;

/** A customer in the list: contact data, where they came from, and what their orders add up to. */
export interface CustomerSummaryJson extends CustomerJson {
  connection: { documentId: string; name: string } | null;
  segment: Segment | null;
  /** What a shop last said of the customer's newsletter (null: none has said), why where it said, and since when. */
  subscription: Subscription | null;
  subscriptionReason: SubscriptionReason | null;
  subscriptionAt: string | null;
  /** Counted orders (the settings' counted states). */
  ordersCount: number;
  successfulCount: number;
  /** Gross of the counted orders in the shop's currency (HUF), a decimal string. */
  totalSpent: string;
  currency: string;
  lastOrderAt: string | null;
  segmentChangedAt: string | null;
  createdAt: string;
}

/** One change of a customer's segment. */
export interface SegmentChangeJson {
  at: string;
  from: Segment | null;
  to: Segment;
}

/** The customer's datasheet: the summary, their orders (newest first) and their segment history (newest first). */
export interface CustomerDetailJson extends CustomerSummaryJson {
  shippingAddress: AddressJson | null;
  orders: OrderSummaryJson[];
  segmentHistory: SegmentChangeJson[];
}

/** The overview: per segment how many customers and what they spent. */
export interface SegmentOverviewJson {
  segment: Segment | null;
  customers: number;
  totalSpent: string;
}

export declare namespace ListCustomers {
  type Query = z.input<typeof customerListQuery>;
  type Response = ListAnswer<CustomerSummaryJson>;
}

export declare namespace GetCustomer {
  type Response = Answer<CustomerDetailJson>;
}

export declare namespace UpdateCustomer {
  type Request = z.input<typeof updateCustomerInput>;
  type Response = Answer<CustomerDetailJson>;
}

export declare namespace MergeCustomer {
  type Request = z.input<typeof mergeCustomerInput>;
  type Response = Answer<CustomerDetailJson>;
}

export declare namespace GetSegmentOverview {
  type Response = Answer<{ currency: string; segments: SegmentOverviewJson[] }>;
}
