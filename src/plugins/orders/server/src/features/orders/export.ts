/**
 * The orders export: the orders the list's filters find (or a selection of them), one row per
 * order or one per line, as CSV for Excel or as an Excel workbook (exceljs). Both are streamed, a
 * batch of orders at a time, so an export of every order never sits in memory whole.
 *
 * Money and quantities stay decimal strings from the database to the file: the CSV writes the
 * string (with a decimal comma in Hungarian); the workbook turns it into a number cell with
 * Number() only at the very edge, for the spreadsheet — Excel keeps every number as a double
 * anyway, and amounts below 10^15 minor units are exact in one. No sum is ever made of those.
 */
import { PassThrough, Readable, type Writable } from 'stream';
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import type { OrderCsvQuery, OrderItemJson, OrderXlsxQuery } from '../../../../shared/contracts/orders';
import { customStatusLabel, type CustomStatus } from '../../../../shared/contracts/settings';
import { wallClockOf } from '../../../../shared/domain/calendar';
import { CSV_BOM, csvHeader, csvNumber, csvRow, inertText, type CsvColumn, type CsvLanguage } from '../../../../shared/domain/csv';
import { toBigInt } from '../../../../shared/domain/fixed-point';
import type { OrderState } from '../../../../shared/domain/lifecycle';
import { currencyScale, formatMoney } from '../../../../shared/domain/money';
import { getService } from '../../core/service';
import { ordersRepository, type OrderExportRow } from './repository';
import { serializeOrderItem } from './serializer';

/** How many orders one batch reads: a few queries per batch, whatever the size of the export. */
const BATCH = 200;

