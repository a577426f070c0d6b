/**
 * Custom document templates (sablon), Settings → Orders → Templates: every save is a new version,
 * a template is retired, never deleted, and one is the default of its kind. The definition's own
 * rules are shared/domain/template-rules.ts: the server refuses one that breaks them with a 400
 * naming the node and the rule.
 */
import { z } from 'zod';
import type { Actor } from './actor';
import { documentId, ours, text } from './fields';
import type { Answer } from './pages';
import { TEMPLATE_KINDS, type TemplateKind } from '../domain/template-rules';

/** How deeply a template's JSON body may nest: its nodes' nesting, twice (a node and its list), and the body's own. */
export const TEMPLATE_BODY_DEPTH = 32;

const definition = z.record(z.string(), z.unknown());

export const createTemplateInput = z.strictObject({
  name: text(100).min(1),
  /** What it makes: order documents (the default) or invoices. A template keeps its kind. */
  kind: z.enum(TEMPLATE_KINDS).optional(),
  definition,
  /** Make it the default of its kind: finalized orders' documents, or invoices, are then made from it. */
  isDefault: z.boolean().optional(),
});

/** A new version of the template: what is left out keeps its value. */
export const updateTemplateInput = z.strictObject({
  name: text(100).min(1).optional(),
  definition: definition.optional(),
  isDefault: z.boolean().optional(),
});

/** A preview: a definition (saved or not) filled from an order, or — an invoice template — from an invoice, as a PDF. */
export const previewTemplateInput = z
  .strictObject({ definition, order: documentId.optional(), invoice: documentId.optional() })
  .refine((input) => Boolean(input.order) !== Boolean(input.invoice), {
    path: ['order'],
    message: 'give an order, or an invoice for an invoice template',
    ...ours('required'),
  });

export type CreateTemplateInput = z.infer<typeof createTemplateInput>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

/** A template's newest version, as the admin API answers it. */
export interface TemplateJson {
  /** Stays from version to version; documents name it with the version they were made from. */
  key: string;
  kind: TemplateKind;
  version: number;
  name: string;
  definition: Record<string, unknown>;
  isDefault: boolean;
  createdBy: Actor | null;
  createdAt: string;
}

export declare namespace ListTemplates {
  type Response = Answer<TemplateJson[]>;
}
export declare namespace CreateTemplate {
  type Request = z.input<typeof createTemplateInput>;
  type Response = Answer<TemplateJson>;
}
export declare namespace UpdateTemplate {
  type Request = z.input<typeof updateTemplateInput>;
  type Response = Answer<TemplateJson>;
}
export declare namespace RetireTemplate {
  type Response = Answer<{ key: string }>;
}
export declare namespace PreviewTemplate {
  type Request = z.input<typeof previewTemplateInput>;
  /** The PDF, base64. */
  type Response = Answer<{ contentType: 'application/pdf'; base64: string }>;
}
