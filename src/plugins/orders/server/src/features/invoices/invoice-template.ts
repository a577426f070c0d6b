/**
 * The invoice's PDF: a pdfmake document definition of an invoice's snapshot (InvoiceJson), in
 * its language, as a Hungarian invoice looks and with every particular Áfa tv. 169. § asks for —
 * the number, the issue, fulfilment and due dates, the seller and the buyer with their tax
 * numbers, each line with its quantity, unit price, discount, rate (or the exemption, its legal
 * reference under the table), the summary per VAT rate and the totals; for a currency other
 * than the forint, the exchange rate and the amounts in forints (Áfa tv. 80. §); for a storno,
 * the invoice it cancels and why.
 *
 * Drawn from the order document's blocks, so both look alike. Pure: no Strapi, no pdfmake, no
 * file or URL; the invoice says everything already computed, and only its words are chosen here.
 */
import type { DocumentLanguage } from '../../../../shared/contracts/documents';
import type { InvoiceBuyer, InvoiceJson, InvoiceLineJson, PaymentMethod } from '../../../../shared/contracts/invoices';
import {
  formatAmount,
  formatCalendarDay,
  formatDiscount,
  formatQuantityWithUnit,
  formatVatRate,
} from '../../../../shared/domain/document-format';
import { DEFAULT_CURRENCY } from '../../../../shared/domain/money';
import { isExemptVatRate, VAT_EXEMPTIONS } from '../../../../shared/domain/vat';
// In the order the invoice draws them, top to bottom.
import {
  PARTY_WORDS,
  builtInDocument,
  heading,
  partiesRow,
  partyBlock,
  linesTableOf,
  headerRow,
  nameCell,
  right,
  labelledTable,
  totalsTable,
  type DocumentDefinition,
  type Fact,
  type PdfNode,
  type PrintedParty,
} from '../documents/templates/blocks';

const WORDS = {
  hu: {
    ...PARTY_WORDS.hu,
    invoice: 'Számla',
    storno: 'Sztornó számla',
    number: 'Számla sorszáma',
    issueDate: 'Számla kelte',
    fulfilmentDate: 'Teljesítés dátuma',
    dueDate: 'Fizetési határidő',
    paymentMethod: 'Fizetési mód',
    paymentMethods: { transfer: 'Átutalás', cash: 'Készpénz', card: 'Bankkártya', cashOnDelivery: 'Utánvét', other: 'Egyéb' },
    currency: 'Pénznem',
    exchangeRate: 'Árfolyam',
    order: 'Megrendelés száma',
    cancels: (number: string, day: string) => `Az eredeti számla: ${number}, kelte: ${day}`,
    stornoReason: 'A sztornó oka',
    columns: ['#', 'Megnevezés', 'Mennyiség', 'Nettó egységár', 'Kedvezmény', 'Nettó érték', 'ÁFA-kulcs', 'ÁFA', 'Bruttó érték'],
    summary: 'ÁFA-összesítő',
    summaryColumns: ['ÁFA-kulcs', 'Nettó', 'ÁFA', 'Bruttó'],
    summaryHufColumns: ['Nettó (Ft)', 'ÁFA (Ft)', 'Bruttó (Ft)'],
    totals: { net: 'Nettó összesen', vat: 'ÁFA összesen', gross: 'Bruttó összesen' },
    totalsHuf: { net: 'Nettó összesen forintban', vat: 'ÁFA összesen forintban', gross: 'Bruttó összesen forintban' },
    amountDue: 'Fizetendő',
  },
  en: {
    ...PARTY_WORDS.en,
    invoice: 'Invoice',
    storno: 'Storno invoice',
    number: 'Invoice number',
    issueDate: 'Issue date',
    fulfilmentDate: 'Fulfilment date',
    dueDate: 'Due date',
    paymentMethod: 'Payment method',
    paymentMethods: { transfer: 'Bank transfer', cash: 'Cash', card: 'Card', cashOnDelivery: 'Cash on delivery', other: 'Other' },
    currency: 'Currency',
    exchangeRate: 'Exchange rate',
    order: 'Order number',
    cancels: (number: string, day: string) => `Cancels invoice ${number} of ${day}`,
    stornoReason: 'Reason for the storno',
    columns: ['#', 'Item', 'Quantity', 'Unit price', 'Discount', 'Net', 'VAT rate', 'VAT', 'Gross'],
    summary: 'VAT summary',
    summaryColumns: ['VAT rate', 'Net', 'VAT', 'Gross'],
    summaryHufColumns: ['Net (HUF)', 'VAT (HUF)', 'Gross (HUF)'],
    totals: { net: 'Net total', vat: 'VAT total', gross: 'Gross total' },
    totalsHuf: { net: 'Net total in HUF', vat: 'VAT total in HUF', gross: 'Gross total in HUF' },
    amountDue: 'Amount due',
  },
} as const satisfies Record<DocumentLanguage, Record<string, unknown> & { paymentMethods: Record<PaymentMethod, string> }>;

