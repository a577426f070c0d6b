/** What the template editor reads of its text: the JSON, and the rules it breaks, before the server is asked. */
import {
  DEFAULT_FONT,
  isTemplateFont,
  templateProblems,
  type TemplateFont,
  type TemplateKind,
  type TemplateProblem,
} from '../../../../../shared/domain/template-rules';

/** A new template's start: every block, a placeholder, the page numbers. */
export const STARTER_TEMPLATE = {
  accentColor: '#1f3a5f',
  footer: { text: '{{order.number}} · {{page}} / {{pages}}', alignment: 'right', margin: [32, 16, 32, 0] },
  content: [
    {
      columns: [
        { image: 'logo', fit: [150, 60] },
        { text: 'Megrendelés {{order.number}}', style: 'title', alignment: 'right' },
      ],
    },
    { columns: [{ seller: {} }, { buyer: {} }], margin: [0, 16, 0, 16] },
    { lines: { columns: ['name', 'sku', 'quantity', 'unitPrice', 'discount', 'net', 'vatRate', 'vat', 'gross'] } },
    { columns: [{ vatBreakdown: {} }, { totals: {} }] },
    { note: {} },
  ],
};

/** A new invoice template's start: every block an invoice must show, the number in the footer. */
export const STARTER_INVOICE_TEMPLATE = {
  accentColor: '#1f3a5f',
  footer: { text: '{{invoice.number}} · {{page}} / {{pages}}', alignment: 'right', margin: [32, 16, 32, 0] },
  content: [
    { heading: {} },
    { columns: [{ seller: {} }, { buyer: {} }], margin: [0, 16, 0, 16] },
    { lines: {} },
    { columns: [{ vatBreakdown: {} }, { totals: {} }] },
  ],
};

export const STARTERS: Record<TemplateKind, Record<string, unknown>> = { order: STARTER_TEMPLATE, invoice: STARTER_INVOICE_TEMPLATE };

export type Checked = { definition: Record<string, unknown>; problems: TemplateProblem[] } | { error: string };

/** The editor's text read as a template of a kind: a JSON syntax error, or the definition and what it breaks. */
export const checkText = (text: string, kind: TemplateKind): Checked => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const problems = templateProblems(value, kind);
  return { definition: (value ?? {}) as Record<string, unknown>, problems };
};

export const pretty = (definition: unknown) => JSON.stringify(definition, null, 2);

/** The columns a lines block may show, in their order. */
export const LINE_COLUMNS = ['name', 'sku', 'quantity', 'unitPrice', 'discount', 'net', 'vatRate', 'vat', 'gross'] as const;

/** What the editor's form sets in a template: its font, its colour, its footer's text, the lines' columns. */
export interface Design {
  font: TemplateFont;
  accentColor: string;
  footer: string;
  columns: string[];
}

type Node = Record<string, unknown>;

/** The first lines block of a content list, wherever it is nested. */
const linesBlockOf = (node: unknown): Node | null => {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = linesBlockOf(child);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  if ('lines' in node) return node as Node;
  return linesBlockOf(Object.values(node));
};

const footerText = (footer: unknown): string =>
  typeof footer === 'string' ? footer : typeof (footer as Node | undefined)?.text === 'string' ? ((footer as Node).text as string) : '';

/** The design a definition has now. */
export const designOf = (definition: Record<string, unknown>): Design => {
  const lines = linesBlockOf(definition.content)?.lines as { columns?: string[] } | undefined;
  return {
    font: isTemplateFont(definition.font) ? definition.font : DEFAULT_FONT,
    accentColor: typeof definition.accentColor === 'string' ? definition.accentColor : '#1f3a5f',
    footer: footerText(definition.footer),
    columns: lines?.columns ?? [...LINE_COLUMNS],
  };
};

/** The definition with a design's values put in: the JSON stays the truth, the form only edits it. */
export const withDesign = (definition: Record<string, unknown>, design: Design, kind: TemplateKind): Record<string, unknown> => {
  const next = structuredClone(definition);
  // The default font is the one a template without "font" has: it is not written.
  if (design.font === DEFAULT_FONT) delete next.font;
  else next.font = design.font;
  next.accentColor = design.accentColor;
  if (design.footer) {
    const footer = next.footer && typeof next.footer === 'object' ? (next.footer as Node) : { alignment: 'right', margin: [32, 16, 32, 0] };
    next.footer = { ...footer, text: design.footer };
  } else delete next.footer;
  // An invoice's lines show every column: only an order document's lines block takes a choice.
  const block = kind === 'order' ? linesBlockOf(next.content) : null;
  if (block) block.lines = { columns: LINE_COLUMNS.filter((column) => design.columns.includes(column)) };
  return next;
};
