/**
 * A shop's XML, read safely. A DOCTYPE or an ENTITY anywhere is refused before parsing, so that
 * no entity — a billion laughs, an external file — is ever declared, let alone expanded; the
 * nesting depth is measured by a loop over the tags before any parser recurses into it. Values
 * stay text ("0012", "970.0714"): the parser never turns them into floats.
 */
import { XMLValidator } from 'fast-xml-parser';
import { AdapterError } from './errors';
import { MAX_DEPTH } from './json';

const DECLARES_ENTITIES = /<!\s*(DOCTYPE|ENTITY)/i;

// Characters XML 1.0 forbids (§2.2): C0 controls but tab, LF and CR; U+FFFE, U+FFFF. XMLValidator
// lets them through: a NUL in a product's name then failed PostgreSQL's insert as an unnamed
// processingError (text holds no U+0000) and was stored as is on SQLite. Refused like malformed
// XML, raw or written as a reference (&#0;, &#x1;), before anything is read.
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#(?:0*(?:[0-8]|1[1-2]|1[4-9]|2\d|3[01]|6553[45])|x0*(?:[0-8bce-f]|1[0-9a-f]|fff[ef]));/i;

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
  const forbidden = FORBIDDEN_CHARACTER.exec(xml);
  if (forbidden) {
    const character = forbidden[0].startsWith('&#')
      ? forbidden[0]
      : `U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new AdapterError('malformedXml', `the body is not valid XML: it contains ${character}, a character XML does not allow`);
  }
  if (deeperThan(xml, MAX_DEPTH)) throw new AdapterError('tooDeep', `the XML nests deeper than ${MAX_DEPTH} levels`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new AdapterError('malformedXml', `the body is not valid XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  return buildTree(xml, new Set(lists));
};

interface Frame {
  name: string;
  path: string;
  element: Record<string, unknown>;
  text: string;
  structured: boolean;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * An element's fields, in an object of no prototype: a shop's <__proto__> or <constructor> is a
 * field like any other, never Object's own property (nor a way to set the object's prototype).
 */
const element = (): Record<string, unknown> => Object.create(null);

const attach = (parent: Frame, name: string, value: unknown, listed: Set<string>) => {
  const path = parent.path ? `${parent.path}.${name}` : name;
  const existing = parent.element[name];
  parent.structured = true;
  if (listed.has(path)) parent.element[name] = Array.isArray(existing) ? [...existing, value] : [value];
  else if (existing === undefined) parent.element[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent.element[name] = [existing, value];
};

/**
 * The tree of a document XMLValidator has found well-formed, built by one loop over its tags:
 * fast-xml-parser's own XMLParser needs about 1 ms per order of a MiniCRM feed (10 s for
 * 10 000 orders), this a tenth of it. Its shape is fast-xml-parser's (attributes as `@Name`, text
 * beside elements as `#text`), no entity is ever expanded, and every value stays text.
 */
const buildTree = (xml: string, listed: Set<string>): Record<string, unknown> => {
  const root: Frame = { name: '', path: '', element: element(), text: '', structured: true };
  const stack: Frame[] = [root];
  let last = 0;
  for (let match = TOKEN.exec(xml); match !== null; match = TOKEN.exec(xml)) {
    const frame = stack[stack.length - 1];
    frame.text += xml.slice(last, match.index);
    last = TOKEN.lastIndex;
    const [token, cdata, closing, name, attributes, selfClosing] = match;
    if (cdata !== undefined) frame.text += cdata.replace(/&/g, '&amp;');
    if (name === undefined || token.startsWith('<!') || token.startsWith('<?')) continue;
    if (closing) {
      stack.pop();
      attach(stack[stack.length - 1], frame.name, valueOf(frame), listed);
      continue;
    }
    const opened: Frame = { name, path: frame === root ? name : `${frame.path}.${name}`, element: element(), text: '', structured: false };
    for (const [, attribute, double, single] of attributes.matchAll(ATTRIBUTE)) {
      opened.element[`@${attribute}`] = decodeReferences(double ?? single ?? '');
      opened.structured = true;
    }
    if (selfClosing) attach(frame, name, valueOf(opened), listed);
    else stack.push(opened);
  }
  TOKEN.lastIndex = 0;
  return root.element;
};

const valueOf = (frame: Frame): unknown => {
  const text = decodeReferences(frame.text.trim());
  if (!frame.structured) return text;
  if (text) frame.element['#text'] = text;
  return frame.element;
};
