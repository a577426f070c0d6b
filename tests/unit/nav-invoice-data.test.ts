/**
 * The NAV InvoiceData XML: first that the validator can tell NAV's own samples from a broken copy,
 * then that every XML we make validates against NAV's 3.0 schemas (tests/fixtures/nav, MIT, see
 * NOTICE) and says what NAV must read: tax numbers, forints, rates, exemptions, a storno's reference.
 */
import { readdirSync } from 'fs';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { InvoiceJson } from '../../src/plugins/orders/shared/contracts/invoices';
import { navInvoiceData, navText, NavDataError } from '../../src/plugins/orders/server/src/features/invoices/nav-invoice-data';
import { navFileName, navZip } from '../../src/plugins/orders/server/src/features/invoices/nav-zip';
import { NAV_FIXTURES, readNavFixture, schemaErrors } from '../helpers/nav-schema';
import { companyInvoice, euroInvoice, privateInvoice, stornoOf } from '../helpers/sample-invoices';

const SAMPLES = readdirSync(NAV_FIXTURES).filter((name) => name.startsWith('sample_') && name.endsWith('.xml'));

const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name) => ['line', 'summaryByVatRate'].includes(name),
});

// The parsed XML is read by its element names.
const parse = (xml: string): any => parser.parse(xml).InvoiceData;
const invoiceOf = (xml: string): any => parse(xml).invoiceMain.invoice;

describe('the validator', () => {
  test('accepts every NAV sample', async () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(7);
    for (const sample of SAMPLES)
      expect({ sample, errors: await schemaErrors(readNavFixture(sample), sample) }).toEqual({ sample, errors: [] });
  });

  test.each([
    ['a currency of four letters', (xml: string) => xml.replace('<currencyCode>EUR</currencyCode>', '<currencyCode>EURO</currencyCode>')],
    [
      'a VAT percentage of 27 instead of 0.27',
      (xml: string) => xml.replace('<vatPercentage>0.27</vatPercentage>', '<vatPercentage>27</vatPercentage>'),
    ],
    [
      'an amount with three decimals',
      (xml: string) => xml.replace('<lineNetAmount>3000.00</lineNetAmount>', '<lineNetAmount>3000.001</lineNetAmount>'),
    ],
    ['a missing invoice number', (xml: string) => xml.replace(/<invoiceNumber>.*<\/invoiceNumber>/, '')],
    [
      'elements out of order',
      (xml: string) =>
        xml.replace(/(<invoiceIssueDate>.*<\/invoiceIssueDate>)(\s*)(<completenessIndicator>.*<\/completenessIndicator>)/, '$3$2$1'),
    ],
  ])('refuses a broken copy of a sample: %s', async (_, breakIt) => {
    const sample = readNavFixture('sample_Belfoldi_devizas_szamla.xml');
    const broken = breakIt(sample);
    expect(broken).not.toBe(sample);
    expect(await schemaErrors(broken)).not.toEqual([]);
  });
});

const INVOICES: Array<[string, () => InvoiceJson]> = [
  ['the company invoice (discount, 27 % and 5 %, AAM)', companyInvoice],
  ["the private buyer's invoice", privateInvoice],
  ['the invoice in euros (KBAET)', euroInvoice],
  ['the storno of the company invoice', () => stornoOf(companyInvoice())],
  ["the storno of the private buyer's invoice", () => stornoOf(privateInvoice())],
  ['the storno of the invoice in euros', () => stornoOf(euroInvoice())],
];

