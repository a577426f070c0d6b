/**
 * NAV Online Számla 3.0: an invoice's InvoiceData XML — what a reporting client base64-encodes
 * into manageInvoice (with the technical user's signature) to report the invoice to NAV. Made
 * from the invoice's frozen JSON alone, which already holds every amount NAV asks for: the lines
 * and the summary per VAT rate in the invoice's currency and in whole forints, the VAT fraction
 * or the exemption's code and legal reference, a storno's reference to its original.
 *
 * Pure: no Strapi, no clock, never a float. It does not send anything — sending needs the
 * business's technical user and the internet.
 *
 * Why strings and not fast-xml-parser's XMLBuilder: NAV's schema is a strict xs:sequence, so the
 * order of elements is the contract; here it is the order of the code, element by element, with
 * every optional one visibly dropped or kept. All text reaches the XML through one function
 * (navText → escapeXml), so what may go wrong with a buyer's odd name is decided in one place;
 * a builder would escape too, but its handling of control characters, empty values and number-like
 * strings would be one more thing to check against the schema.
 */
import type {
  InvoiceAddress,
  InvoiceBuyer,
  InvoiceJson,
  InvoiceLineJson,
  InvoiceSeller,
  InvoiceVatSummaryJson,
  PaymentMethod,
  VatExemption,
} from '../../../../shared/contracts/invoices';
import { divideRoundHalfUp, formatFixed, parseFixed } from '../../../../shared/domain/fixed-point';
import { currencyScale, DEFAULT_CURRENCY } from '../../../../shared/domain/money';

export const NAV_DATA_NAMESPACE = 'http://schemas.nav.gov.hu/OSA/3.0/data';
export const NAV_BASE_NAMESPACE = 'http://schemas.nav.gov.hu/OSA/3.0/base';
export const NAV_COMMON_NAMESPACE = 'http://schemas.nav.gov.hu/NTCA/1.0/common';

/** What an invoice's JSON cannot hold and NAV wants: the form the buyer got it in. */
export interface NavInvoiceOptions {
  /** Default: ELECTRONIC when the buyer has an e-mail address (the PDF goes there), else PAPER. */
  appearance?: 'PAPER' | 'ELECTRONIC';
}

/** Thrown when the invoice lacks what NAV cannot do without (the seller's tax number, address). */
export class NavDataError extends Error {}

// ---------------------------------------------------------------------------------------------
// XML: one tree of elements, every text escaped when it is written.

interface XmlElement {
  name: string;
  text?: string;
  children?: XmlElement[];
}

type Part = XmlElement | null;

const node = (name: string, ...children: Part[]): XmlElement => ({ name, children: children.filter((child) => child !== null) });

/** An element with text, or null when there is no text (NAV's texts are "NotBlank"). */
const leaf = (name: string, text: string | null): Part => (text === null ? null : { name, text });

/** &, <, > and both quotes: the last two only matter in attributes, but no text should care. */
const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);

const render = (element: XmlElement, depth: number): string => {
  const indent = '\t'.repeat(depth);
  if (element.text !== undefined) return `${indent}<${element.name}>${escapeXml(element.text)}</${element.name}>`;
  const children = element.children!.map((child) => render(child, depth + 1)).join('\n');
  return `${indent}<${element.name}>\n${children}\n${indent}</${element.name}>`;
};

// ---------------------------------------------------------------------------------------------
// Text as NAV takes it.

/**
 * Characters XML 1.0 cannot carry at all (NUL and the other C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF), removed; and the C1 controls, which it allows but no name means.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- the control characters are what it is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as NAV's SimpleTextNNNotBlankType takes it, or null when nothing is left: on one line
 * (its pattern's "." matches no line break), without what XML cannot carry, trimmed, and cut to
 * `max` characters — counted as the schema counts them, by code point, never halving one.
 */
export const navText = (value: string | null | undefined, max: number): string | null => {
  if (value === null || value === undefined) return null;
  const clean = value.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
  const cut = [...clean].slice(0, max).join('').trimEnd();
  return cut === '' ? null : cut;
};

// ---------------------------------------------------------------------------------------------
// Identifiers.