type Words = (typeof WORDS)[DocumentLanguage];

/** How the invoice writes its amounts, days and the forints beside a foreign currency. */
const writerOf = (invoice: InvoiceJson) => ({
  money: (value: string) => formatAmount(value, invoice.currency, invoice.language),
  forints: (value: string) => formatAmount(value, DEFAULT_CURRENCY, invoice.language),
  day: (day: string) => formatCalendarDay(day, invoice.language),
});

type Writer = ReturnType<typeof writerOf>;

/** Whether the invoice is in a currency other than the forint, and must say its forints too (Áfa tv. 80. §). */
const isForeign = (invoice: InvoiceJson) => invoice.currency !== DEFAULT_CURRENCY;

const titleOf = (invoice: InvoiceJson, words: Words) => (invoice.type === 'storno' ? words.storno : words.invoice);

const headingOf = (invoice: InvoiceJson, words: Words, write: Writer, hasLogo: boolean): PdfNode => {
  const facts: Fact[] = [
    [words.number, invoice.number],
    [words.issueDate, write.day(invoice.issueDate)],
    [words.fulfilmentDate, write.day(invoice.fulfilmentDate)],
    [words.dueDate, write.day(invoice.dueDate)],
    [words.paymentMethod, words.paymentMethods[invoice.paymentMethod]],
    [words.currency, invoice.currency],
    // "1 EUR = 395,12 Ft": the rate is the forints of one unit.
    ...(isForeign(invoice) ? [[words.exchangeRate, `1 ${invoice.currency} = ${write.forints(invoice.exchangeRate)}`] as Fact] : []),
    [words.order, invoice.order.number],
  ];
  const { stornoOf, stornoReason } = invoice;
  const reference: PdfNode[] = stornoOf
    ? [
        { text: words.cancels(stornoOf.number, write.day(stornoOf.issueDate)), alignment: 'right', bold: true, margin: [0, 6, 0, 0] },
        ...(stornoReason ? [{ text: `${words.stornoReason}: ${stornoReason}`, alignment: 'right' }] : []),
      ]
    : [];
  return heading(titleOf(invoice, words), facts, hasLogo, reference);
};

/**
 * The buyer as the invoice names them: a Hungarian company by its tax number, an EU company by
 * its EU VAT number, a private person by nothing tax-related (they have no number to print).
 */
const printedBuyer = (buyer: InvoiceBuyer): PrintedParty => ({
  name: buyer.name,
  address: buyer.address,
  taxNumber: buyer.vatStatus === 'domestic' ? buyer.taxNumber : null,
  euVatNumber: buyer.vatStatus === 'privatePerson' ? null : buyer.euVatNumber,
});

const lineRow = (line: InvoiceLineJson, invoice: InvoiceJson, write: Writer): PdfNode[] => [
  String(line.position),
  nameCell(line.name, [line.sku, line.note].filter(Boolean).join(' · ') || null),
  right(formatQuantityWithUnit(line.quantity, line.unit, invoice.language)),
  right(write.money(line.unitPrice)),
  right(formatDiscount(line.discountPercent, invoice.language)),
  right(write.money(line.net)),
  right(formatVatRate(line.vatRate, invoice.language)),
  right(write.money(line.vat)),
  right(write.money(line.gross)),
];

/** The lines, the header repeated on every page: from the quantity on, every column is a number. */
const linesOf = (invoice: InvoiceJson, words: Words, write: Writer): PdfNode =>
  linesTableOf(
    headerRow(words.columns, 2),
    invoice.lines.map((line) => lineRow(line, invoice, write)),
    ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto']
  );

