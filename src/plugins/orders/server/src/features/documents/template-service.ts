/**
 * Custom document templates (sablon): created, saved as new versions, retired, one the default,
 * previewed on an order. A template is checked against shared/domain/template-rules.ts at every
 * save and preview: one that breaks a rule is refused with a 400 naming each node and rule, and
 * never stored or rendered.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { CreateTemplateInput, TemplateJson, UpdateTemplateInput } from '../../../../shared/contracts/templates';
import { templateProblems, type TemplateKind } from '../../../../shared/domain/template-rules';
import { isoOf } from '../../core/database';
import { invalidFields, notFound } from '../../core/errors';
import { templatesRepository, type TemplateRow } from './template-repository';

const serializeTemplate = (row: TemplateRow): TemplateJson => ({
  key: row.key,
  kind: row.kind ?? 'order',
  version: row.version,
  name: row.name,
  definition: row.definition,
  isDefault: Boolean(row.isDefault),
  createdBy: row.createdBy ?? null,
  createdAt: isoOf(row.createdAt),
});

/** Refuses a definition that breaks a rule of its kind: 400, each node at fault under `definition`. */
export const checkTemplate = (definition: unknown, kind: TemplateKind = 'order') => {
  const problems = templateProblems(definition, kind);
  if (!problems.length) return;
  throw invalidFields(
    problems.map(({ path, node, rule, message }) => ({
      path: ['definition', ...path.split('.').filter(Boolean)],
      code: rule,
      message: `${path || 'the template'} (${node}): ${message}`,
      values: { node, at: path },
    }))
  );
};

const noTemplate = (key: string) => notFound('templateNotFound', `No document template ${key}`, { key });

const createTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = templatesRepository(strapi);

  /** Writes a version; when it is the default, no other template is. */
  const save = async (fields: Parameters<typeof rows.create>[0]): Promise<TemplateJson> =>
    // The transaction answers what its callback does: the saved version.
    (await strapi.db.transaction(async ({ trx }) => {
      if (fields.isDefault) await rows.clearDefaults(trx, fields.key, fields.kind);
      return serializeTemplate(await rows.create(fields));
    })) as TemplateJson;

  return {
    async list(): Promise<TemplateJson[]> {
      return (await rows.newest()).map(serializeTemplate);
    },

    async create(input: CreateTemplateInput, actor: Actor): Promise<TemplateJson> {
      const kind = input.kind ?? 'order';
      checkTemplate(input.definition, kind);
      return save({
        key: createId(),
        kind,
        version: 1,
        name: input.name,
        definition: input.definition,
        isDefault: Boolean(input.isDefault),
        createdBy: actor,
      });
    },

    /** Every save is a new version; earlier ones stay, as the documents made from them name them. */
    async update(key: string, input: UpdateTemplateInput, actor: Actor): Promise<TemplateJson> {
      const newest = await rows.find(key);
      if (!newest) throw noTemplate(key);
      const definition = input.definition ?? newest.definition;
      const kind = newest.kind ?? 'order';
      checkTemplate(definition, kind);
      return save({
        key,
        kind,
        version: newest.version + 1,
        name: input.name ?? newest.name,
        definition,
        isDefault: input.isDefault ?? Boolean(newest.isDefault),
        createdBy: actor,
      });
    },

    /** A template is retired, never deleted: its documents keep naming it. The default then is the built-in one. */
    async retire(key: string): Promise<void> {
      if (!(await rows.find(key))) throw noTemplate(key);
      await strapi.db.transaction(({ trx }) => rows.retire(trx, key));
    },

    /** The template a kind is made from now (finalized orders' documents, invoices): its key, version and definition; null for the built-in one. */
    async theDefault(kind: TemplateKind = 'order'): Promise<Pick<TemplateRow, 'key' | 'version' | 'definition'> | null> {
      return rows.theDefault(kind);
    },
  };
};

export default createTemplatesService;