/** "12345676-2-42" as NAV's TaxNumberType: taxpayerId, vatCode, countyCode; the last two may be absent. */
const TAX_NUMBER = /^(\d{8})(?:[- ]?([1-5])[- ]?(\d{2}))?$/;

const navTaxNumber = (taxNumber: string): XmlElement[] | null => {
  const match = TAX_NUMBER.exec(taxNumber.trim());
  if (!match) return null;
  const [, taxpayerId, vatCode, countyCode] = match;
  return [leaf('base:taxpayerId', taxpayerId), leaf('base:vatCode', vatCode ?? null), leaf('base:countyCode', countyCode ?? null)].filter(
    (part): part is XmlElement => part !== null
  );
};

/** NAV's CommunityVatNumberType: "HU12345676", "DE123456789"; null when it is none. */
const communityVatNumber = (value: string | null): string | null => {
  if (!value) return null;
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  return /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(compact) ? compact : null;
};

/** NAV's BankAccountNumberType: a Hungarian giro number (two or three groups of 8) or an IBAN. */
const bankAccountNumber = (value: string | null): string | null => {
  if (!value) return null;
  const compact = value.trim().replace(/\s+/g, '');
  return /^([0-9]{8}-[0-9]{8}-[0-9]{8}|[0-9]{8}-[0-9]{8}|[A-Z]{2}[0-9]{2}[0-9A-Za-z]{11,30})$/.test(compact) ? compact : null;
};

/**
 * The address as NAV's simpleAddress — our address is one street line, not NAV's street name,
 * public place category and number apart — or null when NAV would refuse its country or postal code.
 */
const simpleAddress = (address: InvoiceAddress | null): XmlElement | null => {
  if (!address) return null;
  const countryCode = address.country.trim().toUpperCase();
  const postalCode = address.postalCode.trim().toUpperCase().replace(/\s+/g, ' ');
  const city = navText(address.city, 255);
  const street = navText(address.street, 255);
  if (!/^[A-Z]{2}$/.test(countryCode) || !/^[A-Z0-9][A-Z0-9\s-]{1,8}[A-Z0-9]$/.test(postalCode) || !city || !street) return null;
  return node(
    'base:simpleAddress',
    leaf('base:countryCode', countryCode),
    leaf('base:postalCode', postalCode),
    leaf('base:city', city),
    leaf('base:additionalAddressDetail', street)
  );
};

// ---------------------------------------------------------------------------------------------
// Numbers: decimal text in, decimal text out.

const decimalsOf = (text: string): number => (text.split('.')[1] ?? '').length;

/** An amount as NAV's MonetaryType: at most 2 decimals, as the invoice gives it (whole forints stay whole). */
const monetary = (amount: string): string => {
  parseFixed(amount, 2);
  return amount;
};

/** a × b, rounded half-up to `scale` decimals. */
const times = (a: string, b: string, scale: number): bigint => {
  const exact = parseFixed(a, decimalsOf(a)) * parseFixed(b, decimalsOf(b));
  const exactScale = decimalsOf(a) + decimalsOf(b);
  return exactScale <= scale ? exact * 10n ** BigInt(scale - exactScale) : divideRoundHalfUp(exact, 10n ** BigInt(exactScale - scale));
};

/** "10" (%) → "0.1": NAV's RateType, a fraction with at most 4 decimals. */
const percentAsRate = (percent: string): string => formatFixed(parseFixed(percent, 2), 4, { trim: true });

const isZero = (decimal: string): boolean => /^[+-]?0*(\.0*)?$/.test(decimal);

// ---------------------------------------------------------------------------------------------
// The head: supplier, customer, details.

const supplierInfo = (seller: InvoiceSeller): XmlElement => {
  const taxNumber = navTaxNumber(seller.taxNumber);
  const address = simpleAddress(seller.address);
  const name = navText(seller.name, 512);
  if (!taxNumber) throw new NavDataError(`the seller's tax number "${seller.taxNumber}" is not a Hungarian tax number`);
  if (!address) throw new NavDataError("the seller's address has no valid country, postal code, city and street");
  if (!name) throw new NavDataError("the seller's name is empty");
  return node(
    'supplierInfo',
    node('supplierTaxNumber', ...taxNumber),
    leaf('communityVatNumber', communityVatNumber(seller.euVatNumber)),
    leaf('supplierName', name),
    node('supplierAddress', address),
    leaf('supplierBankAccountNumber', bankAccountNumber(seller.bankAccount))
  );
};

