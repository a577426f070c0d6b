/**
 * The invoices' rules as the admin needs them, free of React: when an order may be invoiced, what
 * the issue dialog starts from, what it sends, and the number a series' pattern makes.
 */
import type { ErrorJson } from '../../../../../shared/contracts/errors';
import type { BulkIssueResult, InvoiceSeriesJson, IssueInvoice, PaymentMethod } from '../../../../../shared/contracts/invoices';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import type { Invoicing } from '../../../../../shared/contracts/settings';
import { addDays, dayIn, DEFAULT_TIME_ZONE } from '../../../../../shared/domain/calendar';
import { formatInvoiceNumber, invoicePatternProblem } from '../../../../../shared/domain/invoice-number';
import { decimalText } from '../../../ui/format';

/** The states an order is invoiced in: its goods are handed over. */
const INVOICEABLE = ['fulfilled', 'successful'];

/** An invoice in force: a storno cancels one, and is no invoice of the order itself. */
export const validInvoiceOf = (order: Pick<OrderJson, 'invoices'>) =>
  (order.invoices ?? []).find((invoice) => invoice.type === 'invoice' && invoice.state === 'issued');

/** Whether Invoice may be pressed: the order is fulfilled or successful and has no invoice in force. */
export const canBeInvoiced = (order: Pick<OrderJson, 'state' | 'invoices'>) => INVOICEABLE.includes(order.state) && !validInvoiceOf(order);

/** Today in the shop's calendar, as the server dates an invoice. */
export const today = (now = new Date()) => dayIn(now, DEFAULT_TIME_ZONE);

/** The issue dialog's fields, as typed; '' leaves a field to the server's default. */
export interface IssueForm {
  issueDate: string;
  fulfilmentDate: string;
  dueDate: string;
  paymentMethod: PaymentMethod | '';
  series: string;
  exchangeRate: string;
}

/** The day the order was last fulfilled (teljesítés), or undefined when it never was. */
export const fulfilledOn = (order: Pick<OrderJson, 'history'>) => {
  const entry = order.history.filter((change) => change.to === 'fulfilled').at(-1);
  return entry ? dayIn(new Date(entry.at), DEFAULT_TIME_ZONE) : undefined;
};

/**
 * What the dialog starts from: the server's own defaults, shown so that they can be changed.
 * Without the settings (a role that may not read them) the due date, payment method and series
 * stay empty, and the server fills them.
 */
export const issueFormOf = (order: Pick<OrderJson, 'history'>, invoicing: Invoicing | undefined, on: string): IssueForm => ({
  issueDate: on,
  fulfilmentDate: fulfilledOn(order) ?? on,
  dueDate: invoicing ? addDays(on, invoicing.dueDays) : '',
  paymentMethod: invoicing?.paymentMethod ?? '',
  series: invoicing?.defaultSeries ?? '',
  exchangeRate: '',
});

/** The request: the fields given, and the exchange rate only for a foreign currency (a forint invoice is refused one). */
export const issueRequestOf = (form: IssueForm, currency: string): IssueInvoice.Request => {
  const { exchangeRate, ...fields } = form;
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
  return currency === 'HUF' ? given : { ...given, exchangeRate: decimalText(exchangeRate) };
};

/** The fields the issue dialog shows a 400's errors at; the others' (the seller's, the buyer's) show above them. */
export const ISSUE_FIELDS = ['issueDate', 'fulfilmentDate', 'dueDate', 'paymentMethod', 'series', 'exchangeRate'] as const;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sequence number a number of this pattern holds: "2026-E/00004" of "{year}-E/{seq:5}" is 4.
 * The server answers a series' next number as text; the settings' preview writes it in the
 * pattern being edited, so it needs the sequence itself.
 */
export const sequenceOf = (pattern: string, number: string): number | undefined => {
  const source = pattern
    .split(/(\{(?:year|seq)(?::\d)?\})/)
    .map((part) => (part.startsWith('{year') ? '\\d+' : part.startsWith('{seq') ? '(\\d+)' : escaped(part)))
    .join('');
  const match = new RegExp(`^${source}$`).exec(number);
  return match?.[1] ? Number(match[1]) : undefined;
};

/**
 * The number a series' next invoice would take with `pattern` (as edited), or null while the
 * pattern is wrong: a saved series continues its sequence of this year, a new one starts at 1.
 */
export const previewNumber = (key: string, pattern: string, saved: readonly InvoiceSeriesJson[], year: number): string | null => {
  if (invoicePatternProblem(pattern)) return null;
  const series = saved.find((one) => one.key === key);
  const seq = (series && sequenceOf(series.pattern, series.nextNumber)) ?? 1;
  return formatInvoiceNumber(pattern, year, seq);
};

/** How many of an issue for several orders were invoiced. */
export const bulkOutcomeOf = (results: ReadonlyArray<{ ok: boolean }>) => ({
  ok: results.filter((result) => result.ok).length,
  total: results.length,
});

/** A refused order of an issue for several orders, as the one shape the admin words refusals in. */
export const bulkErrorOf = ({ error }: Extract<BulkIssueResult, { ok: false }>): ErrorJson => ({
  status: error.status,
  name: 'Error',
  message: error.message,
  details: { ...error.details, code: (error.code ?? error.details?.code) as ErrorJson['details']['code'] },
});
