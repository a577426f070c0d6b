/**
 * The invoice's PDF, read back as text: every particular Áfa tv. 169. § asks an invoice to
 * state, in the invoice's language; for a foreign currency the exchange rate and the forints
 * (Áfa tv. 80. §); for a storno the invoice it cancels; on a long invoice the lines' header on
 * every page. And the definition is pure data: the same for the same invoice, naming no file.
 */
import type { InvoiceJson, InvoiceLineJson } from '../../src/plugins/orders/shared/contracts/invoices';
import {
  formatAmount,
  formatDiscount,
  formatQuantityWithUnit,
  formatVatRate,
} from '../../src/plugins/orders/shared/domain/document-format';
import { HUF_RATE, invoiceLines, invoiceTotals } from '../../src/plugins/orders/shared/domain/invoice-content';
import { renderPdf } from '../../src/plugins/orders/server/src/features/documents/pdf';
import { invoiceDocument } from '../../src/plugins/orders/server/src/features/invoices/invoice-template';
import { nodesWith, texts } from '../helpers/definitions';
import { pdfPages, saveFirstPage } from '../helpers/pdf';
import { companyInvoice, euroInvoice, privateInvoice, stornoOf } from '../helpers/sample-invoices';

const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

/** The PDF's pages as text, the first page kept among the test artefacts. */
const pagesOf = async (invoice: InvoiceJson, artefact?: string): Promise<string[]> => {
  const bytes = await renderPdf(invoiceDocument(invoice, null));
  if (artefact) await saveFirstPage(bytes, artefact);
  return pdfPages(bytes);
};

/** A line's row as the PDF reads: quantity with unit, unit price, discount, net, rate, VAT, gross. */
const rowOf = (line: InvoiceLineJson, invoice: InvoiceJson) => {
  const { language, currency } = invoice;
  const money = (value: string) => formatAmount(value, currency, language);
  return spaced(
    [
      formatQuantityWithUnit(line.quantity, line.unit, language),
      money(line.unitPrice),
      formatDiscount(line.discountPercent, language),
      money(line.net),
      formatVatRate(line.vatRate, language),
      money(line.vat),
      money(line.gross),
    ]
      .filter(Boolean)
      .join(' ')
  );
};

/** The buyer's block: from its title to the lines' header. */
const buyerBlockOf = (text: string, title: string) => text.slice(text.indexOf(title), text.indexOf('\n#'));

