/**
 * What a custom document template may say. A template is data, never code: a pdfmake document
 * definition of allowlisted nodes and keys, with logic-less placeholders ("{{order.number}}")
 * in its texts and blocks of ours ("lines", "totals"…) that the server fills in. It cannot reach
 * outside: there is no node or key that names a file, an address or a font of its own — `svg` in
 * particular is refused, since pdfmake's SVG converter opens the image paths it finds without
 * asking its access policy —, and the only picture is the logo, which the server puts in as data.
 *
 * templateProblems() names every node at fault and the rule it breaks; the server refuses such a
 * template with a 400, and never renders one.
 */

/**
 * The fonts a template may name: the bundled ones, each with every Hungarian letter (ő ű Ő Ű) in
 * its four styles. Roboto, pdfmake's own, is the default.
 */
export const TEMPLATE_FONTS = ['Roboto', 'DejaVu Sans', 'DejaVu Serif'] as const;
export type TemplateFont = (typeof TEMPLATE_FONTS)[number];
export const DEFAULT_FONT: TemplateFont = 'Roboto';
export const isTemplateFont = (value: unknown): value is TemplateFont => TEMPLATE_FONTS.includes(value as TemplateFont);
/** pdfmake's built-in table layouts. */
export const TABLE_LAYOUTS = ['noBorders', 'headerLineOnly', 'lightHorizontalLines'] as const;
export const PAGE_SIZES = ['A4', 'A5', 'LETTER'] as const;

