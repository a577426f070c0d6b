/**
 * Invoices (számla) from fulfilled and successful orders, and their stornos. An issue runs in one
 * transaction that locks the order, checks what the invoice needs (the order's state, no invoice
 * in force, the seller's and the buyer's details, the exchange rate), takes the series' next
 * number from its counter, writes the invoice — a snapshot that never changes —, books its stock
 * when invoices drive stock, and records it in the order's history; or it does none of these.
 * The PDF is made after the commit, by a job, once; the NAV XML is written from the snapshot.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type {
  BulkIssueResult,
  InvoiceJson,
  InvoiceListQuery,
  InvoiceSeriesJson,
  IssueInvoiceInput,
  IssueInvoicesInput,
  NavZipQuery,
} from '../../../../shared/contracts/invoices';
import { EXCHANGE_RATE_SCALE } from '../../../../shared/contracts/invoices';
import type { Invoicing, InvoiceSeries } from '../../../../shared/contracts/settings';
import { normalAddress } from '../../../../shared/domain/address';
import { addDays, dayIn, yearIn } from '../../../../shared/domain/calendar';
import { formatFixed, parseFixed } from '../../../../shared/domain/fixed-point';
import { HUF_RATE, invoiceLines, invoiceTotals, stornoLines, stornoTotals } from '../../../../shared/domain/invoice-content';
import { formatInvoiceNumber } from '../../../../shared/domain/invoice-number';
import { DEFAULT_CURRENCY, parseMoney } from '../../../../shared/domain/money';
import { conflict, invalidField, invalidFields, notFound, refusalOf } from '../../core/errors';
import { readIn, type Transaction } from '../../core/database';
import { violates } from '../../core/unique';
import { pagination } from '../../core/pages';
import { getService } from '../../core/service';
import { serializeCustomer } from '../customers/serializer';
import { readLogo } from '../documents/snapshot';
import type { CustomTemplate } from '../documents/templates/custom-template';
import { DEFAULT_INVOICE_TEMPLATE } from './invoice-template';
import { reconcileStock, stockLines } from '../orders/order-stock';
import { ordersRepository, type OrderRow } from '../orders/repository';
import { serializeOrderItem } from '../orders/serializer';
import { navInvoiceData } from './nav-invoice-data';
import { navFileName, navZip } from './nav-zip';
import { buyerOf, sellerOf, type Problems } from './parties';
import { invoicesRepository, NUMBER_INDEX, stockOf, type InvoiceContent, type InvoiceRow } from './repository';
import { invoiceFileName, serializeInvoice, serializeInvoiceSummary, serializeOrderInvoice } from './serializer';

/** The job that makes an invoice's PDF after its issue has committed. */
export const PDF_JOB = 'invoices.pdf';

/** The order states an invoice is issued from: the goods are delivered. */
const INVOICEABLE = ['fulfilled', 'successful'];
/** The most of an error the invoice keeps to show. */
const MAX_ERROR = 2000;

const noInvoice = (documentId: string) => notFound('invoiceNotFound', `No invoice ${documentId}`, { id: documentId });

const seriesOf = (invoicing: Invoicing, key: string | undefined): InvoiceSeries => {
  const series = invoicing.series.find((candidate) => candidate.key === (key ?? invoicing.defaultSeries));
  if (series) return series;
  const allowed = invoicing.series.map((candidate) => candidate.key);
  throw invalidField('series', 'unknownSeries', `unknown series "${key}"; the settings list ${allowed.join(', ')}`, { allowed });
};