/**
 * Why each exempt rate carries no VAT, once per rate, under the lines: "AAM: Alanyi adómentes
 * (Áfa tv. XIII. fejezet)". The legal reference is the Hungarian the invoice was issued with
 * (NAV's); an English invoice says it in English first.
 */
const exemptionNotes = (invoice: InvoiceJson): PdfNode[] => {
  const notes = invoice.totals.byVatRate.flatMap(({ vatRate, exemption }) => {
    if (!exemption) return [];
    const english = invoice.language === 'en' && isExemptVatRate(vatRate) ? `${VAT_EXEMPTIONS[vatRate].reasonEn} – ` : '';
    return [`${vatRate}: ${english}${exemption.reason}`];
  });
  return notes.length ? [{ stack: notes, fontSize: 7.5, margin: [0, -6, 0, 12] }] : [];
};

/** The summary per VAT rate (ÁFA-összesítő); in a foreign currency, each rate's forints beside. */
const summaryOf = (invoice: InvoiceJson, words: Words, write: Writer): PdfNode[] => {
  const foreign = isForeign(invoice);
  const rows = invoice.totals.byVatRate.map((row) => [
    formatVatRate(row.vatRate, invoice.language),
    ...[row.net, row.vat, row.gross].map((amount) => right(write.money(amount))),
    ...(foreign ? [row.netHuf, row.vatHuf, row.grossHuf].map((amount) => right(write.forints(amount))) : []),
  ]);
  const columns = foreign ? [...words.summaryColumns, ...words.summaryHufColumns] : words.summaryColumns;
  return labelledTable(words.summary, headerRow(columns, 1), rows, [50, ...columns.slice(1).map(() => '*')]);
};

/** Net, VAT and gross, in a foreign currency their forints, and what is to be paid. */
const totalsOf = (invoice: InvoiceJson, words: Words, write: Writer): PdfNode => {
  const { totals } = invoice;
  const forints: Fact[] = isForeign(invoice)
    ? [
        [words.totalsHuf.net, write.forints(totals.netHuf)],
        [words.totalsHuf.vat, write.forints(totals.vatHuf)],
        [words.totalsHuf.gross, write.forints(totals.grossHuf)],
      ]
    : [];
  return totalsTable([
    [words.totals.net, write.money(totals.net)],
    [words.totals.vat, write.money(totals.vat)],
    [words.totals.gross, write.money(totals.gross)],
    ...forints,
    [words.amountDue, write.money(totals.gross)],
  ]);
};

/**
 * The summary beside the totals; a foreign currency's summary, twice as wide with its forints,
 * above them. Kept together on one page.
 */
const closing = (invoice: InvoiceJson, words: Words, write: Writer): PdfNode => {
  const summary = summaryOf(invoice, words, write);
  const totals = totalsOf(invoice, words, write);
  if (!isForeign(invoice)) return { columns: [{ width: 260, stack: summary }, totals], columnGap: 24, unbreakable: true };
  return {
    stack: [
      ...summary,
      {
        columns: [
          { text: '', width: '*' },
          { width: 260, stack: [totals] },
        ],
        margin: [0, 12, 0, 0],
      },
    ],
    unbreakable: true,
  };
};

/**
 * The invoice's document definition, in the invoice's language. `logo` is the seller's logo as a
 * data URL (PNG or JPEG), or null. Every date on an invoice is already a day of the shop's
 * calendar, so no time zone is needed to print it.
 */
export const invoiceDocument = (invoice: InvoiceJson, logo: string | null): DocumentDefinition => {
  const words = WORDS[invoice.language];
  const write = writerOf(invoice);
  return builtInDocument(
    { title: `${titleOf(invoice, words)} ${invoice.number}`, author: invoice.seller.name, issuedAt: invoice.issuedAt },
    logo,
    [
      headingOf(invoice, words, write, Boolean(logo)),
      partiesRow(partyBlock(words.seller, invoice.seller, words), partyBlock(words.buyer, printedBuyer(invoice.buyer), words)),
      linesOf(invoice, words, write),
      ...exemptionNotes(invoice),
      closing(invoice, words, write),
    ]
  );
};
