import { checkTemplate, TEMPLATE_FONTS, templateProblems } from '../../src/plugins/orders/shared/domain/template-rules';
import { designOf, withDesign } from '../../src/plugins/orders/admin/src/features/settings/templates/utils';
import { customOrderDocument } from '../../src/plugins/orders/server/src/features/documents/templates/custom-template';
import type { DocumentSnapshot } from '../../src/plugins/orders/shared/contracts/documents';
import { texts } from '../helpers/definitions';

/** A template that keeps every rule: the blocks, placeholders, the logo, a numbered footer. */
const GOOD_TEMPLATE = {
  pageSize: 'A4',
  accentColor: '#aa3300',
  fontSize: 10,
  header: { text: '{{seller.name}}', alignment: 'right', margin: [32, 16, 32, 0] },
  footer: { text: '{{order.number}} · {{page}} / {{pages}}', alignment: 'center' },
  content: [
    {
      columns: [
        { image: 'logo', fit: [120, 50] },
        { text: 'Visszaigazolás {{order.number}}', style: 'title' },
      ],
    },
    { columns: [{ seller: {} }, { buyer: {} }] },
    { text: ['Kedves ', { text: '{{customer.name}}', bold: true }, '!'] },
    { lines: { columns: ['name', 'quantity', 'gross'] } },
    { vatBreakdown: {} },
    { totals: {} },
    { note: {} },
    { ul: ['Fizetés: átutalással', 'Számlaszám: {{seller.bankAccount}}'] },
    { table: { widths: ['*', 'auto'], body: [['Végösszeg', '{{totals.gross}}']] }, layout: 'noBorders' },
  ],
};

const rulesOf = (template: unknown) => templateProblems(template).map(({ path, node, rule }) => `${path} ${node} ${rule}`);

