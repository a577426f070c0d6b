/**
 * What the server said when it refused, in the admin's language. The server sends a code with
 * its values beside its English message; the code is worded here through the translations
 * (`error.<code>`), and the server's message shows only for a code this admin has no words for.
 */
import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { ErrorJson, Problem, Shortage } from '../../../shared/contracts/errors';
import { formatQuantity } from './format';
import { getTranslation } from './translations';

type Intl = Pick<IntlShape, 'formatMessage' | 'formatList' | 'messages' | 'locale'>;

const label = (intl: Intl, id: string, fallback: string) =>
  intl.messages[getTranslation(id)] ? intl.formatMessage({ id: getTranslation(id) }) : fallback;

const list = (intl: Intl, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction') =>
  items.length ? intl.formatList(items, { type }) : label(intl, 'common.none', '—');

const shortageText = (intl: Intl, { sku, requested, available }: Shortage) =>
  intl.formatMessage(
    { id: getTranslation('error.shortage') },
    { sku, requested: formatQuantity(requested, intl.locale), available: formatQuantity(available, intl.locale) }
  );

/** A value as a translation shows it: states and actions by their labels, lists as lists, numbers as the locale writes them. */
const shownValue = (intl: Intl, key: string, value: unknown): string | number => {
  const actionLabel = (action: string) => label(intl, `action.${action}`, action);
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (key === 'state') return label(intl, `state.${value}`, value);
    if (key === 'action') return actionLabel(value);
    if (key === 'kind') return label(intl, `webshops.kind.${value}`, value);
    if (key === 'limit') return formatQuantity(value, intl.locale);
    return value;
  }
  if (!Array.isArray(value)) return String(value);
  if (key === 'shortages')
    return list(
      intl,
      (value as Shortage[]).map((shortage) => shortageText(intl, shortage))
    );
  if (key === 'allowedActions' || key === 'actions') return list(intl, (value as string[]).map(actionLabel));
  if (key === 'fields')
    return list(
      intl,
      (value as string[]).map((field) => label(intl, FIELD_LABELS[field] ?? '', field))
    );
  return list(intl, value.map(String), key === 'allowed' ? 'disjunction' : 'conjunction');
};

const shown = (intl: Intl, values: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, shownValue(intl, key, value)]));

/** The code's text, or undefined when there is no translation for it. */
const codeText = (intl: Intl, code: string | undefined, values: Record<string, unknown> | undefined) => {
  const id = getTranslation(`error.${code}`);
  return code && intl.messages[id] ? intl.formatMessage({ id }, shown(intl, values)) : undefined;
};

/**
 * A field's problem in words: the server's (a field error, with its English message for a code
 * this admin does not know) or the admin's own check, which has no English (check-line.ts).
 */
export const fieldProblemText = (intl: Intl, problem: Partial<Problem>): string =>
  codeText(intl, problem.code, problem.values) ?? problem.message ?? problem.code ?? '';