/** customerVatData: a domestic buyer's tax number; someone else's EU VAT number; else nothing. */
const customerVatData = (buyer: InvoiceBuyer): Part => {
  if (buyer.vatStatus === 'domestic') {
    const taxNumber = buyer.taxNumber ? navTaxNumber(buyer.taxNumber) : null;
    return taxNumber ? node('customerVatData', node('customerTaxNumber', ...taxNumber)) : null;
  }
  const euVatNumber = communityVatNumber(buyer.euVatNumber);
  // A buyer outside the EU would give a thirdStateTaxId; the invoice keeps no such number.
  return euVatNumber ? node('customerVatData', leaf('communityVatNumber', euVatNumber)) : null;
};

const CUSTOMER_VAT_STATUS = { domestic: 'DOMESTIC', privatePerson: 'PRIVATE_PERSON', other: 'OTHER' } as const;

/**
 * A private person is reported by status alone: NAV's 3.0 rules forbid a private person's tax
 * data, name and address in the report (personal data that NAV does not need), as its sample
 * for a private buyer shows. The PDF still prints them.
 */
const customerInfo = (buyer: InvoiceBuyer): XmlElement => {
  const status = leaf('customerVatStatus', CUSTOMER_VAT_STATUS[buyer.vatStatus]);
  if (buyer.vatStatus === 'privatePerson') return node('customerInfo', status);
  const address = simpleAddress(buyer.address);
  return node(
    'customerInfo',
    status,
    customerVatData(buyer),
    leaf('customerName', navText(buyer.name, 512)),
    address && node('customerAddress', address)
  );
};

/**
 * Cash on delivery is OTHER: the buyer pays the courier — in cash or by card, which the invoice
 * does not know — and the courier transfers it on, so none of NAV's TRANSFER, CASH or CARD is
 * sure to be true of it.
 */
const PAYMENT_METHOD: Record<PaymentMethod, string> = {
  transfer: 'TRANSFER',
  cash: 'CASH',
  card: 'CARD',
  cashOnDelivery: 'OTHER',
  other: 'OTHER',
};

const invoiceDetail = (invoice: InvoiceJson, appearance: string): XmlElement =>
  node(
    'invoiceDetail',
    leaf('invoiceCategory', 'NORMAL'),
    leaf('invoiceDeliveryDate', invoice.fulfilmentDate),
    leaf('currencyCode', invoice.currency),
    leaf('exchangeRate', invoice.currency === DEFAULT_CURRENCY ? '1' : invoice.exchangeRate),
    leaf('paymentMethod', PAYMENT_METHOD[invoice.paymentMethod]),
    leaf('paymentDate', invoice.dueDate),
    leaf('invoiceAppearance', appearance)
  );

// ---------------------------------------------------------------------------------------------
// Lines.

/**
 * Our units as NAV's UnitOfMeasureType; any other is reported as OWN with its own name. A Map, not
 * an object: a unit typed "__proto__" or "constructor" is an own unit, not Object's properties.
 */
const UNIT_OF_MEASURE = new Map<string, string>([
  ['db', 'PIECE'],
  ['darab', 'PIECE'],
  ['pc', 'PIECE'],
  ['pcs', 'PIECE'],
  ['kg', 'KILOGRAM'],
  ['t', 'TON'],
  ['tonna', 'TON'],
  ['kwh', 'KWH'],
  ['nap', 'DAY'],
  ['óra', 'HOUR'],
  ['perc', 'MINUTE'],
  ['hó', 'MONTH'],
  ['hónap', 'MONTH'],
  ['l', 'LITER'],
  ['liter', 'LITER'],
  ['km', 'KILOMETER'],
  ['m3', 'CUBIC_METER'],
  ['m³', 'CUBIC_METER'],
  ['m', 'METER'],
  ['fm', 'LINEAR_METER'],
  ['karton', 'CARTON'],
  ['csomag', 'PACK'],
]);

/** Units of time, and "alkalom" (an occasion): what is sold by them is a service, not goods. */
const SERVICE_UNITS = new Set(['alkalom', 'nap', 'óra', 'perc', 'hó', 'hónap']);

