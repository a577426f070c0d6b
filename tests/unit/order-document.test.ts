import type { DocumentSnapshot } from '../../src/plugins/orders/shared/contracts/documents';
import {
  formatAmount,
  formatCalendarDay,
  formatDay,
  formatDecimal,
  formatDiscount,
  formatQuantityWithUnit,
  formatVatRate,
} from '../../src/plugins/orders/shared/domain/document-format';
import type { PdfNode } from '../../src/plugins/orders/server/src/features/documents/templates/blocks';
import { nodesWith, texts } from '../helpers/definitions';
import { defaultOrderDocument } from '../../src/plugins/orders/server/src/features/documents/templates/default-template';

const NBSP = '\u00a0';
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

describe('how documents write numbers', () => {
  test('money in Hungarian: "12 990 Ft", decimals after a comma, other currencies by code', () => {
    expect(spaced(formatAmount('12990', 'HUF', 'hu'))).toBe('12 990 Ft');
    expect(spaced(formatAmount('1234567', 'HUF', 'hu'))).toBe('1 234 567 Ft');
    expect(spaced(formatAmount('990', 'HUF', 'hu'))).toBe('990 Ft');
    expect(spaced(formatAmount('1234.50', 'EUR', 'hu'))).toBe('1 234,50 EUR');
    expect(spaced(formatAmount('-1490', 'HUF', 'hu'))).toBe('-1 490 Ft');
    // A no-break space: an amount never wraps apart from its currency, nor its groups of digits.
    expect(formatAmount('12990', 'HUF', 'hu')).toBe(`12${NBSP}990${NBSP}Ft`);
  });

  test('money in English: "HUF 12,990", "EUR 1,234.50"', () => {
    expect(spaced(formatAmount('12990', 'HUF', 'en'))).toBe('HUF 12,990');
    expect(spaced(formatAmount('1234.50', 'EUR', 'en'))).toBe('EUR 1,234.50');
  });

  test('is regrouped as text, exact however large (never through a float)', () => {
    expect(spaced(formatDecimal('999999999999999.99', 'hu'))).toBe('999 999 999 999 999,99');
    expect(formatDecimal('9007199254740993', 'en')).toBe('9,007,199,254,740,993');
  });

  test('quantities with their unit, discounts and VAT rates', () => {
    expect(spaced(formatQuantityWithUnit('2.5', 'kg', 'hu'))).toBe('2,5 kg');
    expect(spaced(formatQuantityWithUnit('1500', 'm', 'en'))).toBe('1,500 m');
    expect(formatDiscount('0', 'hu')).toBe('');
    expect(formatDiscount('12.5', 'hu')).toBe('12,5%');
    expect(formatVatRate('27', 'hu')).toBe('27%');
    expect(formatVatRate('AAM', 'hu')).toBe('AAM');
  });

  test('a day of the shop’s calendar (an invoice’s dates) as it is, whatever the time zone', () => {
    expect(formatCalendarDay('2026-12-01', 'hu')).toBe('2026. 12. 01.');
    expect(formatCalendarDay('2026-12-01', 'en')).toBe('01 December 2026');
    // Read as an instant in a time zone west of Greenwich, the same text would be the day before.
    expect(formatDay('2026-12-01', 'en', 'America/New_York')).toBe('30 November 2026');
  });
});