/** The translation of a field's name in a path ("items.2.quantity" → "Mennyiség"), or the name itself. */
const FIELD_LABELS: Record<string, string> = {
  quantity: 'items.column.quantity',
  unitPrice: 'items.column.unitPrice',
  discountPercent: 'items.column.discount',
  vatRate: 'items.column.vatRate',
  name: 'items.column.name',
  note: 'items.column.note',
  unit: 'items.unit',
  sku: 'inventory.field.sku',
  onHand: 'inventory.field.onHand',
  lowStockThreshold: 'inventory.field.lowStockThreshold',
  reason: 'inventory.adjust.reason',
  customer: 'list.column.customer',
  email: 'newOrder.customer.email',
  phone: 'newOrder.customer.phone',
  company: 'newOrder.customer.company',
  taxNumber: 'newOrder.customer.taxNumber',
  currency: 'order.customer.currency',
  items: 'invoices.lines.title',
  customerId: 'list.column.customer',
  language: 'order.language',
  billingAddress: 'order.billingAddress',
  shippingAddress: 'order.shippingAddress',
  shippingMethod: 'order.shippingMethod',
  trackingNumber: 'order.trackingNumber',
  country: 'company.field.country',
  postalCode: 'company.field.postalCode',
  city: 'company.field.city',
  street: 'company.field.street',
  customStatus: 'order.customStatus',
  customStatuses: 'settings.statuses.title',
  key: 'settings.statuses.key',
  label: 'settings.statuses.label',
  labels: 'settings.statuses.label',
  // A custom status's label in each language (customStatuses.0.labels.hu).
  hu: 'settings.statuses.label.hu',
  en: 'settings.statuses.label.en',
  color: 'settings.statuses.color',
  inventoryDriver: 'settings.inventory.driver',
  kind: 'webshops.field.kind',
  shopUrl: 'webshops.field.shopUrl',
  apiBase: 'webshops.field.unasApiBase',
  apiKey: 'webshops.field.unasApiKey',
  url: 'webshops.field.feedUrl',
  feed: 'webshops.field.feedUrl',
  unas: 'webshops.field.unasApiBase',
  username: 'webshops.field.feedUsername',
  password: 'webshops.field.feedPassword',
  intervalMinutes: 'webshops.field.interval',
  external: 'webshops.statusMap.external',
  state: 'webshops.statusMap.state',
  euVatNumber: 'company.field.euVatNumber',
  bankAccount: 'company.field.bankAccount',
  website: 'company.field.website',
  logo: 'company.logo.label',
  issueDate: 'invoices.field.issueDate',
  fulfilmentDate: 'invoices.field.fulfilmentDate',
  dueDate: 'invoices.field.dueDate',
  paymentMethod: 'invoices.field.paymentMethod',
  exchangeRate: 'invoices.field.exchangeRate',
  series: 'settings.invoicing.series.title',
  pattern: 'settings.invoicing.series.pattern',
  defaultSeries: 'settings.invoicing.defaultSeries',
  dueDays: 'settings.invoicing.dueDays',
  invoicing: 'settings.invoicing.title',
};

/** Where a field error is: "Line 3, Quantity"; lines are counted from 1 as the itemised view shows them. */
const placeOf = (intl: Intl, path: string[]) => {
  const [root, index] = path;
  const line =
    root === 'items' && /^\d+$/.test(index ?? '')
      ? intl.formatMessage({ id: getTranslation('error.line') }, { n: Number(index) + 1 })
      : undefined;
  const field = [...path].reverse().find((key) => !/^\d+$/.test(key));
  const fieldLabel = field && !(line && field === 'items') ? label(intl, FIELD_LABELS[field] ?? '', field) : undefined;
  return [line, fieldLabel].filter(Boolean).join(', ');
};

export const apiErrorText = (intl: Intl, error: ErrorJson): string => {
  const known = codeText(intl, error.details.code, error.details);
  if (known) return known;
  if (error.status === 400 && error.details.errors?.length) {
    const problems = error.details.errors.map((problem) => {
      const place = placeOf(intl, problem.path ?? []);
      return place ? `${place}: ${fieldProblemText(intl, problem)}` : fieldProblemText(intl, problem);
    });
    return intl.formatMessage({ id: getTranslation('error.invalid') }, { problems: problems.join('; ') });
  }
  if (error.status === 0) return intl.formatMessage({ id: getTranslation('error.network') });
  if (error.status === 403) return intl.formatMessage({ id: getTranslation('error.forbidden') });
  if (error.status >= 500) return intl.formatMessage({ id: getTranslation('common.error') });
  return error.message;
};

/** The field errors of a 400 by dotted path ("sku", "customStatuses.1.color"), each in words. */
export const fieldErrorsOf = (intl: Intl, error: ErrorJson): Record<string, string> => {
  const byPath: Record<string, string> = {};
  for (const problem of error.details.errors ?? []) {
    const key = (problem.path ?? []).join('.');
    const text = fieldProblemText(intl, problem);
    byPath[key] = byPath[key] ? `${byPath[key]}; ${text}` : text;
  }
  return byPath;
};

/** The three wordings bound to the admin's language. */
export const useApiErrorText = () => {
  const intl = useIntl();
  return useMemo(
    () => ({
      /** A whole refusal, for a notification or a message on the page. */
      errorText: (error: ErrorJson) => apiErrorText(intl, error),
      /** One field's problem, the server's or the admin's own. */
      fieldText: (problem: Partial<Problem>) => fieldProblemText(intl, problem),
      fieldErrorsOf: (error: ErrorJson) => fieldErrorsOf(intl, error),
    }),
    [intl]
  );
};