const unitKey = (unit: string): string => unit.trim().toLowerCase().replace(/\.$/, '');

/** A line without a unit counts pieces: NAV wants a unit for every quantity. */
const unitOfMeasure = (unit: string): Part[] => {
  const own = navText(unit, 50);
  const known = own ? UNIT_OF_MEASURE.get(unitKey(own)) : 'PIECE';
  if (known) return [leaf('unitOfMeasure', known)];
  return [leaf('unitOfMeasure', 'OWN'), leaf('unitOfMeasureOwn', own)];
};

const lineNature = (line: InvoiceLineJson): string => (SERVICE_UNITS.has(unitKey(line.unit)) ? 'SERVICE' : 'PRODUCT');

/** vatPercentage for a rate charged, vatExemption or vatOutOfScope with NAV's case and our reason. */
const vatRate = (name: 'lineVatRate' | 'vatRate', rate: { vatPercentage: string | null; exemption: VatExemption | null }): XmlElement => {
  if (rate.exemption) {
    const { category, case: code, reason } = rate.exemption;
    return node(name, node(category, leaf('case', navText(code, 50)), leaf('reason', navText(reason, 200))));
  }
  if (rate.vatPercentage === null) throw new NavDataError('a line has neither a VAT percentage nor an exemption');
  return node(name, leaf('vatPercentage', rate.vatPercentage));
};

/** The unit price in forints: at the exchange rate, to the fillér, as NAV's samples give it. */
const unitPriceHuf = (invoice: InvoiceJson, line: InvoiceLineJson): string =>
  invoice.currency === DEFAULT_CURRENCY ? line.unitPrice : formatFixed(times(line.unitPrice, invoice.exchangeRate, 2), 2);

/**
 * The discount as NAV's lineDiscountData: its rate, and its value in the invoice's currency —
 * quantity × unit price less the net, so that the line adds up as NAV checks it (a storno's,
 * with its quantity and net negated, is negative too).
 */
const lineDiscountData = (invoice: InvoiceJson, line: InvoiceLineJson): Part => {
  if (isZero(line.discountPercent)) return null;
  const scale = currencyScale(invoice.currency);
  const value = times(line.quantity, line.unitPrice, scale) - parseFixed(line.net, scale);
  return node(
    'lineDiscountData',
    leaf('discountDescription', `${formatFixed(parseFixed(line.discountPercent, 2), 2, { trim: true })}% kedvezmény`),
    leaf('discountValue', formatFixed(value, scale)),
    leaf('discountRate', percentAsRate(line.discountPercent))
  );
};

/**
 * A storno's lines are new lines of the original (CREATE), numbered on from the original's last
 * line, as NAV's sample of a modification shows: a storno is the only change an invoice of ours
 * gets, and it has as many lines as its original.
 */
const lineModificationReference = (invoice: InvoiceJson, line: InvoiceLineJson): Part =>
  invoice.stornoOf
    ? node(
        'lineModificationReference',
        leaf('lineNumberReference', String(invoice.lines.length + line.position)),
        leaf('lineOperation', 'CREATE')
      )
    : null;

/** The SKU as the seller's own product code (NAV's OWN category); a free line without one has none. */
const productCodes = (line: InvoiceLineJson): Part => {
  const sku = navText(line.sku, 255);
  return sku === null
    ? null
    : node('productCodes', node('productCode', leaf('productCodeCategory', 'OWN'), leaf('productCodeOwnValue', sku)));
};

const lineAmountsNormal = (line: InvoiceLineJson): XmlElement =>
  node(
    'lineAmountsNormal',
    node('lineNetAmountData', leaf('lineNetAmount', monetary(line.net)), leaf('lineNetAmountHUF', monetary(line.netHuf))),
    vatRate('lineVatRate', line),
    node('lineVatData', leaf('lineVatAmount', monetary(line.vat)), leaf('lineVatAmountHUF', monetary(line.vatHuf))),
    node(
      'lineGrossAmountData',
      leaf('lineGrossAmountNormal', monetary(line.gross)),
      leaf('lineGrossAmountNormalHUF', monetary(line.grossHuf))
    )
  );