describe('an invoice to a domestic company, in forints', () => {
  const invoice = companyInvoice();
  let text: string;
  beforeAll(async () => {
    const pages = await pagesOf(invoice, 'invoice-company');
    expect(pages).toHaveLength(1);
    [text] = pages;
  });

  test('is titled, numbered and dated: issue, fulfilment and due date, and says how it is paid', () => {
    expect(text).toMatch(/^SZÁMLA\n/);
    expect(text).toContain('Számla sorszáma 2026-E/00001');
    expect(text).toContain('Számla kelte 2026. 12. 01.');
    expect(text).toContain('Teljesítés dátuma 2026. 11. 30.');
    expect(text).toContain('Fizetési határidő 2026. 12. 09.');
    expect(text).toContain('Fizetési mód Átutalás');
    expect(text).toContain('Megrendelés száma M-2026-00001');
    expect(text).toContain('Pénznem HUF');
    // A forint invoice has no exchange rate to state.
    expect(text).not.toContain('Árfolyam');
    expect(text).toContain('Számla 2026-E/00001 1 / 1');
  });

  test('names the seller with address, tax number, EU VAT number, bank account and contacts', () => {
    for (const fact of [
      'ELADÓ\nPélda Kávé Kft.\n1051 Budapest\nOktóber 6. utca 7.',
      'Adószám: 12345676-2-42',
      'Közösségi adószám: HU12345676',
      'Bankszámlaszám: 11773016-11111018',
      'E-mail: szamla@peldakave.hu',
      'Telefon: +36 1 234 5678',
      'Web: https://peldakave.hu',
    ]) {
      expect(text).toContain(fact);
    }
  });

  test('names the buyer with address and Hungarian tax number', () => {
    expect(buyerBlockOf(text, 'VEVŐ')).toBe('VEVŐ\nVevő Bt.\n6720 Szeged\nKárász utca 1.\nAdószám: 24387774-2-06');
  });

  test('prints each line: name, quantity and unit, unit price, discount, net, rate, VAT, gross', () => {
    expect(text).toContain('# Megnevezés Mennyiség Nettó egységár Kedvezmény Nettó érték ÁFA-kulcs ÁFA Bruttó érték');
    // 2 × 12 990 Ft less 10 % = 23 382 Ft net, 27 % of it 6 313 Ft.
    expect(text).toContain('1 Pörkölt kávé 1 kg\nKAVE-1\n2 db 12 990 Ft 10% 23 382 Ft 27% 6 313 Ft 29 695 Ft');
    expect(text).toContain('4 Barista tanfolyam\nDecember 12.\n1 alkalom 15 000 Ft 15 000 Ft AAM 0 Ft 15 000 Ft');
    for (const line of invoice.lines) {
      expect(text).toContain(`${line.position} ${line.name}`);
      expect(text).toContain(rowOf(line, invoice));
    }
  });

  test('states why the exempt line carries no VAT, with its legal reference, once', () => {
    expect(text.match(/AAM: Alanyi adómentes \(Áfa tv\. XIII\. fejezet\)/g)).toHaveLength(1);
  });

  test('sums up per VAT rate and in total: what is to be paid', () => {
    expect(text).toContain(
      'ÁFA-összesítő\nÁFA-kulcs Nettó ÁFA Bruttó\n27% 30 882 Ft 8 338 Ft 39 220 Ft\n5% 4 990 Ft 250 Ft 5 240 Ft\nAAM 15 000 Ft 0 Ft 15 000 Ft'
    );
    expect(text).toContain('Nettó összesen 50 872 Ft\nÁFA összesen 8 588 Ft\nBruttó összesen 59 460 Ft\nFizetendő 59 460 Ft');
  });
});

describe('an invoice to a private person', () => {
  test('names the buyer by name and address, nothing tax-related; paid cash on delivery', async () => {
    const [text] = await pagesOf(privateInvoice());
    expect(buyerBlockOf(text, 'VEVŐ')).toBe('VEVŐ\nKovács Éva\n9021 Győr\nBaross Gábor út 3.');
    expect(text).toContain('Adószám: 12345676-2-42');
    expect(text).toContain('Fizetési mód Utánvét');
    // No exempt line: no exemption to explain.
    expect(text).not.toContain('Alanyi adómentes');
    expect(text).toContain('Fizetendő 39 220 Ft');
  });
});

