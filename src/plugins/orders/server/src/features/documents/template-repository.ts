/** The document templates' queries: every version is a row; a key's newest is the template. */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../../../../shared/contracts/actor';
import type { TemplateKind } from '../../../../shared/domain/template-rules';
import { columnOf, type StoredDate, type Transaction } from '../../core/database';
import { UID } from '../../core/uids';

export interface TemplateRow {
  id: number;
  key: string;
  /** null: a template from before invoices had templates, an order document's. */
  kind: TemplateKind | null;
  version: number;
  name: string;
  definition: Record<string, unknown>;
  isDefault: boolean | null;
  retiredAt: StoredDate | null;
  createdBy: Actor | null;
  createdAt: StoredDate;
}

export type NewTemplate = Pick<TemplateRow, 'key' | 'version' | 'name' | 'definition' | 'createdBy'> & {
  isDefault: boolean;
  kind: TemplateKind;
};

/** The rows of a kind: an order document's templates include those saved before templates had kinds. */
const ofKind = (kind: TemplateKind) => (kind === 'order' ? { $or: [{ kind: 'order' }, { kind: { $null: true } }] } : { kind });

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

    /** The default template of a kind, its newest version, or null: the built-in one is used then. */
    async theDefault(kind: TemplateKind): Promise<TemplateRow | null> {
      const row: TemplateRow | null = await rows().findOne({
        where: { $and: [{ isDefault: true, ...live }, ofKind(kind)] },
        orderBy: { version: 'desc' },
      });
      if (!row) return null;
      // The newest version of the default's key is the default, whether or not its own flag was copied.
      return this.find(row.key);
    },

    create: (fields: NewTemplate): Promise<TemplateRow> => rows().create({ data: fields }) as Promise<TemplateRow>,

    /** Only one template of a kind is the default: the others' flags are cleared in the same transaction. */
    clearDefaults: (trx: Transaction, exceptKey: string, kind: TemplateKind) => {
      const query = trx(table()).whereNot(column('key'), exceptKey);
      if (kind === 'order') query.andWhere((where) => where.where(column('kind'), 'order').orWhereNull(column('kind')));
      else query.andWhere(column('kind'), kind);
      return query.update({ [column('isDefault')]: false });
    },

    /** Retires every version of a template: documents made from it keep naming it. */
    retire: (trx: Transaction, key: string) =>
      trx(table())
        .where(column('key'), key)
        .update({ [column('retiredAt')]: new Date(), [column('isDefault')]: false }),
  };
};