describe('a template', () => {
  test('that keeps every rule has no problems', () => {
    expect(templateProblems(GOOD_TEMPLATE)).toEqual([]);
  });

  test('with an svg node is refused, naming the node and the rule', () => {
    expect(rulesOf({ content: ['a', { svg: '<svg><image href="/etc/passwd"/></svg>' }] })).toEqual(['content.1.svg svg svgRefused']);
  });

  test('naming a file or an address as a picture is refused', () => {
    expect(rulesOf({ content: [{ image: '/etc/passwd' }] })).toEqual(['content.0.image image noFileOrUrl']);
    expect(rulesOf({ content: [{ image: '../../config/server.ts' }] })).toEqual(['content.0.image image noFileOrUrl']);
    expect(rulesOf({ content: [{ image: 'https://evil.example/x.png' }] })).toEqual(['content.0.image image noFileOrUrl']);
    expect(rulesOf({ content: [{ image: 'file:///etc/passwd' }] })).toEqual(['content.0.image image noFileOrUrl']);
    expect(rulesOf({ content: [{ image: 'data:image/png;base64,AAAA' }] })).toEqual(['content.0.image image noFileOrUrl']);
    expect(rulesOf({ content: [{ image: 'other-picture' }] })).toEqual(['content.0.image image imageNotLogo']);
  });

  test('with a node or key pdfmake has but a template may not use is refused', () => {
    expect(rulesOf({ content: [{ qr: 'https://x.hu' }] })).toEqual(['content.0.qr qr unknownNode']);
    expect(rulesOf({ content: [{ text: 'x', link: 'https://x.hu' }] })).toEqual(['content.0.link text unknownKey']);
    expect(rulesOf({ content: [{ toc: { title: 'x' } }] })).toEqual(['content.0.toc toc unknownNode']);
    expect(rulesOf({ content: [{ fontSize: 9 }] })).toEqual(['content.0 node unknownNode']);
    expect(rulesOf({ content: [], images: { logo: '/etc/passwd' } })).toEqual(['images template unknownKey']);
    expect(rulesOf({ content: [], fonts: {} })).toEqual(['fonts template unknownKey']);
  });

  test('with a font of its own, a bad colour or a table layout that is code is refused', () => {
    expect(rulesOf({ content: [{ text: 'x', font: '/usr/share/fonts/evil.ttf' }] })).toEqual(['content.0.font text badValue']);
    expect(rulesOf({ content: [{ text: 'x', color: 'url(javascript:1)' }] })).toEqual(['content.0.color text badValue']);
    expect(rulesOf({ content: [{ table: { body: [['a']] }, layout: { hLineWidth: 'x' } }] })).toEqual(['content.0.layout table badValue']);
    expect(rulesOf({ content: [{ table: { body: [['a']], widths: [{ evil: 1 }], headerRows: 'x' } }] })).toEqual([
      'content.0.table.widths table badValue',
      'content.0.table.headerRows table badValue',
    ]);
  });

  test('names a bundled font, for the whole template or a node, and answers the fonts to load', () => {
    for (const font of TEMPLATE_FONTS) expect(templateProblems({ font, content: [{ text: 'ő', font }] })).toEqual([]);
    expect(checkTemplate({ content: ['x'] }).fonts).toEqual(['Roboto']);
    expect(checkTemplate({ font: 'DejaVu Serif', content: [{ text: 'x', font: 'DejaVu Sans' }] }).fonts).toEqual([
      'Roboto',
      'DejaVu Serif',
      'DejaVu Sans',
    ]);
    expect(checkTemplate({ footer: { text: '{{page}}', font: 'DejaVu Sans' }, content: [] }, 'order').fonts).toContain('DejaVu Sans');
  });

  test('with a font that is not bundled is refused, naming the fonts that are', () => {
    expect(rulesOf({ font: 'Comic Sans', content: [] })).toEqual(['font template badValue']);
    expect(rulesOf({ content: [{ text: 'x', font: 'dejavu sans' }] })).toEqual(['content.0.font text badValue']);
    expect(rulesOf({ content: [{ stack: ['x'], font: 12 }] })).toEqual(['content.0.font stack badValue']);
    const [problem] = templateProblems({ font: 'Arial', content: [] });
    expect(problem.message).toBe('font is one of Roboto, DejaVu Sans, DejaVu Serif, not "Arial"');
    // An unknown font is not loaded.
    expect(checkTemplate({ font: 'Arial', content: [] }).fonts).toEqual(['Roboto']);
  });

  test('with an unknown placeholder, or a page number outside the header and footer, is refused', () => {
    expect(rulesOf({ content: ['{{order.secret}}'] })).toEqual(['content.0 text unknownPlaceholder']);
    expect(rulesOf({ content: ['{{page}}'] })).toEqual(['content.0 text unknownPlaceholder']);
    expect(rulesOf({ content: [], footer: '{{page}} / {{pages}}' })).toEqual([]);
  });

  test('that is too large or too deep is refused', () => {
    expect(rulesOf({ content: Array.from({ length: 600 }, () => 'x') })).toEqual([
      expect.stringMatching(/^content\.\d+ template templateTooLarge$/),
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) deep = { stack: [deep] };
    expect(rulesOf({ content: [deep] }).some((problem) => problem.endsWith('templateTooLarge'))).toBe(true);
  });

  test('that is no object, or has no content list, is refused', () => {
    expect(rulesOf('[]')).toEqual([' template badValue']);
    expect(rulesOf({})).toEqual(['content template badValue']);
  });
});

const snapshot: DocumentSnapshot = {
  language: 'hu',
  timeZone: 'Europe/Budapest',
  issuedAt: '2026-12-01T10:00:00.000Z',
  order: {
    number: '2026-000042',
    currency: 'HUF',
    createdAt: '2026-12-01T09:00:00.000Z',
    finalizedAt: null,
    note: 'Csengess',
    externalNumber: null,
  },
  seller: {
    name: 'Kávéőrlő Kft.',
    address: null,
    taxNumber: '12345676-2-42',
    euVatNumber: null,
    bankAccount: '11773016-11111018',
    email: null,
    phone: null,
    website: null,
    logo: null,
  },
  buyer: { name: 'Kovács Őrsike', address: null, taxNumber: null, email: null, phone: null },
  lines: [
    {
      name: 'Kávé',
      sku: 'K-1',
      quantity: '1',
      unit: 'db',
      unitPrice: '12990',
      discountPercent: '0',
      vatRate: '27',
      note: null,
      net: '12990',
      vat: '3507',
      gross: '16497',
    },
  ],
  totals: { net: '12990', vat: '3507', gross: '16497', byVatRate: [{ vatRate: '27', net: '12990', vat: '3507', gross: '16497' }] },
};

describe('a custom template filled', () => {
  test('substitutes its placeholders into its texts, draws our blocks, numbers the pages', () => {
    const definition = customOrderDocument(GOOD_TEMPLATE, snapshot, null);
    const all = texts(definition.content).map((text) => text.replace(/\u00a0/g, ' '));
    expect(all).toEqual(
      expect.arrayContaining(['Visszaigazolás 2026-000042', 'Kovács Őrsike', 'Számlaszám: 11773016-11111018', '16 497 Ft', 'Csengess'])
    );
    expect(all).toEqual(expect.arrayContaining(['Megnevezés', 'Mennyiség', 'Bruttó', 'ELADÓ', 'VEVŐ', 'Bruttó végösszeg']));
    expect(all).not.toContain('Cikkszám');
    expect(texts(definition.footer(2, 3))).toContain('2026-000042 · 2 / 3');
    expect(texts(definition.header!(1, 3))).toContain('Kávéőrlő Kft.');
    expect(definition.styles.title.color).toBe('#aa3300');
  });

  test('never builds its JSON as text: a placeholder’s value with quotes and braces stays text', () => {
    const tricky = { ...snapshot, buyer: { ...snapshot.buyer, name: '"}, {"image": "/etc/passwd' } };
    const definition = customOrderDocument({ content: ['{{customer.name}}'] }, tricky, null);
    expect(definition.content).toEqual(['"}, {"image": "/etc/passwd']);
  });

  test('leaves the logo out when the company has none, and puts it in by name when it has', () => {
    expect(texts(customOrderDocument(GOOD_TEMPLATE, snapshot, null).content)).not.toContain('logo');
    const withLogo = customOrderDocument(GOOD_TEMPLATE, snapshot, 'data:image/png;base64,AAAA');
    expect(withLogo.images).toEqual({ logo: 'data:image/png;base64,AAAA' });
    expect(texts(withLogo.content)).toContain('logo');
  });
});

describe('the template editor’s form', () => {
  const definition = { accentColor: '#aa3300', content: [{ lines: { columns: ['name'] } }] };

  test('reads the font, the default one when the template names none', () => {
    expect(designOf(definition).font).toBe('Roboto');
    expect(designOf({ ...definition, font: 'DejaVu Serif' }).font).toBe('DejaVu Serif');
    expect(designOf({ ...definition, font: 'Comic Sans' }).font).toBe('Roboto');
  });

  test('writes a chosen font into the JSON, and leaves the default one out', () => {
    const serif = withDesign(definition, { ...designOf(definition), font: 'DejaVu Serif' }, 'order');
    expect(serif.font).toBe('DejaVu Serif');
    expect(templateProblems(serif)).toEqual([]);
    expect('font' in withDesign(serif, { ...designOf(serif), font: 'Roboto' }, 'order')).toBe(false);
  });
});

test("keys named like an object's own properties are unknown keys, not Object's", () => {
  // JSON.parse, as the API reads a template: "__proto__" is then a key of the node, not its prototype.
  const template = JSON.parse(
    '{"content": [{"text": "a", "__proto__": {"x": 1}}, {"text": "b", "constructor": "c"}, {"text": "c", "toString": 1}]}'
  );
  expect(rulesOf(template)).toEqual([
    'content.0.__proto__ text unknownKey',
    'content.1.constructor text unknownKey',
    'content.2.toString text unknownKey',
  ]);
});