describe('an invoice in euros', () => {
  const invoice = euroInvoice();
  let text: string;
  beforeAll(async () => {
    [text] = await pagesOf(invoice, 'invoice-euro');
  });

  test('is written in English, every word', () => {
    expect(text).toMatch(/^INVOICE\n/);
    for (const fact of [
      'Invoice number 2026-E/00003',
      'Issue date 01 December 2026',
      'Fulfilment date 30 November 2026',
      'Due date 09 December 2026',
      'Payment method Bank transfer',
      'Order number M-2026-00003',
      'SELLER\nPélda Kávé Kft.',
      'Tax number: 12345676-2-42',
      'EU VAT number: HU12345676',
      'Bank account: 11773016-11111018',
      '# Item Quantity Unit price Discount Net VAT rate VAT Gross',
      'VAT summary',
      'Amount due EUR 340.75',
      'Invoice 2026-E/00003 1 / 1',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).not.toMatch(/Számla|Megnevezés|Fizetendő|ÁFA|Eladó|ELADÓ|Vevő|VEVŐ|Adószám|Ft\b/);
  });

  test('names the EU buyer by its EU VAT number, with the country of its address', () => {
    expect(buyerBlockOf(text, 'BUYER')).toBe('BUYER\nKaffee GmbH\n10115 Berlin\nInvalidenstraße 1\nDE\nEU VAT number: DE123456789');
  });

  test('prints the lines in euros, the supply within the EU exempt with its legal reference', () => {
    expect(text).toContain('1 Roasted coffee 1 kg\nKAVE-1\n10 db EUR 32.50 EUR 325.00 EU EUR 0.00 EUR 325.00');
    expect(text).toContain('2 Shipping 1 db EUR 12.40 EUR 12.40 27% EUR 3.35 EUR 15.75');
    expect(text).toContain(
      'EU: Exempt intra-Community supply of goods (VAT Act, Section 89) – Közösségen belüli adómentes termékértékesítés (Áfa tv. 89. §)'
    );
  });

  test('states the exchange rate, and net, VAT and gross in forints per rate and in total (Áfa tv. 80. §)', () => {
    expect(text).toContain('Currency EUR\nExchange rate 1 EUR = HUF 395.12');
    expect(text).toContain('VAT rate Net VAT Gross Net (HUF) VAT (HUF) Gross (HUF)');
    // 12.40 EUR × 395.12 = 4 899 Ft, 3.35 EUR × 395.12 = 1 324 Ft.
    expect(text).toContain('27% EUR 12.40 EUR 3.35 EUR 15.75 HUF 4,899 HUF 1,324 HUF 6,223');
    expect(text).toContain('EU EUR 325.00 EUR 0.00 EUR 325.00 HUF 128,414 HUF 0 HUF 128,414');
    expect(text).toContain(
      'Net total EUR 337.40\nVAT total EUR 3.35\nGross total EUR 340.75\nNet total in HUF HUF 133,313\nVAT total in HUF HUF 1,324\nGross total in HUF HUF 134,637'
    );
  });

  test('in Hungarian: "Árfolyam 1 EUR = 395,12 Ft" and the forints as Hungarians write them', async () => {
    const [hungarian] = await pagesOf({ ...invoice, language: 'hu' });
    expect(hungarian).toContain('Árfolyam 1 EUR = 395,12 Ft');
    expect(hungarian).toContain('27% 12,40 EUR 3,35 EUR 15,75 EUR 4 899 Ft 1 324 Ft 6 223 Ft');
    expect(hungarian).toContain('ÁFA összesen forintban 1 324 Ft');
    expect(hungarian).toContain('EU: Közösségen belüli adómentes termékértékesítés (Áfa tv. 89. §)');
  });
});

describe('a storno invoice', () => {
  test('is titled so, refers to the original by number and date, says why, and negates every amount', async () => {
    const storno = stornoOf(companyInvoice());
    const [text] = await pagesOf(storno, 'invoice-storno');
    expect(text).toMatch(/^SZTORNÓ SZÁMLA\n/);
    expect(text).toContain('Számla sorszáma 2026-E/00004');
    expect(text).toContain('Számla kelte 2026. 12. 03.');
    expect(text).toContain('Az eredeti számla: 2026-E/00001, kelte: 2026. 12. 01.');
    expect(text).toContain('A sztornó oka: A vevő visszaküldte az árut');
    // The quantity negated, the unit price as it was.
    expect(text).toContain('-2 db 12 990 Ft 10% -23 382 Ft 27% -6 313 Ft -29 695 Ft');
    for (const line of storno.lines) expect(text).toContain(rowOf(line, storno));
    expect(text).toContain('27% -30 882 Ft -8 338 Ft -39 220 Ft');
    expect(text).toContain('Bruttó összesen -59 460 Ft\nFizetendő -59 460 Ft');
    expect(text).toContain('Sztornó számla 2026-E/00004 1 / 1');
  });

  test('in English', async () => {
    const [text] = await pagesOf(stornoOf(euroInvoice()));
    expect(text).toMatch(/^STORNO INVOICE\n/);
    expect(text).toContain('Cancels invoice 2026-E/00003 of 01 December 2026');
    expect(text).toContain('Reason for the storno: A vevő visszaküldte az árut');
    expect(text).toContain('Amount due EUR -340.75');
  });
});

describe('a long invoice', () => {
  test('spans pages, the lines’ header repeated on each, numbered "1 / 2", "2 / 2"', async () => {
    const source = Array.from({ length: 60 }, (_, i) => ({
      name: `Őrölt kávé ${i + 1}`,
      sku: null,
      stockItem: null,
      quantity: '1',
      unit: 'db',
      unitPrice: '1000',
      discountPercent: '0',
      vatRate: '27',
      note: null,
      net: '1000',
      vat: '270',
      gross: '1270',
    }));
    const lines = invoiceLines(source, 'HUF', HUF_RATE);
    const pages = await pagesOf({ ...companyInvoice(), lines, totals: invoiceTotals(lines, 'HUF') });
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => {
      expect(page).toContain('# Megnevezés Mennyiség Nettó egységár Kedvezmény Nettó érték ÁFA-kulcs ÁFA Bruttó érték');
      expect(page).toContain(`Számla 2026-E/00001 ${i + 1} / 2`);
    });
    const all = pages.join('\n');
    for (let i = 1; i <= 60; i += 1) expect(all).toContain(`${i} Őrölt kávé ${i} 1 db 1 000 Ft 1 000 Ft 27% 270 Ft 1 270 Ft`);
    expect(pages[1]).toContain('Fizetendő 76 200 Ft');
  });
});

