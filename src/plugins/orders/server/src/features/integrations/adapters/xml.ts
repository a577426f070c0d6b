/**
 * A shop's XML, read safely. A DOCTYPE or an ENTITY anywhere is refused before parsing, so that
 * no entity — a billion laughs, an external file — is ever declared, let alone expanded; the
 * nesting depth is measured by a loop over the tags before any parser recurses into it. Values
 * stay text ("0012", "970.0714"): the parser never turns them into floats.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AdapterError } from './errors';
import { MAX_DEPTH } from './json';

const DECLARES_ENTITIES = /<!\s*(DOCTYPE|ENTITY)/i;

// The five entities XML predefines and character references: safe to decode once DOCTYPE is refused.
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const decodeReferences = (text: string): string =>
  text.includes('&')
    ? text.replace(REFERENCE, (whole, name?: string, decimal?: string, hex?: string) => {
        if (name) return PREDEFINED[name.toLowerCase()];
        const code = decimal ? Number(decimal) : parseInt(hex ?? '', 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      })
    : text;

/** How deeply the elements nest, or the first depth beyond `max`; one pass, no recursion. */
const deeperThan = (xml: string, max: number): boolean => {
  let depth = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const next = xml[at + 1];
    if (next === '/') depth -= 1;
    else if (next === '!') at = skip(xml, at, xml.startsWith('<![CDATA[', at) ? ']]>' : xml.startsWith('<!--', at) ? '-->' : '>');
    else if (next === '?') at = skip(xml, at, '?>');
    else {
      const end = xml.indexOf('>', at);
      if (end === -1) return false;
      if (xml[end - 1] !== '/') depth += 1;
      if (depth > max) return true;
      at = end;
    }
  }
  return false;
};

const skip = (xml: string, at: number, until: string) => {
  const end = xml.indexOf(until, at);
  return end === -1 ? xml.length : end + until.length - 1;
};

export interface XmlOptions {
  /**
   * The elements that are lists even when the shop sends one of them, by their path from the
   * root ("Orders.Order", "Orders.Order.Items.Item").
   */
  lists: readonly string[];
}

/** The document as plain objects of text; attributes as `@Name`. */
export const readXml = (body: Buffer | string, { lists }: XmlOptions): Record<string, unknown> => {
  const xml = typeof body === 'string' ? body : body.toString('utf8');
  if (DECLARES_ENTITIES.test(xml)) {
    throw new AdapterError('xmlDeclaresEntities', 'the XML declares a DOCTYPE or an ENTITY, which no shop needs; it was not read');
  }
  if (deeperThan(xml, MAX_DEPTH)) throw new AdapterError('tooDeep', `the XML nests deeper than ${MAX_DEPTH} levels`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AdapterError('malformedXml', `the body is not valid XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const listed = new Set(lists);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    trimValues: true,
    tagValueProcessor: (_name, value) => decodeReferences(value),
    attributeValueProcessor: (_name, value) => decodeReferences(value),
    isArray: (_name, jpath) => listed.has(String(jpath)),
  });
  return parser.parse(xml) as Record<string, unknown>;
};
