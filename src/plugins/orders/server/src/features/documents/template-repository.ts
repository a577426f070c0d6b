/** The document templates' queries: every version is a row; a key's newest is the template. */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import { columnOf, type StoredDate, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

export interface TemplateRow {
  id: number;
  key: string;
  version: number;
  name: string;
  definition: Record<string, unknown>;
  isDefault: boolean | null;
  retiredAt: StoredDate | null;
  createdBy: Actor | null;
  createdAt: StoredDate;
}

export type NewTemplate = Pick<TemplateRow, 'key' | 'version' | 'name' | 'definition' | 'createdBy'> & { isDefault: boolean };

/** No two rows of one template share a version. */
export const TEMPLATE_VERSION_INDEX = 'orders_document_templates_key_version_unique';

export const templatesRepository = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UID.documentTemplate);
  const table = () => strapi.db.metadata.get(UID.documentTemplate).tableName;
  const column = (attribute: string) => columnOf(strapi, UID.documentTemplate, attribute);
  const live = { retiredAt: { $null: true } };

  return {
    async ensureVersionIndex() {
      await strapi.db.connection.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
        TEMPLATE_VERSION_INDEX,
        table(),
        column('key'),
        column('version'),
      ]);
    },

    /** The newest version of every template that is not retired, by name. */
    async newest(): Promise<TemplateRow[]> {
      const all: TemplateRow[] = await rows().findMany({ where: live, orderBy: [{ key: 'asc' }, { version: 'desc' }] });
      const seen = new Set<string>();
      return all.filter((row) => !seen.has(row.key) && seen.add(row.key)).sort((a, b) => a.name.localeCompare(b.name, 'hu'));
    },

    /** A template's newest version, unless it is retired. */
    find: (key: string): Promise<TemplateRow | null> => rows().findOne({ where: { key, ...live }, orderBy: { version: 'desc' } }),

    /** The default template's newest version, or null: the built-in one is used then. */
    async theDefault(): Promise<TemplateRow | null> {
      const row: TemplateRow | null = await rows().findOne({ where: { isDefault: true, ...live }, orderBy: { version: 'desc' } });
      if (!row) return null;
      // The newest version of the default's key is the default, whether or not its own flag was copied.
      return this.find(row.key);
    },

    create: (fields: NewTemplate): Promise<TemplateRow> => rows().create({ data: fields }) as Promise<TemplateRow>,

    /** Only one template is the default: the others' flags are cleared in the same transaction. */
    clearDefaults: (trx: Transaction, exceptKey: string) =>
      trx(table())
        .whereNot(column('key'), exceptKey)
        .update({ [column('isDefault')]: false }),

    /** Retires every version of a template: documents made from it keep naming it. */
    retire: (trx: Transaction, key: string) =>
      trx(table())
        .where(column('key'), key)
        .update({ [column('retiredAt')]: new Date(), [column('isDefault')]: false }),
  };
};