describe('the InvoiceData XML', () => {
  test.each(INVOICES)('%s validates against NAV’s schemas', async (_, make) => {
    expect(await schemaErrors(navInvoiceData(make()))).toEqual([]);
  });

  test('the header: number, issue date, not a completeness report, the namespaces of NAV’s samples', () => {
    const xml = navInvoiceData(companyInvoice());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<InvoiceData xmlns="http://schemas.nav.gov.hu/OSA/3.0/data"')).toBe(
      true
    );
    expect(xml).toContain('xmlns:base="http://schemas.nav.gov.hu/OSA/3.0/base"');
    expect(xml).toContain('xmlns:common="http://schemas.nav.gov.hu/NTCA/1.0/common"');
    const data = parse(xml);
    expect([data.invoiceNumber, data.invoiceIssueDate, data.completenessIndicator]).toEqual(['2026-E/00001', '2026-12-01', 'false']);
  });

  test('the seller: its tax number split, EU VAT number, name, simple address, bank account', () => {
    const supplier = invoiceOf(navInvoiceData(companyInvoice())).invoiceHead.supplierInfo;
    expect(supplier.supplierTaxNumber).toEqual({ 'base:taxpayerId': '12345676', 'base:vatCode': '2', 'base:countyCode': '42' });
    expect(supplier.communityVatNumber).toBe('HU12345676');
    expect(supplier.supplierName).toBe('Példa Kávé Kft.');
    expect(supplier.supplierAddress['base:simpleAddress']).toEqual({
      'base:countryCode': 'HU',
      'base:postalCode': '1051',
      'base:city': 'Budapest',
      'base:additionalAddressDetail': 'Október 6. utca 7.',
    });
    expect(supplier.supplierBankAccountNumber).toBe('11773016-11111018');
  });

  test('a domestic company buyer: DOMESTIC with its tax number, name and address', () => {
    const customer = invoiceOf(navInvoiceData(companyInvoice())).invoiceHead.customerInfo;
    expect(customer.customerVatStatus).toBe('DOMESTIC');
    expect(customer.customerVatData.customerTaxNumber).toEqual({
      'base:taxpayerId': '24387774',
      'base:vatCode': '2',
      'base:countyCode': '06',
    });
    expect(customer.customerName).toBe('Vevő Bt.');
    expect(customer.customerAddress['base:simpleAddress']['base:city']).toBe('Szeged');
  });

  test('a private buyer: PRIVATE_PERSON and nothing else, as NAV asks; cash on delivery is OTHER', () => {
    const xml = navInvoiceData(privateInvoice());
    const head = invoiceOf(xml).invoiceHead;
    expect(head.customerInfo).toEqual({ customerVatStatus: 'PRIVATE_PERSON' });
    expect(xml).not.toContain('Kovács');
    expect(xml).not.toContain('Győr');
    expect(head.invoiceDetail.paymentMethod).toBe('OTHER');
  });

  test('a company in another member state: OTHER with its community VAT number', () => {
    const customer = invoiceOf(navInvoiceData(euroInvoice())).invoiceHead.customerInfo;
    expect(customer.customerVatStatus).toBe('OTHER');
    expect(customer.customerVatData).toEqual({ communityVatNumber: 'DE123456789' });
    expect(customer.customerName).toBe('Kaffee GmbH');
    expect(customer.customerAddress['base:simpleAddress']['base:countryCode']).toBe('DE');
  });

  test('the details: NORMAL, the fulfilment date, HUF at 1, transfer, the due date', () => {
    const detail = invoiceOf(navInvoiceData(companyInvoice())).invoiceHead.invoiceDetail;
    expect(detail).toEqual({
      invoiceCategory: 'NORMAL',
      invoiceDeliveryDate: '2026-11-30',
      currencyCode: 'HUF',
      exchangeRate: '1',
      paymentMethod: 'TRANSFER',
      paymentDate: '2026-12-09',
      invoiceAppearance: 'ELECTRONIC',
    });
  });

  test('the appearance: ELECTRONIC when the buyer has an e-mail address, else PAPER, or as the caller says', () => {
    const invoice = euroInvoice();
    expect(invoiceOf(navInvoiceData(invoice)).invoiceHead.invoiceDetail.invoiceAppearance).toBe('PAPER');
    expect(invoiceOf(navInvoiceData(invoice, { appearance: 'ELECTRONIC' })).invoiceHead.invoiceDetail.invoiceAppearance).toBe('ELECTRONIC');
  });

  test('lines in forints: whole amounts, VAT as a fraction, the discount, units, AAM with its reason', () => {
    const lines = invoiceOf(navInvoiceData(companyInvoice())).invoiceLines.line;
    expect(lines).toHaveLength(4);
    const [coffee, mug, book, course] = lines;
    expect(coffee).toMatchObject({
      lineNumber: '1',
      productCodes: { productCode: { productCodeCategory: 'OWN', productCodeOwnValue: 'KAVE-1' } },
      lineExpressionIndicator: 'true',
      lineNatureIndicator: 'PRODUCT',
      lineDescription: 'Pörkölt kávé 1 kg',
      quantity: '2',
      unitOfMeasure: 'PIECE',
      unitPrice: '12990',
      unitPriceHUF: '12990',
      // 2 × 12990 = 25980, less 10 % = 23382 net.
      lineDiscountData: { discountDescription: '10% kedvezmény', discountValue: '2598', discountRate: '0.1' },
      lineAmountsNormal: {
        lineNetAmountData: { lineNetAmount: '23382', lineNetAmountHUF: '23382' },
        lineVatRate: { vatPercentage: '0.27' },
        lineVatData: { lineVatAmount: '6313', lineVatAmountHUF: '6313' },
        lineGrossAmountData: { lineGrossAmountNormal: '29695', lineGrossAmountNormalHUF: '29695' },
      },
    });
    expect(mug.lineDiscountData).toBeUndefined();
    expect(book.lineAmountsNormal.lineVatRate).toEqual({ vatPercentage: '0.05' });
    expect(course.lineNatureIndicator).toBe('SERVICE');
    expect(course.unitOfMeasure).toBe('OWN');
    expect(course.unitOfMeasureOwn).toBe('alkalom');
    expect(course.lineAmountsNormal.lineVatRate).toEqual({
      vatExemption: { case: 'AAM', reason: 'Alanyi adómentes (Áfa tv. XIII. fejezet)' },
    });
    expect(course.lineModificationReference).toBeUndefined();
    expect(course.productCodes).toBeUndefined();
  });

  test('the summary per VAT rate and the totals, in forints', () => {
    const invoice = companyInvoice();
    const summary = invoiceOf(navInvoiceData(invoice)).invoiceSummary;
    expect(summary.summaryNormal.summaryByVatRate.map((row: { vatRate: unknown }) => row.vatRate)).toEqual([
      { vatPercentage: '0.27' },
      { vatPercentage: '0.05' },
      { vatExemption: { case: 'AAM', reason: 'Alanyi adómentes (Áfa tv. XIII. fejezet)' } },
    ]);
    expect(summary.summaryNormal.summaryByVatRate[0]).toMatchObject({
      vatRateNetData: { vatRateNetAmount: '30882', vatRateNetAmountHUF: '30882' },
      vatRateVatData: { vatRateVatAmount: '8338', vatRateVatAmountHUF: '8338' },
      vatRateGrossData: { vatRateGrossAmount: '39220', vatRateGrossAmountHUF: '39220' },
    });
    expect(summary.summaryNormal).toMatchObject({
      invoiceNetAmount: invoice.totals.net,
      invoiceNetAmountHUF: invoice.totals.netHuf,
      invoiceVatAmount: invoice.totals.vat,
      invoiceVatAmountHUF: invoice.totals.vatHuf,
    });
    expect(summary.summaryGrossData).toEqual({ invoiceGrossAmount: '59460', invoiceGrossAmountHUF: '59460' });
  });

  test('in euros: the exchange rate, every amount also in whole forints, KBAET for the supply within the EU', () => {
    const invoice = euroInvoice();
    const parsed = invoiceOf(navInvoiceData(invoice));
    expect(parsed.invoiceHead.invoiceDetail).toMatchObject({ currencyCode: 'EUR', exchangeRate: '395.12' });
    const [coffee, shipping] = parsed.invoiceLines.line;
    // 32.50 € × 395.12 = 12841.40 Ft; 325.00 € = 128414 Ft.
    expect(coffee).toMatchObject({ quantity: '10', unitPrice: '32.50', unitPriceHUF: '12841.40' });
    expect(coffee.lineAmountsNormal.lineNetAmountData).toEqual({ lineNetAmount: '325.00', lineNetAmountHUF: '128414' });
    expect(coffee.lineAmountsNormal.lineVatRate.vatExemption).toEqual({
      case: 'KBAET',
      reason: 'Közösségen belüli adómentes termékértékesítés (Áfa tv. 89. §)',
    });
    expect(shipping.lineAmountsNormal.lineVatData).toEqual({ lineVatAmount: '3.35', lineVatAmountHUF: invoice.lines[1].vatHuf });
    for (const line of parsed.invoiceLines.line) {
      for (const amount of [
        line.lineAmountsNormal.lineNetAmountData.lineNetAmountHUF,
        line.lineAmountsNormal.lineVatData.lineVatAmountHUF,
        line.lineAmountsNormal.lineGrossAmountData.lineGrossAmountNormalHUF,
      ]) {
        expect(amount).toMatch(/^-?\d+$/);
      }
    }
    expect(parsed.invoiceSummary.summaryGrossData.invoiceGrossAmountHUF).toBe(invoice.totals.grossHuf);
  });

  test('a storno: the reference to the original, modification index 1, new negative lines numbered on from the original', () => {
    const original = companyInvoice();
    const parsed = invoiceOf(navInvoiceData(stornoOf(original)));
    expect(parsed.invoiceReference).toEqual({
      originalInvoiceNumber: '2026-E/00001',
      modifyWithoutMaster: 'false',
      modificationIndex: '1',
    });
    const lines = parsed.invoiceLines.line;
    expect(lines.map((line: { lineModificationReference: unknown }) => line.lineModificationReference)).toEqual([
      { lineNumberReference: '5', lineOperation: 'CREATE' },
      { lineNumberReference: '6', lineOperation: 'CREATE' },
      { lineNumberReference: '7', lineOperation: 'CREATE' },
      { lineNumberReference: '8', lineOperation: 'CREATE' },
    ]);
    expect(lines[0]).toMatchObject({
      quantity: '-2',
      unitPrice: '12990',
      lineDiscountData: { discountValue: '-2598' },
      lineAmountsNormal: { lineNetAmountData: { lineNetAmount: '-23382', lineNetAmountHUF: '-23382' } },
    });
    expect(parsed.invoiceSummary.summaryGrossData).toEqual({ invoiceGrossAmount: '-59460', invoiceGrossAmountHUF: '-59460' });
  });

  test('an original has no invoiceReference', () => {
    expect(invoiceOf(navInvoiceData(companyInvoice())).invoiceReference).toBeUndefined();
  });
});