const snapshot = (fields: Partial<DocumentSnapshot> = {}): DocumentSnapshot => ({
  language: 'hu',
  timeZone: 'Europe/Budapest',
  issuedAt: '2026-12-01T10:00:00.000Z',
  order: {
    number: '2026-000042',
    currency: 'HUF',
    createdAt: '2026-11-30T23:30:00.000Z',
    finalizedAt: '2026-12-01T09:00:00.000Z',
    note: 'Hívj fel előtte',
    externalNumber: null,
  },
  seller: {
    name: 'Kávéőrlő Kft.',
    address: { country: 'HU', postalCode: '1052', city: 'Budapest', street: 'Váci utca 12.' },
    taxNumber: '12345676-2-42',
    euVatNumber: 'HU12345676',
    bankAccount: '11773016-11111018',
    email: 'iroda@kaveorlo.hu',
    phone: null,
    website: null,
    logo: null,
  },
  buyer: { name: 'Kovács Őrsike', company: null, address: null, taxNumber: null, email: null, phone: null },
  lines: [
    {
      name: 'Pörkölt kávé 1 kg',
      sku: 'KAVE-1KG',
      quantity: '2.5',
      unit: 'db',
      unitPrice: '12990',
      discountPercent: '10',
      vatRate: '27',
      note: null,
      net: '29228',
      vat: '7892',
      gross: '37120',
    },
    {
      name: 'Szállítás',
      sku: null,
      quantity: '1',
      unit: 'db',
      unitPrice: '1490',
      discountPercent: '0',
      vatRate: 'AAM',
      note: 'GLS',
      net: '1490',
      vat: '0',
      gross: '1490',
    },
  ],
  totals: {
    net: '30718',
    vat: '7892',
    gross: '38610',
    byVatRate: [
      { vatRate: '27', net: '29228', vat: '7892', gross: '37120' },
      { vatRate: 'AAM', net: '1490', vat: '0', gross: '1490' },
    ],
  },
  ...fields,
});

describe('the default template', () => {
  test('lays out seller, buyer, number, dates, lines, the breakdown, totals and the note', () => {
    const definition = defaultOrderDocument(snapshot(), null);
    const all = texts(definition.content).map(spaced);
    for (const text of [
      'MEGRENDELÉS',
      '2026-000042',
      'ELADÓ',
      'VEVŐ',
      'Kávéőrlő Kft.',
      'Kovács Őrsike',
      '1052 Budapest',
      '12345676-2-42',
      'Pörkölt kávé 1 kg',
      'KAVE-1KG',
      '2,5 db',
      '12 990 Ft',
      '10%',
      '29 228 Ft',
      '27%',
      'AAM',
      'GLS',
      '38 610 Ft',
      'Bruttó végösszeg',
      'Hívj fel előtte',
    ]) {
      expect(all).toContain(text);
    }
    // Ordered at 00:30 in Budapest on 1 December: the shop's calendar day.
    expect(all).toContain('2026. 12. 01.');
  });

  test('the lines table repeats its header on every page: headerRows 1, the nine columns', () => {
    const [lines] = nodesWith(defaultOrderDocument(snapshot(), null).content, 'table')
      .map((node) => node.table as { headerRows: number; body: PdfNode[][]; widths: unknown[] })
      .filter((table) => table.widths.length === 9);
    expect(lines.headerRows).toBe(1);
    expect(lines.body[0].map((cell) => (cell as { text: string }).text)).toEqual([
      'Megnevezés',
      'Cikkszám',
      'Mennyiség',
      'Nettó egységár',
      'Kedvezmény',
      'Nettó',
      'ÁFA-kulcs',
      'ÁFA',
      'Bruttó',
    ]);
    expect(lines.body).toHaveLength(3);
  });

  test('numbers the pages "2 / 3" in the footer', () => {
    expect(texts(defaultOrderDocument(snapshot(), null).footer(2, 3))).toContain('2 / 3');
  });

  test('speaks English when the order does', () => {
    const all = texts(defaultOrderDocument(snapshot({ language: 'en' }), null).content).map(spaced);
    expect(all).toEqual(expect.arrayContaining(['ORDER', 'SELLER', 'BUYER', 'HUF 12,990', 'Gross total', '01 December 2026']));
    expect(all).not.toContain('Bruttó végösszeg');
  });

  test('names no file, address or SVG: the logo is the data URL it was given, under a name', () => {
    const withLogo = defaultOrderDocument(snapshot(), 'data:image/png;base64,iVBORw0KGgo=');
    expect(withLogo.images).toEqual({ logo: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(nodesWith(withLogo.content, 'image').map((node) => node.image)).toEqual(['logo']);
    expect(nodesWith(withLogo.content, 'svg')).toEqual([]);
    expect(texts(withLogo.content).filter((text) => /^(\/|https?:|file:)/.test(text))).toEqual([]);
    expect(defaultOrderDocument(snapshot(), null).images).toEqual({});
  });
});
