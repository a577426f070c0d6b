/** What the template editor reads of its text: the JSON, and the rules it breaks, before the server is asked. */
import { templateProblems, type TemplateProblem } from '../../../../../shared/domain/template-rules';

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

export type Checked = { definition: Record<string, unknown>; problems: TemplateProblem[] } | { error: string };

/** The editor's text read as a template: a JSON syntax error, or the definition and what it breaks. */
export const checkText = (text: string): Checked => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const problems = templateProblems(value);
  return { definition: (value ?? {}) as Record<string, unknown>, problems };
};

export const pretty = (definition: unknown) => JSON.stringify(definition, null, 2);
