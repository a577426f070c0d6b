/**
 * The safe JSON and XML readers every adapter reads through: hostile input is refused by name,
 * before any parser expands an entity or recurses into it, and numbers stay text.
 */
import { decodeHtml } from '../../../src/plugins/orders/server/src/features/integrations/adapters/common';
import { readJson } from '../../../src/plugins/orders/server/src/features/integrations/adapters/json';
import { readXml } from '../../../src/plugins/orders/server/src/features/integrations/adapters/xml';
import { refusal } from './support';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Orders><Order><Key>&lol3;</Key></Order></Orders>`;

describe('JSON', () => {
  test('a malformed body is malformedJson', () => {
    expect(refusal(() => readJson('{"id": 1,'))).toMatchObject({ code: 'malformedJson' });
  });

  test('10 000 levels of nesting are tooDeep, without a stack overflow', () => {
    expect(refusal(() => readJson(`{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`))).toMatchObject({ code: 'tooDeep' });
  });

  test('32 levels are fine', () => {
    expect(readJson(`{"a":${'['.repeat(31)}${']'.repeat(31)}}`)).toHaveProperty('a');
  });
});

describe('XML', () => {
  const lists = { lists: ['Orders.Order'] };

  test('values stay text: "0012" and "970.0714" are not turned into numbers', () => {
    expect(readXml('<Orders><Order><Key>0012</Key><Price>970.0714</Price></Order></Orders>', lists)).toEqual({
      Orders: { Order: [{ Key: '0012', Price: '970.0714' }] },
    });
  });

  test("elements named like an object's own properties are fields like any other", () => {
    const read = readXml('<Orders><Order><__proto__>x</__proto__><constructor>y</constructor><Key>1</Key></Order></Orders>', lists) as {
      Orders: { Order: Array<Record<string, unknown>> };
    };
    const [order] = read.Orders.Order;
    expect(Object.entries(order)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['Key', '1'],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('one element of a list is a list of one', () => {
    expect(readXml('<Orders><Order><Key>1</Key></Order></Orders>', lists)).toEqual({ Orders: { Order: [{ Key: '1' }] } });
  });

  test("XML's own entities and character references are decoded", () => {
    expect(readXml('<a><b>Kovács &amp; Társa &#233;&#x151;</b></a>', lists)).toEqual({ a: { b: 'Kovács & Társa éő' } });
  });

  test('a billion laughs is refused before it is parsed', () => {
    const started = Date.now();
    expect(refusal(() => readXml(BILLION_LAUGHS, lists))).toMatchObject({ code: 'xmlDeclaresEntities' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('an external entity is refused', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    expect(refusal(() => readXml(xxe, lists))).toMatchObject({ code: 'xmlDeclaresEntities' });
  });

  test('an ENTITY without a DOCTYPE, in any case, is refused too', () => {
    expect(refusal(() => readXml('<a><!entity x "y"></a>', lists))).toMatchObject({ code: 'xmlDeclaresEntities' });
  });

  test('malformed XML is malformedXml, with where', () => {
    expect(refusal(() => readXml('<Orders><Order><Key>1</Order></Orders>', lists))).toMatchObject({
      code: 'malformedXml',
      message: expect.stringContaining('line 1'),
    });
  });

  test('10 000 levels of nesting are tooDeep, without a stack overflow', () => {
    expect(refusal(() => readXml(`${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}`, lists))).toMatchObject({ code: 'tooDeep' });
  });

  test('comments, CDATA and self-closed elements do not count as levels', () => {
    const xml = `${'<a>'.repeat(31)}<!-- <b><b><b> --><![CDATA[<c><c>]]><d/><d/>${'</a>'.repeat(31)}`;
    expect(() => readXml(xml, lists)).not.toThrow();
  });
});

test("HTML entities named like an object's own properties are left as written", () => {
  expect(decodeHtml('Kávé &constructor; &ndash; &toString; &__proto__;')).toBe('Kávé &constructor; – &toString; &__proto__;');
});
