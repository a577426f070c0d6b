import { Badge, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { TemplateJson } from '../../../../../shared/contracts/templates';
import { FRESH } from '../../../api/base';
import { useListTemplatesQuery } from '../../../api/templates';
import { PERMISSIONS } from '../../../permissions';
import { Panel } from '../../../ui/Card';
import { TableHeads, TextCell } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { TemplateEditor } from './components/TemplateEditor';

const COLUMNS = [
  { id: 'templates.column.name', defaultMessage: 'Name' },
  { id: 'templates.column.version', defaultMessage: 'Version' },
  { id: 'templates.column.actions', defaultMessage: 'Actions' },
];

/** What the editor shows: nothing, a new template, or one of the list (by key). */
type Editing = { key: string | null } | null;

const TemplatesList = ({ templates, onEdit }: { templates: TemplateJson[]; onEdit: (key: string) => void }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`templates.${key}`), defaultMessage });
  if (!templates.length)
    return <EmptyStateLayout content={t('empty', 'No custom template: documents are issued from the built-in one.')} />;
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
        subtitle={t('subtitle', 'The designs order documents are made from; every save is a new version')}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => setEditing({ key: null })} disabled={!canUpdate}>
            {t('new', 'New template')}
          </Button>
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
                key={`${editing.key ?? 'new'}-${current?.version ?? 0}`}
                template={current}
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

/** Settings → Orders → Templates: custom templates of order documents. */
export const TemplatesPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <TemplatesLoader />
  </Page.Protect>
);