const invoiceLine = (invoice: InvoiceJson, line: InvoiceLineJson): XmlElement =>
  node(
    'line',
    leaf('lineNumber', String(line.position)),
    lineModificationReference(invoice, line),
    productCodes(line),
    leaf('lineExpressionIndicator', 'true'),
    leaf('lineNatureIndicator', lineNature(line)),
    leaf('lineDescription', navText(line.name, 512)),
    leaf('quantity', line.quantity),
    ...unitOfMeasure(line.unit),
    leaf('unitPrice', line.unitPrice),
    leaf('unitPriceHUF', unitPriceHuf(invoice, line)),
    lineDiscountData(invoice, line),
    lineAmountsNormal(line)
  );

// ---------------------------------------------------------------------------------------------
// Summary.

const summaryByVatRate = (row: InvoiceVatSummaryJson): XmlElement =>
  node(
    'summaryByVatRate',
    vatRate('vatRate', row),
    node('vatRateNetData', leaf('vatRateNetAmount', monetary(row.net)), leaf('vatRateNetAmountHUF', monetary(row.netHuf))),
    node('vatRateVatData', leaf('vatRateVatAmount', monetary(row.vat)), leaf('vatRateVatAmountHUF', monetary(row.vatHuf))),
    node('vatRateGrossData', leaf('vatRateGrossAmount', monetary(row.gross)), leaf('vatRateGrossAmountHUF', monetary(row.grossHuf)))
  );

const invoiceSummary = ({ totals }: InvoiceJson): XmlElement =>
  node(
    'invoiceSummary',
    node(
      'summaryNormal',
      ...totals.byVatRate.map(summaryByVatRate),
      leaf('invoiceNetAmount', monetary(totals.net)),
      leaf('invoiceNetAmountHUF', monetary(totals.netHuf)),
      leaf('invoiceVatAmount', monetary(totals.vat)),
      leaf('invoiceVatAmountHUF', monetary(totals.vatHuf))
    ),
    node('summaryGrossData', leaf('invoiceGrossAmount', monetary(totals.gross)), leaf('invoiceGrossAmountHUF', monetary(totals.grossHuf)))
  );

// ---------------------------------------------------------------------------------------------
// The document.

/** A storno refers to the invoice it cancels; it changes an original NAV already has (with master). */
const invoiceReference = (invoice: InvoiceJson): Part =>
  invoice.stornoOf
    ? node(
        'invoiceReference',
        leaf('originalInvoiceNumber', navText(invoice.stornoOf.number, 50)),
        leaf('modifyWithoutMaster', 'false'),
        leaf('modificationIndex', String(invoice.modificationIndex ?? 1))
      )
    : null;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const ROOT_ATTRIBUTES = `xmlns="${NAV_DATA_NAMESPACE}" xmlns:common="${NAV_COMMON_NAMESPACE}" xmlns:base="${NAV_BASE_NAMESPACE}"`;

/** The invoice's InvoiceData XML, UTF-8, as NAV's schema invoiceData.xsd (3.0) defines it. */
export const navInvoiceData = (invoice: InvoiceJson, options: NavInvoiceOptions = {}): string => {
  const appearance = options.appearance ?? (invoice.buyer.email ? 'ELECTRONIC' : 'PAPER');
  const number = navText(invoice.number, 50);
  if (!number) throw new NavDataError('the invoice has no number');
  const main = node(
    'invoiceMain',
    node(
      'invoice',
      invoiceReference(invoice),
      node('invoiceHead', supplierInfo(invoice.seller), customerInfo(invoice.buyer), invoiceDetail(invoice, appearance)),
      node('invoiceLines', leaf('mergedItemIndicator', 'false'), ...invoice.lines.map((line) => invoiceLine(invoice, line))),
      invoiceSummary(invoice)
    )
  );
  const body = [
    leaf('invoiceNumber', number),
    leaf('invoiceIssueDate', invoice.issueDate),
    leaf('completenessIndicator', 'false'),
    main,
  ] as XmlElement[];
  return `${XML_DECLARATION}\n<InvoiceData ${ROOT_ATTRIBUTES}>\n${body.map((part) => render(part, 1)).join('\n')}\n</InvoiceData>\n`;
};
