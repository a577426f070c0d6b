import { Badge, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { TemplateJson } from '../../../../../shared/contracts/templates';
import type { TemplateKind } from '../../../../../shared/domain/template-rules';
import { FRESH } from '../../../api/base';
import { useListTemplatesQuery } from '../../../api/templates';
import { PERMISSIONS } from '../../../permissions';
import { Panel } from '../../../ui/Card';
import { TableHeads, TextCell } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { TemplateEditor } from './components/TemplateEditor';

const COLUMNS = [
  { id: 'templates.column.name', defaultMessage: 'Name' },
  { id: 'templates.column.kind', defaultMessage: 'Makes' },
  { id: 'templates.column.version', defaultMessage: 'Version' },
  { id: 'templates.column.actions', defaultMessage: 'Actions' },
];

/** What the editor shows: nothing, a new template of a kind, or one of the list (by key). */
type Editing = { key: null; kind: TemplateKind } | { key: string } | null;

const KIND_WORDS: Record<TemplateKind, string> = { order: 'Order documents', invoice: 'Invoices' };

const TemplatesList = ({ templates, onEdit }: { templates: TemplateJson[]; onEdit: (key: string) => void }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.${key}`), defaultMessage });
  if (!templates.length)
    return <EmptyStateLayout content={t('empty', 'No custom template: documents and invoices are made from the built-in ones.')} />;
  return (
    <Table colCount={COLUMNS.length} rowCount={templates.length + 1}>
      <TableHeads columns={COLUMNS} />
      <Tbody>
        {templates.map((template) => (
          <Tr key={template.key}>
            <Td>
              <Flex gap={2}>
                <Typography fontWeight="semiBold">{template.name}</Typography>
                {template.isDefault && <Badge active>{t('default', 'Default')}</Badge>}
              </Flex>
            </Td>
            <TextCell>{t(`kind.${template.kind}`, KIND_WORDS[template.kind])}</TextCell>
            <TextCell>{template.version}</TextCell>
            <Td>
              <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => onEdit(template.key)}>
                {t('edit', 'Edit')}
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const TemplatesLoader = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.${key}`), defaultMessage });
  const templates = useListTemplatesQuery(undefined, FRESH);
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.updateSettings);
  const [editing, setEditing] = useState<Editing>(null);
  if (templates.error) return <Page.Error />;
  if (!templates.data) return <Page.Loading />;
  const current = editing?.key ? (templates.data.find((template) => template.key === editing.key) ?? null) : null;

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Templates')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Templates')}
        subtitle={t('subtitle', 'The designs order documents and invoices are made from; every save is a new version')}
        primaryAction={
          <Flex gap={2}>
            <Button
              variant="secondary"
              startIcon={<Plus />}
              onClick={() => setEditing({ key: null, kind: 'invoice' })}
              disabled={!canUpdate}
            >
              {t('newInvoice', 'New invoice template')}
            </Button>
            <Button startIcon={<Plus />} onClick={() => setEditing({ key: null, kind: 'order' })} disabled={!canUpdate}>
              {t('new', 'New template')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Panel>
            <TemplatesList templates={templates.data} onEdit={(key) => setEditing({ key })} />
          </Panel>
          {editing && (
            <Panel>
              <TemplateEditor
                // A new key, or a new version saved, starts the editor afresh.
                key={`${editing.key ?? `new-${'kind' in editing ? editing.kind : ''}`}-${current?.version ?? 0}`}
                template={current}
                kind={current?.kind ?? ('kind' in editing ? editing.kind : 'order')}
                canUpdate={canUpdate}
                onDone={(saved) => setEditing(saved ? { key: saved.key } : null)}
              />
            </Panel>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Settings → Orders → Templates: custom templates of order documents and of invoices. */
export const TemplatesPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <TemplatesLoader />
  </Page.Protect>
);