describe('the definition', () => {
  const LOGO = 'data:image/png;base64,iVBORw0KGgo=';
  const samples = [companyInvoice(), privateInvoice(), euroInvoice(), stornoOf(companyInvoice())];

  test('is the same for the same invoice, and leaves the invoice as it was', () => {
    for (const invoice of samples) {
      const before = structuredClone(invoice);
      const { footer: firstFooter, ...first } = invoiceDocument(invoice, LOGO);
      const { footer: secondFooter, ...second } = invoiceDocument(invoice, LOGO);
      expect(first).toEqual(second);
      expect(firstFooter(1, 2)).toEqual(secondFooter(1, 2));
      expect(invoice).toEqual(before);
    }
  });

  test('is data: nothing but the footer is a function, and it survives JSON', () => {
    const { footer, ...rest } = invoiceDocument(companyInvoice(), LOGO);
    expect(typeof footer).toBe('function');
    expect(JSON.parse(JSON.stringify(rest))).toEqual({ ...rest, info: { ...rest.info, creationDate: rest.info.creationDate.toJSON() } });
  });

  test('names no file, address or SVG: the logo is the data URL it was given, under a name', () => {
    for (const invoice of samples) {
      const withLogo = invoiceDocument(invoice, LOGO);
      expect(withLogo.images).toEqual({ logo: LOGO });
      expect(nodesWith(withLogo.content, 'image').map((node) => node.image)).toEqual(['logo']);
      for (const key of ['svg', 'link', 'qr', 'font', 'src', 'url']) expect(nodesWith(withLogo.content, key)).toEqual([]);
      // The only address is the seller's website, printed as text.
      expect(texts(withLogo.content).filter((text) => /^(\/|https?:|file:|data:)/.test(text))).toEqual(['https://peldakave.hu']);
      const withoutLogo = invoiceDocument(invoice, null);
      expect(withoutLogo.images).toEqual({});
      expect(nodesWith(withoutLogo.content, 'image')).toEqual([]);
    }
  });

  test('repeats the lines’ header on every page: headerRows 1 of the nine columns', () => {
    const [lines] = nodesWith(invoiceDocument(companyInvoice(), null).content, 'table')
      .map((node) => node.table as { headerRows: number; body: unknown[][]; widths: unknown[] })
      .filter((table) => table.widths.length === 9);
    expect(lines.headerRows).toBe(1);
    expect(lines.body).toHaveLength(1 + companyInvoice().lines.length);
  });
});