/** Whether a stream holds more than it wants to: readable-stream 2 (under exceljs's zip) has no writableNeedDrain, only its state's. */
const isFull = (stream: Writable) =>
  stream.writableNeedDrain ?? (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;

/**
 * Resolves once `out` can take more — at once when it can, else when the reader has taken what
 * waits in it ('drain') — or once it is gone (the reader left). The export writes its next batch
 * only then: a slow reader is sent the file at its own pace instead of the whole file piling up
 * in memory in front of it.
 */
const roomIn = (out: Writable | undefined) =>
  new Promise<void>((resolve) => {
    if (!out || !isFull(out) || out.destroyed) return resolve();
    const done = () => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });

/** What a cell holds: a text, a decimal string (money or a quantity), a whole number, or an instant. */
type Kind = 'text' | 'money' | 'quantity' | 'integer' | 'date';

/** One row of the file: an order, and one of its lines when the export is per line. */
interface ExportRecord {
  order: OrderExportRow;
  line?: OrderItemJson;
}

interface Column extends CsvColumn {
  kind: Kind;
  /** Its width in the workbook, in characters. */
  width: number;
  value: (record: ExportRecord, words: Words) => string | number | Date | null;
}

/** What the export words in the reader's language beyond the column names. */
interface Words {
  language: CsvLanguage;
  customStatuses: CustomStatus[];
}

/** The states in the glossary's words. */
const STATE_NAMES: { [State in OrderState]: CsvColumn } = {
  draft: { en: 'Draft', hu: 'Piszkozat' },
  finalized: { en: 'Finalized', hu: 'Véglegesített' },
  fulfilled: { en: 'Fulfilled', hu: 'Teljesített' },
  successful: { en: 'Successful', hu: 'Sikeres' },
  failed: { en: 'Failed', hu: 'Sikertelen' },
};

const MANUAL: CsvColumn = { en: 'Manual', hu: 'Kézi' };

const money = (minor: unknown, currency: string) => formatMoney(toBigInt(minor), currency);

/** The order's columns, the same in both files and in both kinds of rows. */
const ORDER_COLUMNS: Column[] = [
  { en: 'Number', hu: 'Sorszám', kind: 'text', width: 14, value: ({ order }) => order.number },
  { en: 'Date', hu: 'Dátum', kind: 'date', width: 17, value: ({ order }) => new Date(order.createdAt) },
  {
    en: 'State',
    hu: 'Állapot',
    kind: 'text',
    width: 14,
    value: ({ order }, { language }) => STATE_NAMES[order.state]?.[language] ?? order.state,
  },
  {
    en: 'Custom status',
    hu: 'Egyedi státusz',
    kind: 'text',
    width: 18,
    value: ({ order }, { customStatuses, language }) => {
      const status = order.customStatus ? customStatuses.find((candidate) => candidate.key === order.customStatus) : undefined;
      return status ? customStatusLabel(status, language) : (order.customStatus ?? null);
    },
  },
  {
    en: 'Source',
    hu: 'Forrás',
    kind: 'text',
    width: 16,
    value: ({ order }, { language }) => (order.source === 'manual' ? MANUAL[language] : (order.connection?.name ?? order.source)),
  },
  { en: "Shop's number", hu: 'Webshop sorszáma', kind: 'text', width: 14, value: ({ order }) => order.externalNumber ?? null },
  { en: 'Customer', hu: 'Ügyfél', kind: 'text', width: 24, value: ({ order }) => order.customer?.name ?? null },
  { en: 'Email', hu: 'E-mail', kind: 'text', width: 24, value: ({ order }) => order.customer?.email ?? null },
  { en: 'Phone', hu: 'Telefon', kind: 'text', width: 16, value: ({ order }) => order.customer?.phone ?? null },
  { en: 'Company', hu: 'Cégnév', kind: 'text', width: 20, value: ({ order }) => order.customer?.company ?? null },
  { en: 'Tax number', hu: 'Adószám', kind: 'text', width: 15, value: ({ order }) => order.customer?.taxNumber ?? null },
  { en: 'Currency', hu: 'Pénznem', kind: 'text', width: 9, value: ({ order }) => order.currency },
];

/** The order's totals: a row per order ends with them. */
const TOTAL_COLUMNS: Column[] = [
  { en: 'Lines', hu: 'Tételek', kind: 'integer', width: 8, value: ({ order }) => order.lineCount },
  { en: 'Net', hu: 'Nettó', kind: 'money', width: 14, value: ({ order }) => money(order.netTotalMinor, order.currency) },
  { en: 'VAT', hu: 'ÁFA', kind: 'money', width: 14, value: ({ order }) => money(order.vatTotalMinor, order.currency) },
  { en: 'Gross', hu: 'Bruttó', kind: 'money', width: 14, value: ({ order }) => money(order.grossTotalMinor, order.currency) },
];

/** A line's own columns: a row per line ends with them. */
const LINE_COLUMNS: Column[] = [
  { en: '#', hu: '#', kind: 'integer', width: 5, value: ({ line }) => (line ? line.position + 1 : null) },
  { en: 'SKU', hu: 'Cikkszám', kind: 'text', width: 16, value: ({ line }) => line?.sku ?? null },
  { en: 'Name', hu: 'Megnevezés', kind: 'text', width: 28, value: ({ line }) => line?.name ?? null },
  { en: 'Quantity', hu: 'Mennyiség', kind: 'quantity', width: 10, value: ({ line }) => line?.quantity ?? null },
  { en: 'Unit', hu: 'Egység', kind: 'text', width: 8, value: ({ line }) => line?.unit ?? null },
  { en: 'Unit price (net)', hu: 'Nettó egységár', kind: 'money', width: 14, value: ({ line }) => line?.unitPrice ?? null },
  { en: 'Discount %', hu: 'Kedvezmény %', kind: 'quantity', width: 10, value: ({ line }) => line?.discountPercent ?? null },
  { en: 'VAT rate', hu: 'ÁFA-kulcs', kind: 'text', width: 9, value: ({ line }) => line?.vatRate ?? null },
  { en: 'Net', hu: 'Nettó', kind: 'money', width: 14, value: ({ line }) => line?.net ?? null },
  { en: 'VAT', hu: 'ÁFA', kind: 'money', width: 14, value: ({ line }) => line?.vat ?? null },
  { en: 'Gross', hu: 'Bruttó', kind: 'money', width: 14, value: ({ line }) => line?.gross ?? null },
];

const columnsOf = (rows: OrderCsvQuery['rows']) =>
  rows === 'lines' ? [...ORDER_COLUMNS, ...LINE_COLUMNS] : [...ORDER_COLUMNS, ...TOTAL_COLUMNS];

/** The rows of a batch of orders: one per order, or one per line (an order without lines has none). */
const recordsOf = (orders: OrderExportRow[], perLine: boolean): ExportRecord[] =>
  perLine
    ? orders.flatMap((order) =>
        [...(order.items ?? [])]
          .sort((a, b) => a.position - b.position)
          .map((item) => ({ order, line: serializeOrderItem(item, order.currency) }))
      )
    : orders.map((order) => ({ order }));

/** "2026-11-27 14:03": the shop's wall clock, as Excel reads a date and time in either language. */
const csvDate = (instant: Date, timeZone: string) => wallClockOf(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ');

/** A cell of the CSV: decimals with the reader's decimal mark, text made inert. */
const csvCell = (column: Column, value: ReturnType<Column['value']>, language: CsvLanguage, timeZone: string): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return csvDate(value, timeZone);
  if (column.kind === 'money' || column.kind === 'quantity') return csvNumber(String(value), language);
  if (column.kind === 'integer') return String(value);
  return inertText(String(value));
};

/** Excel's number format of an amount in the currency: whole forints, cents otherwise. */
const moneyFormat = (currency: string) => (currencyScale(currency) === 0 ? '#,##0' : '#,##0.00');
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * What exceljs writes a sheet's rows into: the zip's input, fed by the sheet's stream (a StreamBuf
 * of exceljs's own), which writes whatever the input answers — so the rows of a slow download
 * would pile up there, before the zip. The export waits on it itself. Undefined until the zip has
 * begun reading the sheet (a moment after its first rows).
 */
const zipInputOf = (sheet: ExcelJS.Worksheet): Writable | undefined =>
  (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];

const createOrdersExportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const orders = ordersRepository(strapi);
  const timeZone = (): string => strapi.plugin('orders').config('timeZone');

  /** The orders to export, in the sort's order: the filters', narrowed to `ids=` when given. */
  const idsOf = async ({ sort, ids, ...query }: OrderCsvQuery | OrderXlsxQuery) => {
    const { state, from, to, customStatus, source, connection, customer, q } = query;
    const filters = { state, from, to, customStatus, source, connection, customer, q, ...(ids ? { documentIds: ids } : {}) };
    return (await orders.matching(filters, sort, timeZone())).map((order) => order.id);
  };

  /** Every batch's rows, read one batch after the other as the file is written. */
  async function* batches(ids: number[], perLine: boolean) {
    for (let i = 0; i < ids.length; i += BATCH) yield recordsOf(await orders.exportBatch(ids.slice(i, i + BATCH), perLine), perLine);
  }

  const wordsOf = async (language: CsvLanguage): Promise<Words> => ({
    language,
    customStatuses: (await getService(strapi, 'settings').get()).customStatuses,
  });

  return {
    /** The CSV, streamed: the byte-order mark and the header row, then a batch of orders at a time. */
    async csv(query: OrderCsvQuery): Promise<Readable> {
      const ids = await idsOf(query);
      const words = await wordsOf(query.language);
      const columns = columnsOf(query.rows);
      const zone = timeZone();
      async function* lines() {
        yield CSV_BOM + csvRow(csvHeader(columns, query.language), query.separator);
        for await (const records of batches(ids, query.rows === 'lines')) {
          yield records
            .map((record) =>
              csvRow(
                columns.map((column) => csvCell(column, column.value(record, words), query.language, zone)),
                query.separator
              )
            )
            .join('');
        }
      }
      // One batch's text at a time: the next is made only once the response has taken this one
      // (Readable.from would otherwise read 16 ahead), and none once the client is gone (Koa
      // destroys the body, which ends the generator and its reading).
      return Readable.from(lines(), { highWaterMark: 1 });
    },

    /**
     * The workbook, streamed by exceljs's WorkbookWriter: one sheet, its header row bold and
     * frozen, amounts as number cells in their currency's format, dates as date cells of the
     * shop's wall clock, quantities as numbers.
     */
    async xlsx(query: OrderXlsxQuery): Promise<Readable> {
      const ids = await idsOf(query);
      const words = await wordsOf(query.language);
      const columns = columnsOf(query.rows);
      const zone = timeZone();
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet(query.language === 'hu' ? 'Megrendelések' : 'Orders', {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      sheet.columns = columns.map((column, index) => ({ key: String(index), width: column.width }));
      const header = sheet.addRow(csvHeader(columns, query.language));
      header.font = { bold: true };
      header.commit();
      const write = async () => {
        for await (const records of batches(ids, query.rows === 'lines')) {
          for (const record of records) {
            const row = sheet.addRow(
              columns.map((column) => {
                const value = column.value(record, words);
                if (value === null || value === undefined) return null;
                if (value instanceof Date) return wallClockOf(value, zone);
                // The edge: a decimal string becomes the spreadsheet's number here, and nowhere before.
                if (column.kind === 'money' || column.kind === 'quantity') return Number(value);
                return value;
              })
            );
            columns.forEach((column, index) => {
              if (column.kind === 'money') row.getCell(index + 1).numFmt = moneyFormat(record.order.currency);
              if (column.kind === 'date') row.getCell(index + 1).numFmt = DATE_FORMAT;
            });
            row.commit();
          }
          // exceljs writes whatever its reader's pace: the next batch is read only once the zip
          // and the response have taken this one. Koa destroys the body when the client goes:
          // then no more batches are read for no one.
          await roomIn(zipInputOf(sheet));
          await roomIn(out);
          if (out.destroyed) return;
        }
        sheet.commit();
        await workbook.commit();
      };
      write().catch((error) => {
        strapi.log.error(`orders: the XLSX export failed: ${(error as Error)?.stack ?? error}`);
        out.destroy(error as Error);
      });
      return out;
    },
  };
};

export default createOrdersExportService;
