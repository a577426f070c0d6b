import { Badge, Button, Dialog, EmptyStateLayout, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise, Pencil, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { isPulled, type ConnectionJson } from '../../../../../shared/contracts/connections';
import { FRESH } from '../../../api/base';
import { useDeleteConnectionMutation, useListConnectionsQuery, useSyncConnectionMutation } from '../../../api/connections';
import { useListCustomStatusesQuery } from '../../../api/settings';
import { PERMISSIONS } from '../../../permissions';
import { formatDateTime } from '../../../ui/format';
import { TableHeads, TextCell } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { ConnectionFormModal } from './components/ConnectionFormModal';

const COLUMNS = [
  { id: 'webshops.column.name', defaultMessage: 'Name' },
  { id: 'webshops.column.kind', defaultMessage: 'Kind' },
  { id: 'webshops.column.enabled', defaultMessage: 'Enabled' },
  { id: 'webshops.column.lastSync', defaultMessage: 'Last sync' },
  { id: 'webshops.column.actions', defaultMessage: 'Actions' },
];

/** canManage: connection.manage; canRead: order.read, which the custom statuses' list needs. */
const CHECKED = [...PERMISSIONS.manageConnections, ...PERMISSIONS.readOrders];

/** What the form shows: nothing, a new connection, or one of the list. */
type Editing = { connection: ConnectionJson | null } | null;

const ConnectionRow = ({ connection, canManage, onEdit }: { connection: ConnectionJson; canManage: boolean; onEdit: () => void }) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`webshops.${key}`), defaultMessage }, values);
  const submit = useSubmit();
  const [syncConnection, { isLoading: syncing }] = useSyncConnectionMutation();
  const [deleteConnection] = useDeleteConnectionMutation();
  const { lastSync } = connection;

  return (
    <Tr>
      <TextCell fontWeight="semiBold">{connection.name}</TextCell>
      <TextCell>{t(`kind.${connection.kind}`, connection.kind)}</TextCell>
      <Td>
        <Badge active={connection.enabled}>{connection.enabled ? t('enabled.on', 'On') : t('enabled.off', 'Off')}</Badge>
      </Td>
      <Td>
        {/* A shop that only sends (WooCommerce, Shoprenter) is never pulled: "Never" would read as if it were not working. */}
        {!isPulled(connection.kind) ? (
          <Typography textColor="neutral600">{t('sync.push', 'Not pulled: the shop sends')}</Typography>
        ) : lastSync ? (
          <Flex direction="column" alignItems="flex-start">
            <Typography textColor={lastSync.ok ? 'success600' : 'danger600'}>
              {formatDateTime(lastSync.at, locale)} · {lastSync.ok ? t('sync.ok', 'OK') : t('sync.failed', 'Failed')}
            </Typography>
            {lastSync.error && (
              <Typography variant="pi" textColor="neutral600">
                {lastSync.error}
              </Typography>
            )}
          </Flex>
        ) : (
          <Typography textColor="neutral600">{t('sync.never', 'Never')}</Typography>
        )}
      </Td>
      <Td>
        <Flex gap={1}>
          <IconButton label={t('edit', 'Edit')} variant="ghost" onClick={onEdit}>
            <Pencil />
          </IconButton>
          {isPulled(connection.kind) && (
            <IconButton
              label={t('sync.now', 'Sync now')}
              variant="ghost"
              disabled={!canManage || syncing}
              onClick={() =>
                submit(syncConnection(connection.documentId), { done: () => t('sync.done', '{name} synced.', { name: connection.name }) })
              }
            >
              <ArrowClockwise />
            </IconButton>
          )}
          <Dialog.Root>
            <Dialog.Trigger>
              <IconButton label={t('delete', 'Delete')} variant="ghost" disabled={!canManage}>
                <Trash />
              </IconButton>
            </Dialog.Trigger>
            <ConfirmDialog
              onConfirm={async () => {
                await submit(deleteConnection(connection.documentId), {
                  done: () => t('delete.done', '{name} deleted.', { name: connection.name }),
                });
              }}
            >
              {t(
                'delete.confirm',
                'Delete the webshop connection {name}? The shop’s orders stay; it can send no more, and its name is free again.',
                { name: connection.name }
              )}
            </ConfirmDialog>
          </Dialog.Root>
        </Flex>
      </Td>
    </Tr>
  );
};

const WebshopsList = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`webshops.${key}`), defaultMessage });
  const connections = useListConnectionsQuery(undefined, FRESH);
  const {
    allowedActions: { canManage, canRead: canReadOrders },
  } = useRBAC(CHECKED);
  // The custom statuses are readable by whoever reads orders; without, the status map shows the saved keys.
  const customStatuses = useListCustomStatusesQuery(undefined, { ...FRESH, skip: !canReadOrders });
  const [editing, setEditing] = useState<Editing>(null);

  if (connections.error) return <Page.Error />;
  if (!connections.currentData) return <Page.Loading />;
  const list = connections.currentData;

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Webshops')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Webshops')}
        subtitle={t('subtitle', 'The webshops orders arrive from: their secrets, addresses and status maps')}
        primaryAction={
          <Button startIcon={<Plus />} onClick={() => setEditing({ connection: null })} disabled={!canManage}>
            {t('add', 'Add webshop connection')}
          </Button>
        }
      />
      <Layouts.Content>
        {list.length ? (
          <Table colCount={COLUMNS.length} rowCount={list.length + 1}>
            <TableHeads columns={COLUMNS} />
            <Tbody>
              {list.map((connection) => (
                <ConnectionRow
                  key={connection.documentId}
                  connection={connection}
                  canManage={canManage}
                  onEdit={() => setEditing({ connection })}
                />
              ))}
            </Tbody>
          </Table>
        ) : (
          <EmptyStateLayout content={t('empty', 'No webshop connection yet.')} />
        )}
      </Layouts.Content>
      {editing && (
        <ConnectionFormModal
          connection={editing.connection}
          customStatuses={customStatuses.currentData ?? null}
          canManage={canManage}
          onClose={() => setEditing(null)}
        />
      )}
    </Page.Main>
  );
};

/** Settings → Orders → Webshops: the webshop connections. */
export const WebshopsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readConnections}>
    <WebshopsList />
  </Page.Protect>
);
