/** The invoices' admin logic: when Invoice may be pressed, the issue dialog's defaults and request, the series' preview, and their words. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import {
  bulkErrorOf,
  bulkOutcomeOf,
  canBeInvoiced,
  issueFormOf,
  issueRequestOf,
  previewNumber,
  sequenceOf,
  validInvoiceOf,
} from '../../src/plugins/orders/admin/src/features/invoices/utils/invoicing';
import { pinToRows } from '../../src/plugins/orders/admin/src/features/settings/utils/rows';
import en from '../../src/plugins/orders/admin/src/translations/en.json';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import {
  BUYER_VAT_STATUSES,
  INVOICE_STATES,
  PAYMENT_METHODS,
  type OrderInvoiceJson,
} from '../../src/plugins/orders/shared/contracts/invoices';
import { DEFAULT_INVOICING } from '../../src/plugins/orders/shared/contracts/settings';

const invoice = (type: OrderInvoiceJson['type'], state: OrderInvoiceJson['state'], number = '2026-E/00001'): OrderInvoiceJson => ({
  documentId: number,
  number,
  type,
  state,
  issueDate: '2026-12-01',
  gross: '12700',
});

describe('Invoice on the datasheet', () => {
  test('is pressable on a fulfilled or successful order without an invoice in force', () => {
    expect(canBeInvoiced({ state: 'fulfilled', invoices: [] })).toBe(true);
    expect(canBeInvoiced({ state: 'successful', invoices: [] })).toBe(true);
    for (const state of ['draft', 'finalized', 'failed'] as const) expect(canBeInvoiced({ state, invoices: [] })).toBe(false);
  });

  test('a stornoed invoice and its storno leave the order to be invoiced again; an issued invoice does not', () => {
    const stornoed = [invoice('invoice', 'stornoed'), invoice('storno', 'issued', '2026-E/00002')];
    expect(validInvoiceOf({ invoices: stornoed })).toBeUndefined();
    expect(canBeInvoiced({ state: 'fulfilled', invoices: stornoed })).toBe(true);
    const again = [...stornoed, invoice('invoice', 'issued', '2026-E/00003')];
    expect(validInvoiceOf({ invoices: again })?.number).toBe('2026-E/00003');
    expect(canBeInvoiced({ state: 'successful', invoices: again })).toBe(false);
  });
});

describe("the issue dialog's defaults", () => {
  const fulfilledAt = (at: string) => ({
    history: [{ at, actor: { type: 'system' as const, name: 't' }, action: 'fulfil', from: 'finalized', to: 'fulfilled' }],
  });

  test("today, the day fulfilled in the shop's calendar, the due days after, the settings' payment method and series", () => {
    // 23:30 UTC on 30 November is already 1 December in Budapest.
    const form = issueFormOf(fulfilledAt('2026-11-30T23:30:00Z'), { ...DEFAULT_INVOICING, dueDays: 30 }, '2026-12-05');
    expect(form).toEqual({
      issueDate: '2026-12-05',
      fulfilmentDate: '2026-12-01',
      dueDate: '2027-01-04',
      paymentMethod: 'transfer',
      series: 'E',
      exchangeRate: '',
    });
  });

  test("without the settings the server's defaults apply: those fields stay empty and are not sent", () => {
    const form = issueFormOf({ history: [] }, undefined, '2026-12-05');
    expect(form.fulfilmentDate).toBe('2026-12-05');
    expect(issueRequestOf(form, 'HUF')).toEqual({ issueDate: '2026-12-05', fulfilmentDate: '2026-12-05' });
  });

  test('the exchange rate is sent for a foreign currency only, typed the Hungarian way', () => {
    const form = { ...issueFormOf({ history: [] }, DEFAULT_INVOICING, '2026-12-05'), exchangeRate: ' 390,25 ' };
    expect(issueRequestOf(form, 'EUR').exchangeRate).toBe('390.25');
    expect(issueRequestOf(form, 'HUF')).not.toHaveProperty('exchangeRate');
  });
});

describe("the series' preview", () => {
  const saved = [
    { key: 'E', name: 'Számlák', pattern: '{year}-E/{seq:5}', nextNumber: '2026-E/00004' },
    { key: 'W', name: 'Webshop', pattern: 'W.{seq}/{year}', nextNumber: 'W.12/2026' },
  ];

  test('reads the sequence out of a number of the pattern', () => {
    expect(sequenceOf('{year}-E/{seq:5}', '2026-E/00004')).toBe(4);
    expect(sequenceOf('W.{seq}/{year}', 'W.12/2026')).toBe(12);
    // The dot is no wildcard.
    expect(sequenceOf('W.{seq}/{year}', 'Wx12/2026')).toBeUndefined();
  });

  test('a saved series continues its sequence in the pattern being edited; a new one starts at 1', () => {
    expect(previewNumber('E', '{year}-E/{seq:5}', saved, 2026)).toBe('2026-E/00004');
    expect(previewNumber('E', 'SZ-{year}-{seq:3}', saved, 2026)).toBe('SZ-2026-004');
    expect(previewNumber('W', '{year}/W/{seq:4}', saved, 2026)).toBe('2026/W/0012');
    expect(previewNumber('NEW', '{year}-N/{seq:5}', saved, 2026)).toBe('2026-N/00001');
    expect(previewNumber('NEW', '{year}-N/{seq:5}', [], 2027)).toBe('2027-N/00001');
  });

  test('a wrong pattern makes no number', () => {
    expect(previewNumber('E', 'E/{seq}', saved, 2026)).toBeNull();
    expect(previewNumber('E', '{year}#{seq}', saved, 2026)).toBeNull();
  });
});

test("a row's errors follow the row, whatever its place now; other errors keep their path", () => {
  const rows = [{ id: 7 }, { id: 3 }];
  expect(
    pinToRows({ 'invoicing.series.1.pattern': 'bad', 'invoicing.series.9.key': 'gone', 'invoicing.dueDays': 'x' }, 'invoicing.series', rows)
  ).toEqual({ '3.pattern': 'bad', 'invoicing.series.9.key': 'gone', 'invoicing.dueDays': 'x' });
  expect(pinToRows({ 'customStatuses.0.key': 'twice' }, 'customStatuses', rows)).toEqual({ '7.key': 'twice' });
});

test('a refused order of a bulk issue is worded as any refusal: its code and values', () => {
  const refused = {
    order: 'o1',
    ok: false as const,
    error: { status: 409, code: 'alreadyInvoiced', message: 'has one', details: { invoice: '2026-E/00001' } },
  };
  expect(bulkErrorOf(refused)).toEqual({
    status: 409,
    name: 'Error',
    message: 'has one',
    details: { invoice: '2026-E/00001', code: 'alreadyInvoiced' },
  });
  expect(bulkOutcomeOf([refused, { ok: true }, { ok: true }])).toEqual({ ok: 2, total: 3 });
});

describe('words', () => {
  const messages = { en: en as Record<string, string>, hu: hu as Record<string, string> };
  const ours = (key: string) => /^(invoices|settings\.invoicing)\./.test(key);

  test('every message of the invoices pages has both languages', () => {
    const keys = (lang: Record<string, string>) => Object.keys(lang).filter(ours).sort();
    expect(keys(messages.hu)).toEqual(keys(messages.en));
    for (const key of keys(messages.en)) expect(messages.hu[key]).toBeTruthy();
  });

  test('every key the pages name is translated, and so is every state, payment method and VAT status', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const named = files(join(__dirname, '../../src/plugins/orders/admin/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['`]((?:invoices|settings\.invoicing)\.[\w.]+)['`]/g)].map((match) => match[1])
    );
    const dynamic = [
      ...INVOICE_STATES.map((state) => `invoices.state.${state}`),
      ...PAYMENT_METHODS.map((method) => `invoices.paymentMethod.${method}`),
      ...BUYER_VAT_STATUSES.map((status) => `invoices.vatStatus.${status}`),
      ...['invoice', 'storno', 'stornoed'].map((kind) => `invoices.kind.${kind}`),
    ];
    expect(named.length).toBeGreaterThan(30);
    for (const key of [...named, ...dynamic]) {
      expect([key, messages.en[key]]).toEqual([key, expect.any(String)]);
      expect([key, messages.hu[key]]).toEqual([key, expect.any(String)]);
    }
  });

  test("the glossary's words: számla, sztornó számla, sztornózva, számlatömb, the payment methods", () => {
    expect(messages.hu['invoices.kind.invoice']).toBe('Számla');
    expect(messages.hu['invoices.kind.storno']).toBe('Sztornó számla');
    expect(messages.hu['invoices.kind.stornoed']).toBe('Sztornózva');
    expect(messages.hu['invoices.field.series']).toBe('Számlatömb');
    expect(messages.hu['invoices.field.fulfilmentDate']).toBe('Teljesítés dátuma');
    expect(messages.hu['invoices.field.dueDate']).toBe('Fizetési határidő');
    expect(PAYMENT_METHODS.map((method) => messages.hu[`invoices.paymentMethod.${method}`])).toEqual([
      'Átutalás',
      'Készpénz',
      'Bankkártya',
      'Utánvét',
      'Egyéb',
    ]);
  });

  test("the invoices block sits right after the customers' keys, for an easy merge", () => {
    for (const lang of Object.values(messages)) {
      const keys = Object.keys(lang);
      const first = keys.findIndex(ours);
      const lastCustomers = keys.map((key) => key.startsWith('customers.')).lastIndexOf(true);
      expect(first).toBe(lastCustomers + 1);
      expect(keys.slice(first).findIndex((key) => !ours(key))).toBe(keys.filter(ours).length);
    }
  });
});