/** What a template makes: an order's document, or an invoice's PDF. */
export const TEMPLATE_KINDS = ['order', 'invoice'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The seller and the totals: every kind's. */
const SHARED_PLACEHOLDERS = [
  'seller.name',
  'seller.address',
  'seller.taxNumber',
  'seller.euVatNumber',
  'seller.bankAccount',
  'seller.email',
  'seller.phone',
  'seller.website',
  'totals.net',
  'totals.vat',
  'totals.gross',
] as const;

/** The placeholders an order document's texts may hold, and the two only a header or footer may. */
export const TEMPLATE_PLACEHOLDERS = [
  'order.number',
  'order.date',
  'order.finalizedDate',
  'order.issuedDate',
  'order.note',
  'order.externalNumber',
  'customer.name',
  'buyer.name',
  'buyer.company',
  'buyer.address',
  'buyer.taxNumber',
  'buyer.email',
  'buyer.phone',
  ...SHARED_PLACEHOLDERS,
] as const;
export const PAGE_PLACEHOLDERS = ['page', 'pages'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number] | (typeof PAGE_PLACEHOLDERS)[number];

/** The placeholders an invoice template's texts may hold (its blocks say the rest). */
export const INVOICE_PLACEHOLDERS = [
  'invoice.title',
  'invoice.number',
  'invoice.issueDate',
  'invoice.fulfilmentDate',
  'invoice.dueDate',
  'invoice.paymentMethod',
  'invoice.currency',
  'invoice.orderNumber',
  'buyer.name',
  'buyer.address',
  ...SHARED_PLACEHOLDERS,
] as const;
export type InvoicePlaceholder = (typeof INVOICE_PLACEHOLDERS)[number];

const PLACEHOLDERS_OF: Record<TemplateKind, readonly string[]> = { order: TEMPLATE_PLACEHOLDERS, invoice: INVOICE_PLACEHOLDERS };

/** A "{{name}}" in a text. */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

/** The nodes of pdfmake a template may use, and the blocks of ours the server fills in, per kind. */
const PDF_NODES = ['text', 'stack', 'columns', 'table', 'image', 'ul', 'ol'] as const;
const ORDER_BLOCKS = ['lines', 'vatBreakdown', 'totals', 'seller', 'buyer', 'note'] as const;
/**
 * An invoice's blocks are every particular Áfa tv. 169. § asks: the heading (title, number, the
 * dates, the payment method, the currency and rate, a storno's reference), the parties, the lines
 * with their exemptions' legal references, the summary per VAT rate and the totals — each with its
 * forints in a foreign currency. An invoice template must place them all (blockMissing), and
 * cannot choose the lines' columns: every one is required.
 */
export const INVOICE_BLOCKS = ['heading', 'seller', 'buyer', 'lines', 'vatBreakdown', 'totals'] as const;
const BLOCKS_OF: Record<TemplateKind, readonly string[]> = { order: ORDER_BLOCKS, invoice: INVOICE_BLOCKS };
const ALL_NODES: readonly string[] = [...PDF_NODES, ...ORDER_BLOCKS, ...INVOICE_BLOCKS];

/** The keys any node may have beside its own, and what each takes. */
const STYLE_KEYS: Record<string, (value: unknown) => boolean> = {
  style: (value) => typeof value === 'string' && ['title', 'label', 'tableHeader', 'lineNote'].includes(value),
  fontSize: (value) => typeof value === 'number' && value >= 4 && value <= 72,
  bold: (value) => typeof value === 'boolean',
  italics: (value) => typeof value === 'boolean',
  color: (value) => typeof value === 'string' && /^(#[0-9a-fA-F]{6}|[a-z]{3,20})$/.test(value),
  fillColor: (value) => typeof value === 'string' && /^(#[0-9a-fA-F]{6}|[a-z]{3,20})$/.test(value),
  alignment: (value) => typeof value === 'string' && ['left', 'center', 'right', 'justify'].includes(value),
  margin: (value) => typeof value === 'number' || (Array.isArray(value) && value.length <= 4 && value.every((n) => typeof n === 'number')),
  width: (value) => typeof value === 'number' || value === '*' || value === 'auto',
  lineHeight: (value) => typeof value === 'number' && value > 0 && value <= 5,
  characterSpacing: (value) => typeof value === 'number' && Math.abs(value) <= 10,
  decoration: (value) => typeof value === 'string' && ['underline', 'lineThrough', 'overline'].includes(value),
  pageBreak: (value) => value === 'before' || value === 'after',
  unbreakable: (value) => typeof value === 'boolean',
  font: isTemplateFont,
};

/** The keys of each node beside the style keys. */
const OWN_KEYS: Record<string, string[]> = {
  text: ['text'],
  stack: ['stack'],
  columns: ['columns', 'columnGap'],
  table: ['table', 'layout'],
  image: ['image', 'fit'],
  ul: ['ul'],
  ol: ['ol'],
  lines: ['lines'],
  vatBreakdown: ['vatBreakdown'],
  totals: ['totals'],
  seller: ['seller'],
  buyer: ['buyer'],
  note: ['note'],
  heading: ['heading'],
};

const TOP_KEYS = ['pageSize', 'pageOrientation', 'pageMargins', 'accentColor', 'font', 'fontSize', 'header', 'footer', 'content'];

/** Own keys only: a template's "constructor" or "__proto__" is an unknown key, not Object's property. */
const isStyleKey = (key: string) => Object.hasOwn(STYLE_KEYS, key);

/** The rules a template can break: each is a field error code, worded in the admin. */
export const TEMPLATE_RULES = [
  'svgRefused',
  'noFileOrUrl',
  'imageNotLogo',
  'unknownNode',
  'unknownKey',
  'badValue',
  'unknownPlaceholder',
  'templateTooLarge',
  'blockMissing',
] as const;
export type TemplateRule = (typeof TEMPLATE_RULES)[number];

/** One node at fault: where (a path such as "content.2.image"), which node, which rule. */
export interface TemplateProblem {
  path: string;
  node: string;
  rule: TemplateRule;
  message: string;
}

/** How large a template may be: nodes, nesting, the text of one string. */
export const TEMPLATE_LIMITS = { nodes: 500, depth: 12, text: 5000 } as const;

const LINE_COLUMN_NAMES = ['name', 'sku', 'quantity', 'unitPrice', 'discount', 'net', 'vatRate', 'vat', 'gross'];

/** Text that names a file or an address: what pdfmake would open. */
export const looksLikeFileOrUrl = (text: string) =>
  /^[a-z][a-z0-9+.-]*:/i.test(text.trim()) || /^(\/|\.{1,2}[\\/]|~|[A-Za-z]:[\\/]|\\\\)/.test(text.trim());

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Walks a template, collecting its problems. */
class Checker {
  problems: TemplateProblem[] = [];
  private nodes = 0;
  /** The blocks met, for the ones a kind requires. */
  readonly blocks = new Set<string>();
  /** The fonts named, which the renderer loads. */
  readonly fonts = new Set<TemplateFont>([DEFAULT_FONT]);
  private readonly nodeKinds: readonly string[];

  constructor(readonly kind: TemplateKind) {
    this.nodeKinds = [...PDF_NODES, ...BLOCKS_OF[kind]];
  }

  problem(path: string, node: string, rule: TemplateRule, message: string) {
    if (this.problems.length < 50) this.problems.push({ path, node, rule, message });
  }

  placeholders(path: string, node: string, text: string, pages: boolean) {
    if (text.length > TEMPLATE_LIMITS.text)
      this.problem(path, node, 'templateTooLarge', `a text longer than ${TEMPLATE_LIMITS.text} characters`);
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      const known = PLACEHOLDERS_OF[this.kind].includes(name) || (pages && (PAGE_PLACEHOLDERS as readonly string[]).includes(name));
      if (!known) this.problem(path, node, 'unknownPlaceholder', `{{${name}}} is not a placeholder${pages ? '' : ' here'}`);
    }
  }

  /** A node: a text, a list of nodes, or an object of one allowed kind with allowed keys. */
  node(value: unknown, path: string, depth: number, pages: boolean): void {
    this.nodes += 1;
    if (this.nodes === TEMPLATE_LIMITS.nodes + 1)
      this.problem(path, 'template', 'templateTooLarge', `more than ${TEMPLATE_LIMITS.nodes} nodes`);
    if (this.nodes > TEMPLATE_LIMITS.nodes) return;
    if (depth > TEMPLATE_LIMITS.depth)
      return this.problem(path, 'template', 'templateTooLarge', `nested deeper than ${TEMPLATE_LIMITS.depth}`);
    if (typeof value === 'string') return this.placeholders(path, 'text', value, pages);
    if (Array.isArray(value)) return value.forEach((child, i) => this.node(child, `${path}.${i}`, depth + 1, pages));
    if (!isObject(value)) return this.problem(path, 'node', 'badValue', 'a node is a text, a list or an object');
    // The kind is the first key that is no style: a node, or a key no node has ("svg", "qr", "link"…).
    const kind = Object.keys(value).find(
      (key) => ALL_NODES.includes(key) || key === 'svg' || (!isStyleKey(key) && !['columnGap', 'layout', 'fit'].includes(key))
    );
    if (!kind)
      return this.problem(path, 'node', 'unknownNode', 'a node names its kind: text, stack, columns, table, image, ul, ol or a block');
    if (kind === 'svg')
      return this.problem(`${path}.svg`, 'svg', 'svgRefused', 'svg nodes are refused: their images would be opened from files');
    if (!this.nodeKinds.includes(kind))
      return this.problem(
        `${path}.${kind}`,
        kind,
        'unknownNode',
        `"${kind}" is not a node ${this.kind === 'invoice' ? 'an invoice' : 'a'} template may use`
      );
    if (BLOCKS_OF[this.kind].includes(kind)) this.blocks.add(kind);
    for (const [key, given] of Object.entries(value)) this.key(kind, key, given, `${path}.${key}`, depth, pages);
  }

  key(kind: string, key: string, value: unknown, path: string, depth: number, pages: boolean) {
    if (key === kind) return this.content(kind, value, path, depth, pages);
    if (key === 'font') return this.font(path, kind, value);
    if (isStyleKey(key)) {
      if (!STYLE_KEYS[key](value)) this.problem(path, kind, 'badValue', `${key} does not take ${JSON.stringify(value)?.slice(0, 60)}`);
      return;
    }
    if (!OWN_KEYS[kind].includes(key)) return this.problem(path, kind, 'unknownKey', `a ${kind} node has no "${key}"`);
    if (key === 'layout' && !TABLE_LAYOUTS.includes(value as (typeof TABLE_LAYOUTS)[number]))
      this.problem(path, kind, 'badValue', `layout is one of ${TABLE_LAYOUTS.join(', ')}`);
    if (key === 'fit' && !(Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n > 0 && n <= 1000)))
      this.problem(path, kind, 'badValue', 'fit is [width, height]');
    if (key === 'columnGap' && typeof value !== 'number') this.problem(path, kind, 'badValue', 'columnGap is a number');
  }

  /** A node's own content: its text, its children, the logo, a block's options. */
  content(kind: string, value: unknown, path: string, depth: number, pages: boolean) {
    switch (kind) {
      case 'image':
        if (typeof value === 'string' && looksLikeFileOrUrl(value))
          return this.problem(path, kind, 'noFileOrUrl', 'a template names no file or address: its only picture is the logo');
        if (value !== 'logo')
          this.problem(path, kind, 'imageNotLogo', 'the only picture is "logo", the company’s, put in from the Media Library');
        return;
      case 'text':
        if (typeof value === 'string') return this.placeholders(path, kind, value, pages);
        return this.node(value, path, depth + 1, pages);
      case 'table':
        if (!isObject(value) || !Array.isArray(value.body))
          return this.problem(path, kind, 'badValue', 'a table has a body: a list of rows');
        for (const key of Object.keys(value))
          if (!['body', 'widths', 'headerRows'].includes(key))
            this.problem(`${path}.${key}`, kind, 'unknownKey', `a table has no "${key}"`);
        if (value.widths !== undefined && !(Array.isArray(value.widths) && value.widths.every((width) => STYLE_KEYS.width(width))))
          this.problem(`${path}.widths`, kind, 'badValue', 'widths are numbers, "*" or "auto"');
        if (value.headerRows !== undefined && !(Number.isInteger(value.headerRows) && (value.headerRows as number) >= 0))
          this.problem(`${path}.headerRows`, kind, 'badValue', 'headerRows is a whole number');
        return this.node(value.body, `${path}.body`, depth + 1, pages);
      case 'lines':
        if (this.kind === 'invoice') break;
        return this.linesBlock(value, path);
      case 'stack':
      case 'columns':
      case 'ul':
      case 'ol':
        if (!Array.isArray(value)) return this.problem(path, kind, 'badValue', `${kind} is a list of nodes`);
        return this.node(value, path, depth + 1, pages);
    }
    if (!isObject(value) || Object.keys(value).length) this.problem(path, kind, 'badValue', `the ${kind} block takes no options: {}`);
  }

  /** A font, of the template or of a node: one of the bundled, which the renderer is told to load. */
  font(path: string, node: string, value: unknown) {
    if (isTemplateFont(value)) this.fonts.add(value);
    else this.problem(path, node, 'badValue', `font is one of ${TEMPLATE_FONTS.join(', ')}, not ${JSON.stringify(value)?.slice(0, 60)}`);
  }

  linesBlock(value: unknown, path: string) {
    if (!isObject(value)) return this.problem(path, 'lines', 'badValue', 'the lines block is {"columns": […]} or {}');
    for (const key of Object.keys(value))
      if (key !== 'columns') this.problem(`${path}.${key}`, 'lines', 'unknownKey', `the lines block has no "${key}"`);
    const columns = value.columns;
    if (columns === undefined) return;
    if (!Array.isArray(columns) || !columns.length || columns.some((column) => !LINE_COLUMN_NAMES.includes(column as string)))
      this.problem(`${path}.columns`, 'lines', 'badValue', `columns are some of ${LINE_COLUMN_NAMES.join(', ')}`);
  }
}

/** The template's top level: page settings, the header and footer, the content. */
const checkTop = (template: Record<string, unknown>, checker: Checker) => {
  for (const [key, value] of Object.entries(template)) {
    if (!TOP_KEYS.includes(key)) {
      checker.problem(key, 'template', 'unknownKey', `a template has no "${key}" (images and fonts are the server's)`);
      continue;
    }
    const bad = (message: string) => checker.problem(key, 'template', 'badValue', message);
    if (key === 'pageSize' && !PAGE_SIZES.includes(value as (typeof PAGE_SIZES)[number]))
      bad(`pageSize is one of ${PAGE_SIZES.join(', ')}`);
    if (key === 'pageOrientation' && value !== 'portrait' && value !== 'landscape') bad('pageOrientation is portrait or landscape');
    if (key === 'pageMargins' && !STYLE_KEYS.margin(value)) bad('pageMargins is a number or [left, top, right, bottom]');
    if (key === 'accentColor' && !STYLE_KEYS.color(value)) bad('accentColor is a colour such as #1f3a5f');
    if (key === 'font') checker.font(key, 'template', value);
    if (key === 'fontSize' && !STYLE_KEYS.fontSize(value)) bad('fontSize is a number from 4 to 72');
  }
};

/** What checking a template finds: its problems (none: it is safe to fill and render) and the fonts it names. */
export interface TemplateCheck {
  problems: TemplateProblem[];
  fonts: TemplateFont[];
}

/** Checks a template of a kind: every problem, and the fonts to load for it (the default's always). */
export const checkTemplate = (template: unknown, kind: TemplateKind = 'order'): TemplateCheck => {
  const checker = new Checker(kind);
  const found = () => ({ problems: checker.problems, fonts: [...checker.fonts] });
  if (!isObject(template)) {
    checker.problem('', 'template', 'badValue', 'a template is a JSON object');
    return found();
  }
  if (JSON.stringify(template).length > 200_000) {
    checker.problem('', 'template', 'templateTooLarge', 'a template has at most 200 000 characters');
    return found();
  }
  checkTop(template, checker);
  if (!Array.isArray(template.content)) checker.problem('content', 'template', 'badValue', 'content is a list of nodes');
  else checker.node(template.content, 'content', 0, false);
  for (const place of ['header', 'footer'] as const) if (template[place] !== undefined) checker.node(template[place], place, 0, true);
  if (kind === 'invoice') {
    for (const block of INVOICE_BLOCKS.filter((required) => !checker.blocks.has(required))) {
      checker.problem('content', block, 'blockMissing', `an invoice template places the ${block} block: an invoice must show it`);
    }
  }
  return found();
};

/** Every problem of a template of a kind, or none: the template is then safe to fill and render. */
export const templateProblems = (template: unknown, kind: TemplateKind = 'order'): TemplateProblem[] =>
  checkTemplate(template, kind).problems;