describe('odd text', () => {
  const withName = (name: string, lineName = name): InvoiceJson => {
    const invoice = companyInvoice();
    return {
      ...invoice,
      buyer: { ...invoice.buyer, name },
      lines: invoice.lines.map((line, index) => (index === 0 ? { ...line, name: lineName } : line)),
    };
  };

  test('<, & and quotes are escaped and read back as they were', async () => {
    const name = 'Kovács & Társa <"Kávé"> Bt.';
    const xml = navInvoiceData(withName(name));
    expect(xml).toContain('Kovács &amp; Társa &lt;&quot;Kávé&quot;&gt; Bt.');
    expect(invoiceOf(xml).invoiceHead.customerInfo.customerName).toBe(name);
    expect(await schemaErrors(xml)).toEqual([]);
  });

  test('a 600-character name is cut to NAV’s 512, by character, and still validates', async () => {
    const name = 'ő'.repeat(300) + '😀'.repeat(300);
    const xml = navInvoiceData(withName(name));
    const parsed = invoiceOf(xml);
    expect([...parsed.invoiceHead.customerInfo.customerName]).toHaveLength(512);
    expect([...parsed.invoiceLines.line[0].lineDescription]).toHaveLength(512);
    expect(parsed.invoiceHead.customerInfo.customerName).toBe('ő'.repeat(300) + '😀'.repeat(212));
    expect(await schemaErrors(xml)).toEqual([]);
  });

  test('NUL, control characters, lone surrogates and line breaks never reach the XML', async () => {
    const xml = navInvoiceData(withName('Vevő\u0000\u0007 Bt.\r\n második sor \uD800\uFFFF\u0085'));
    expect(invoiceOf(xml).invoiceHead.customerInfo.customerName).toBe('Vevő Bt. második sor');
    expect(await schemaErrors(xml)).toEqual([]);
  });

  test('a name of only blanks and controls is left out where NAV allows, and the XML still validates', async () => {
    const xml = navInvoiceData(withName(' \u0001\t '));
    const parsed = invoiceOf(xml);
    expect(parsed.invoiceHead.customerInfo.customerName).toBeUndefined();
    expect(parsed.invoiceLines.line[0].lineDescription).toBeUndefined();
    expect(await schemaErrors(xml)).toEqual([]);
  });

  test('whatever the names, units and address say, the XML validates (one xmllint run for all)', async () => {
    const odd = fc.constantFrom(
      '\u0000',
      '\u0008',
      '\uD800',
      '\uDFFF',
      '\uFFFE',
      '\u0085',
      '<',
      '&',
      '"',
      "'",
      ']]>',
      '\n',
      '\r',
      '\t',
      ' ',
      '\u00A0'
    );
    const text = fc.string({ unit: fc.oneof(odd, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 700 });
    const invoices = fc.sample(
      fc.record({
        name: text,
        lineName: text,
        unit: text,
        city: text,
        street: text,
        postalCode: fc.oneof(text, fc.constantFrom('1051', 'sw1a 1aa', ' 10115 ')),
      }),
      60
    );
    const xmls = invoices.map(({ name, lineName, unit, city, street, postalCode }) => {
      const invoice = withName(name, lineName);
      const buyer = { ...invoice.buyer, address: { country: 'HU', postalCode, city, street } };
      return navInvoiceData({ ...invoice, buyer, lines: invoice.lines.map((line) => ({ ...line, unit, sku: unit })) });
    });
    expect(await schemaErrors(xmls)).toEqual([]);
    // And each file was read: a broken copy of each is a file with errors.
    const broken = xmls.map((xml) => xml.replace('<invoiceCategory>NORMAL', '<invoiceCategory>ODD'));
    const failed = new Set((await schemaErrors(broken)).map((error) => error.split(':')[0]));
    expect(failed.size).toBe(xmls.length);
  });

  test('navText trims, joins lines and counts code points', () => {
    expect(navText('  a\n\tb  ', 10)).toBe('a b');
    expect(navText('😀😀😀', 2)).toBe('😀😀');
    expect(navText('abc   def', 4)).toBe('abc');
    expect(navText('', 5)).toBeNull();
    expect(navText(null, 5)).toBeNull();
  });

  test('a seller without a Hungarian tax number is refused, not reported wrong', () => {
    const invoice = companyInvoice();
    expect(() => navInvoiceData({ ...invoice, seller: { ...invoice.seller, taxNumber: 'HU12345676' } })).toThrow(NavDataError);
  });
});

describe('the ZIP of a range', () => {
  test('file names: a number made safe as a file name', () => {
    expect(navFileName('2026-E/00001')).toBe('2026-E_00001.xml');
    expect(navFileName('SZ 12/2026')).toBe('SZ_12_2026.xml');
  });

  test('unzips to the very files that went in', () => {
    const invoices = [companyInvoice(), privateInvoice(), euroInvoice(), stornoOf(companyInvoice())];
    const files = invoices.map((invoice) => ({ name: navFileName(invoice.number), xml: navInvoiceData(invoice) }));
    const zip = navZip(files, new Date('2026-12-05T08:00:00Z'));
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const unzipped = unzipSync(new Uint8Array(zip));
    expect(Object.keys(unzipped).sort()).toEqual(['2026-E_00001.xml', '2026-E_00002.xml', '2026-E_00003.xml', '2026-E_00004.xml']);
    for (const { name, xml } of files) expect(strFromU8(unzipped[name])).toBe(xml);
  });

  test('two files of one name are refused', () => {
    expect(() =>
      navZip([
        { name: 'a.xml', xml: '<a/>' },
        { name: 'a.xml', xml: '<b/>' },
      ])
    ).toThrow('two files are named a.xml');
  });
});

test("a unit named like an object's own property is an own unit, not Object's: __proto__, constructor, toString", async () => {
  const invoice = companyInvoice();
  const xml = navInvoiceData({
    ...invoice,
    lines: invoice.lines.map((line, index) => ({ ...line, unit: ['__proto__', 'constructor', 'toString'][index % 3] })),
  });
  const lines = invoiceOf(xml).invoiceLines.line;
  expect(
    lines.slice(0, 3).map((line: { unitOfMeasure: string; unitOfMeasureOwn: string }) => [line.unitOfMeasure, line.unitOfMeasureOwn])
  ).toEqual([
    ['OWN', '__proto__'],
    ['OWN', 'constructor'],
    ['OWN', 'toString'],
  ]);
  expect(await schemaErrors(xml)).toEqual([]);
});
