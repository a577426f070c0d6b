/**
 * The machine-readable codes of the API's refusals, beside the English `message` that API clients
 * and logs read: the admin panel words each code in its user's language, and a test proves that
 * every code has words in both languages. The shapes of a refusal's JSON are here too.
 */

/** Why one field of a 400 is at fault: `details.errors[].code`, with its `values`. */
export const FIELD_ERROR_CODES = [
  'required',
  'wrongType',
  'notNumber',
  'decimals',
  'notPositive',
  'negative',
  'zero',
  'percent',
  'tooLarge',
  'belowMin',
  'aboveMax',
  'tooLong',
  'tooMany',
  'notOneOf',
  'notEmail',
  'notDate',
  'notCurrency',
  'notCountry',
  'notColour',
  'notStatusKey',
  'duplicateKeys',
  'unknownField',
  'bothGiven',
  'notWhole',
  'unknownStockItem',
  'unknownSku',
  'unknownCustomer',
  'unknownCustomStatus',
  'skuTaken',
  'priceInOrderCurrency',
  'currencyNeedsItems',
  'failOnly',
  'lineTooLarge',
  'orderTooLarge',
  'notIdempotencyKey',
  // Webshop connections (contracts/connections.ts).
  'notUrl',
  'notForKind',
  'nameTaken',
  'kindChanged',
  // Customers and their segments (contracts/customers.ts, contracts/settings.ts).
  'segmentThresholds',
  'sameCustomer',
  // The seller's details (contracts/settings.ts): checked with their check digits; the logo a Media Library file.
  'notTaxNumber',
  'notEuVatNumber',
  'notBankAccount',
  'unknownFile',
  // A document template that breaks a rule (domain/template-rules.ts), at the node at fault.
  'svgRefused',
  'noFileOrUrl',
  'imageNotLogo',
  'unknownNode',
  'unknownKey',
  'badValue',
  'unknownPlaceholder',
  'templateTooLarge',
  'blockMissing',
  // Invoices (contracts/invoices.ts): series, patterns, and what issuing needs of the seller, the buyer and the currency.
  'notSeriesKey',
  'notInvoicePattern',
  'unknownSeries',
  'sellerIncomplete',
  'buyerTaxNumber',
  'exchangeRateRequired',
  'exchangeRateNotTaken',
  // A list's date range whose end comes before its start.
  'toBeforeFrom',
  // What a request's body, path or query is made of, before any field is read (core/request.ts).
  'malformedJson',
  'notUtf8',
  'invalidCharacter',
  'tooDeep',
  'duplicateField',
] as const;

/** Why a whole request is refused: `details.code` of a 409, 404, 403, 422, 415, 413 or 501, its values beside it in `details`. */
export const REFUSAL_CODES = [
  'actionNotAllowed',
  // Outside a draft only the contact details are corrected: `fields` names what was refused.
  'onlyDraftChanged',
  // A tracking number needs a fulfilled order.
  'trackingBeforeFulfilled',
  'onlyDraftDeleted',
  'noLines',
  'stockShortage',
  'stockLimit',
  'orderNotFound',
  'stockItemNotFound',
  'unknownAction',
  'idempotencyKeyInUse',
  'idempotencyKeyReused',
  'connectionNotFound',
  // A sync asked of a connection that is not pulled (409), or before the server can pull (501).
  'syncNotForKind',
  // A credential to store where the host app configured no encryptionKey.
  'noEncryptionKey',
  // A body the route cannot read: 415 and 413 (core/request.ts).
  'unsupportedMediaType',
  'bodyNotAllowed',
  'bodyTooLarge',
  // Webshops: the inbox and its webhook route.
  'inboxEntryNotFound',
  'connectionNotFound',
  'notReplayable',
  'badSignature',
  'webshopOrder',
  'customerNotFound',
  // Order documents: no such document, its PDF not made (yet or at all), or an order without one (a draft).
  'documentNotFound',
  'documentNotIssued',
  'documentOfDraft',
  'templateNotFound',
  // Invoices: none such, an order that cannot be invoiced (its state, or a valid invoice already), a second storno.
  'invoiceNotFound',
  'orderNotInvoiceable',
  'alreadyInvoiced',
  'alreadyStornoed',
  'stornoOfStorno',
  'invoicePdfNotMade',
  'invoiceNumberTaken',
  // A bulk action (403) whose button the admin's role may not press.
  'actionForbidden',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The parameters a code's text needs: a limit, the allowed options, the SKU at fault, the shortages… */
export type ErrorValues = Record<string, string | number | readonly string[] | readonly object[]>;

/** What is wrong with a value: its code and values, and in English for API clients and logs. */
export interface Problem {
  code: FieldErrorCode;
  message: string;
  values?: ErrorValues;
}

/** A problem and the field it is about, as a dotted path: "items[2].quantity". */
export interface FieldProblem extends Problem {
  path: string;
}

/** One field at fault, as a 400 lists it in `details.errors`. */
export interface FieldErrorJson {
  path: string[];
  message: string;
  code?: FieldErrorCode;
  values?: ErrorValues;
}

/** An item the stock cannot cover (a 409's `details.shortages`). */
export interface Shortage {
  sku: string;
  requested: string;
  available: string;
}

/** Strapi's error JSON, `{data: null, error: ErrorJson}`, with the details the plugin sends. */
export interface ErrorJson {
  status: number;
  name: string;
  message: string;
  details: {
    /** A 409's or 404's reason. */
    code?: RefusalCode;
    /** A 400's fields at fault. */
    errors?: FieldErrorJson[];
    shortages?: Shortage[];
    /** A state conflict (409): the order's state now. */
    state?: string;
    [value: string]: unknown;
  };
}