/** The exchange rate an invoice takes: HUF per unit, required for a foreign currency, none for forints. */
const exchangeRateOf = (currency: string, given: string | undefined): string => {
  if (currency === DEFAULT_CURRENCY) {
    if (given !== undefined && parseFixed(given, EXCHANGE_RATE_SCALE) !== 10n ** BigInt(EXCHANGE_RATE_SCALE)) {
      throw invalidField('exchangeRate', 'exchangeRateNotTaken', 'an invoice in HUF takes no exchange rate');
    }
    return HUF_RATE;
  }
  if (given === undefined) {
    throw invalidField('exchangeRate', 'exchangeRateRequired', `an invoice in ${currency} needs the exchange rate: HUF per 1 ${currency}`, {
      currency,
    });
  }
  return formatFixed(parseFixed(given, EXCHANGE_RATE_SCALE), EXCHANGE_RATE_SCALE, { trim: true });
};

const createInvoicesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const invoices = invoicesRepository(strapi);
  const orders = ordersRepository(strapi);
  const settings = () => getService(strapi, 'settings');
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  const lockOrder = async (trx: Transaction, documentId: string) => {
    const order = await orders.lock(trx, documentId);
    if (!order) throw notFound('orderNotFound', `No order ${documentId}`, { id: documentId });
    return order;
  };

  /** An invoice's PDF by a template (null: the built-in one), with the seller's logo as it is now. */
  const render = async (invoice: InvoiceJson, template: CustomTemplate | null) => {
    const { company } = await settings().get();
    const logo = await readLogo(strapi, company.logo);
    return getService(strapi, 'documents').renderInvoice(invoice, logo?.dataUrl ?? null, template);
  };

  const findRow = async (documentId: string) => {
    const row = await invoices.find(documentId);
    if (!row) throw noInvoice(documentId);
    return row;
  };

  /** The day the order was last fulfilled, in the shop's calendar; the issue date when it never was. */
  const fulfilledDay = async (trx: Transaction, order: OrderRow, fallback: string) => {
    const at = await getService(strapi, 'history').lastEnteredAt(trx, order.id, 'fulfilled');
    return at ? dayIn(new Date(at), timeZone()) : fallback;
  };

  /** Refuses an issue date after today, or before the series' last: numbers follow dates. */
  const checkIssueDate = async (trx: Transaction, series: string, issueDate: string, today: string) => {
    if (issueDate > today) throw invalidField('issueDate', 'aboveMax', `must not be after today (${today})`, { max: today });
    const last = await invoices.lastIssueDate(trx, series);
    if (last && issueDate < last) {
      throw invalidField('issueDate', 'belowMin', `must not be before ${last}, the date of the series' last invoice`, { min: last });
    }
  };

  /**
   * Takes the next number and writes the invoice; a number the unique index refuses (a pattern
   * that repeats another series' numbers) is a 409 naming it, and the whole issue rolls back.
   */
  const write = async (
    trx: Transaction,
    content: Omit<InvoiceContent, 'number'>,
    series: InvoiceSeries,
    order: OrderRow,
    extra: { stornoOfDocumentId?: string; stock: ReturnType<typeof stockLines> }
  ) => {
    const year = Number(content.issueDate.slice(0, 4));
    const sequence = await invoices.takeSequence(trx, series.key, year);
    const number = formatInvoiceNumber(series.pattern, year, sequence);
    const full: InvoiceContent = { ...content, number };
    const row: Omit<InvoiceRow, 'id' | 'documentId' | 'createdAt'> = {
      number,
      series: series.key,
      year,
      sequence,
      type: content.type,
      state: 'issued',
      orderDocumentId: order.documentId,
      orderNumber: order.number,
      stornoOfDocumentId: extra.stornoOfDocumentId ?? null,
      stornoedBy: null,
      issueDate: content.issueDate,
      buyerName: content.buyer.name,
      currency: content.currency,
      grossMinor: parseMoney(content.totals.gross, content.currency).toString(),
      content: full,
      pdfState: 'pending',
      pdfError: null,
      contentHash: null,
      size: null,
      templateKey: null,
      templateVersion: null,
    };
    try {
      const created = await invoices.create(trx, { ...row, stock: extra.stock });
      // The answer is what was written: nothing to read back.
      return { ...created, number, json: serializeInvoice({ ...row, ...created }) };
    } catch (error) {
      if (violates(strapi, error, NUMBER_INDEX)) {
        throw conflict('invoiceNumberTaken', `The invoice number ${number} is taken: the series' pattern repeats another's numbers`, {
          number,
        });
      }
      throw error;
    }
  };

  /** The order's history and the after-commit work (the PDF job) of an invoice or storno just written. */
  const announce = async (
    trx: Transaction,
    order: OrderRow,
    invoice: { documentId: string; number: string },
    type: 'invoice' | 'storno',
    actor: Actor,
    note: string
  ) => {
    await getService(strapi, 'history').record(trx, order.id, { actor, action: type, from: order.state, to: order.state, note });
    await getService(strapi, 'events').publish('invoice.issued', {
      invoice,
      type,
      order: { documentId: order.documentId, number: order.number },
      actor,
    });
  };

  return {
    async issue(orderDocumentId: string, input: IssueInvoiceInput, actor: Actor): Promise<InvoiceJson> {
      const config = await settings().get();
      const { invoicing, company } = config;
      const series = seriesOf(invoicing, input.series);
      const today = dayIn(new Date(), timeZone());
      const issueDate = input.issueDate ?? today;
      const dueDate = input.dueDate ?? addDays(issueDate, invoicing.dueDays);
      if (dueDate < issueDate)
        throw invalidField('dueDate', 'belowMin', `must not be before the issue date (${issueDate})`, { min: issueDate });
      const issued = await strapi.db.transaction(async ({ trx }) => {
        const order = await lockOrder(trx, orderDocumentId);
        if (!INVOICEABLE.includes(order.state)) {
          throw conflict(
            'orderNotInvoiceable',
            `Order ${order.number} is ${order.state}: only a fulfilled or successful order is invoiced`,
            {
              number: order.number,
              state: order.state,
            }
          );
        }
        const inForce = await invoices.inForce(trx, order.documentId);
        if (inForce) {
          throw conflict(
            'alreadyInvoiced',
            `Order ${order.number} has an invoice in force already: ${inForce.number}. Storno it to invoice the order again`,
            {
              number: order.number,
              invoice: inForce.number,
            }
          );
        }
        await checkIssueDate(trx, series.key, issueDate, today);
        const exchangeRate = exchangeRateOf(order.currency, input.exchangeRate);
        const items = [...order.items].sort((a, b) => a.position - b.position).map((item) => serializeOrderItem(item, order.currency));
        const needsEuVatNumber = items.some((item) => item.vatRate === 'EU');
        const problems: Problems = [];
        const seller = sellerOf(company, { needsEuVatNumber }, problems);
        const buyer = buyerOf(
          serializeCustomer(order.customer),
          { needsEuVatNumber, billingAddress: normalAddress(order.billingAddress) },
          problems
        );
        if (problems.length || !seller || !buyer) throw invalidFields(problems);
        const lines = invoiceLines(items, order.currency, exchangeRate);
        const content: Omit<InvoiceContent, 'number'> = {
          series: series.key,
          type: 'invoice',
          order: { documentId: order.documentId, number: order.number },
          stornoOf: null,
          stornoReason: null,
          modificationIndex: null,
          issueDate,
          fulfilmentDate: input.fulfilmentDate ?? (await fulfilledDay(trx, order, issueDate)),
          dueDate,
          paymentMethod: input.paymentMethod ?? invoicing.paymentMethod,
          currency: order.currency,
          exchangeRate,
          language: order.language ?? 'hu',
          seller,
          buyer,
          lines,
          totals: invoiceTotals(lines, order.currency),
          issuedBy: actor,
          issuedAt: new Date().toISOString(),
        };
        const stock = stockLines(order);
        const { id, documentId, number, json } = await write(trx, content, series, order, { stock });
        await reconcileStock(strapi, order, order.state, config, actor, {
          cause: 'invoice',
          writeOff: false,
          invoiced: { lines: stock, invoice: { id } },
        });
        await announce(trx, order, { documentId, number }, 'invoice', actor, number);
        return json;
      });
      return issued as InvoiceJson;
    },

    /** "Számla" for several orders from the list: each issued on its own, with the defaults; a result per order. */
    async issueMany({ orders: ids, paymentMethod, series }: IssueInvoicesInput, actor: Actor): Promise<BulkIssueResult[]> {
      const results: BulkIssueResult[] = [];
      for (const order of ids) {
        try {
          const invoice = await this.issue(order, { paymentMethod, series }, actor);
          results.push({ order, ok: true, invoice: { documentId: invoice.documentId, number: invoice.number } });
        } catch (error) {
          const outcome = refusalOf(error);
          if (outcome.status >= 500) strapi.log.error(`orders: invoicing order ${order} failed: ${(error as Error)?.stack ?? error}`);
          results.push({ order, ok: false, error: outcome });
        }
      }
      return results;
    },

    /**
     * "Sztornó": a storno invoice with the series' next number, the original's lines negated and
     * a reference to it; the original is marked stornoed — its content and PDF stay as they were —
     * and, when invoices drive stock, its goods return.
     */
    async storno(documentId: string, reason: string, actor: Actor): Promise<InvoiceJson> {
      const config = await settings().get();
      const { invoicing } = config;
      const found = await findRow(documentId);
      const stornoed = await strapi.db.transaction(async ({ trx }) => {
        // The order first, then the invoice: the lock order of an issue, so the two never deadlock.
        const order = await lockOrder(trx, found.orderDocumentId);
        const original = (await invoices.lock(trx, documentId))!;
        if (original.type === 'storno')
          throw conflict('stornoOfStorno', `${original.number} is a storno invoice: it cannot be stornoed`, { number: original.number });
        if (original.state === 'stornoed') {
          throw conflict('alreadyStornoed', `${original.number} is stornoed already, by ${original.stornoedBy?.number}`, {
            number: original.number,
            storno: original.stornoedBy?.number ?? '',
          });
        }
        // In the original's series; in the default one if the settings no longer list it.
        const series = invoicing.series.find((candidate) => candidate.key === original.series) ?? seriesOf(invoicing, undefined);
        const today = dayIn(new Date(), timeZone());
        await checkIssueDate(trx, series.key, today, today);
        const { content } = original;
        const storno: Omit<InvoiceContent, 'number'> = {
          ...content,
          type: 'storno',
          stornoOf: { documentId: original.documentId, number: original.number, issueDate: original.issueDate },
          stornoReason: reason,
          modificationIndex: 1,
          issueDate: today,
          dueDate: today,
          lines: stornoLines(content.lines),
          totals: stornoTotals(content.totals),
          issuedBy: actor,
          issuedAt: new Date().toISOString(),
        };
        const {
          id,
          documentId: stornoDocumentId,
          number,
          json,
        } = await write(trx, storno, series, order, {
          stornoOfDocumentId: original.documentId,
          stock: [],
        });
        const written = { documentId: stornoDocumentId, number };
        await invoices.markStornoed(trx, original.id, written);
        await reconcileStock(strapi, order, order.state, config, actor, {
          cause: 'storno',
          writeOff: false,
          invoiced: { lines: null, invoice: { id } },
        });
        await announce(trx, order, written, 'storno', actor, `${number} (${original.number}): ${reason}`);
        return json;
      });
      return stornoed as InvoiceJson;
    },

    get: async (documentId: string): Promise<InvoiceJson> => serializeInvoice(await findRow(documentId)),

    async list({ page, pageSize, ...filters }: InvoiceListQuery) {
      const [rows, total] = await invoices.list(filters, { page, pageSize });
      return { data: rows.map(serializeInvoiceSummary), meta: pagination({ page, pageSize }, total) };
    },

    /** The order's invoices, for its JSON. */
    ofOrder: async (orderDocumentId: string) => (await invoices.ofOrder(orderDocumentId)).map(serializeOrderInvoice),

    /** What the order's invoice in force booked of stock, read in the caller's transaction; null without one. */
    stockInForce: async (orderDocumentId: string) =>
      readIn(strapi, async (db) => {
        const inForce = await invoices.inForce(db, orderDocumentId);
        return inForce ? stockOf(inForce.stock) : null;
      }),

    /** Each series with the number its next invoice of this year would take. */
    async series(): Promise<InvoiceSeriesJson[]> {
      const { invoicing } = await settings().get();
      const year = yearIn(new Date(), timeZone());
      return Promise.all(
        invoicing.series.map(async ({ key, name, pattern }) => ({
          key,
          name,
          pattern,
          nextNumber: formatInvoiceNumber(pattern, year, await invoices.nextSequence(key, year)),
        }))
      );
    },

    /**
     * The job's work: makes the PDF once, by the default invoice template (a custom one, or the
     * built-in one), and records which; a PDF made is never made again.
     */
    async makePdf(documentId: string): Promise<void> {
      const row = await findRow(documentId);
      if (row.pdfState === 'issued') return;
      try {
        const custom = await getService(strapi, 'documentTemplates').theDefault('invoice');
        const pdf = await render(serializeInvoice(row), (custom?.definition as CustomTemplate | undefined) ?? null);
        await invoices.recordPdf(row.id, {
          pdfState: 'issued',
          templateKey: custom?.key ?? DEFAULT_INVOICE_TEMPLATE.key,
          templateVersion: custom?.version ?? DEFAULT_INVOICE_TEMPLATE.version,
          pdfError: null,
          pdf: pdf.toString('base64'),
          contentHash: createHash('sha256').update(pdf).digest('hex'),
          size: pdf.length,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await invoices.recordPdf(row.id, { pdfState: 'failed', pdfError: message.slice(0, MAX_ERROR) });
        throw error;
      }
    },

    /** An invoice template's PDF for an invoice, made now and kept nowhere: the template editor's preview. */
    preview: async (documentId: string, template: CustomTemplate): Promise<Buffer> =>
      render(serializeInvoice(await findRow(documentId)), template),

    /** "Retry": a PDF that could not be made, made again now; one made already is left as it is. */
    async retryPdf(documentId: string): Promise<InvoiceJson> {
      await this.makePdf(documentId).catch((error: Error) =>
        strapi.log.warn(`orders: the PDF of invoice ${documentId} could not be made: ${error.message}`)
      );
      return this.get(documentId);
    },

    /** The PDF's bytes as they were made, or a 409 while it is not made. */
    async pdf(documentId: string): Promise<{ invoice: InvoiceJson; bytes: Buffer }> {
      const row = await findRow(documentId);
      const bytes = row.pdfState === 'issued' ? await invoices.pdfOf(row.id) : null;
      if (!bytes) {
        throw conflict('invoicePdfNotMade', `The PDF of invoice ${row.number} is ${row.pdfState}: it has not been made`, {
          number: row.number,
          state: row.pdfState,
        });
      }
      return { invoice: serializeInvoice(row), bytes };
    },

    /** The invoice's NAV InvoiceData XML, written from its snapshot. */
    async navXml(documentId: string): Promise<{ fileName: string; xml: string }> {
      const invoice = serializeInvoice(await findRow(documentId));
      return { fileName: invoiceFileName(invoice, 'hu', 'xml'), xml: navInvoiceData(invoice) };
    },

    /** The NAV XML of every invoice issued in the range, in one ZIP. */
    async navZip({ from, to }: NavZipQuery): Promise<{ fileName: string; zip: Buffer }> {
      const rows = await invoices.inRange(from, to);
      const files = rows.map((row) => {
        const invoice = serializeInvoice(row);
        return { name: navFileName(invoice.number), xml: navInvoiceData(invoice) };
      });
      return { fileName: `nav-${from}-${to}.zip`, zip: navZip(files) };
    },
  };
};

export default createInvoicesService;
