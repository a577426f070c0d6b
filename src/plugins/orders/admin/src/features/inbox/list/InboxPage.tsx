import { Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FRESH } from '../../../api/base';
import { useListConnectionsQuery } from '../../../api/connections';
import { apiErrorOf } from '../../../api/errors';
import { useListInboxQuery } from '../../../api/inbox';
import { PERMISSIONS } from '../../../permissions';
import { ListPagination } from '../../../ui/ListPagination';
import { ListLoadError } from '../../../ui/ListLoadError';
import { getTranslation } from '../../../ui/translations';
import { InboxFilters } from './components/InboxFilters';
import { InboxTable } from './components/InboxTable';
import { useInboxListQuery } from './hooks/useInboxListQuery';

/** "Inbox" (Beérkezett adatok): every payload the webshops sent or we pulled, newest first, paged by the server. */
export const InboxPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(`inbox.${key}`), defaultMessage }, values as Record<string, string>);
  const { filters, serverQuery, isFiltered, change, clearFilters } = useInboxListQuery();
  const entries = useListInboxQuery(serverQuery, FRESH);
  const {
    allowedActions: { canRead: canReadConnections },
    isLoading: checking,
  } = useRBAC(PERMISSIONS.readConnections);
  const connections = useListConnectionsQuery(undefined, { ...FRESH, skip: checking || !canReadConnections });

  // Without connection read, the connections to filter by are those of the entries shown.
  const connectionOptions = connections.data
    ? connections.data.map(({ documentId, name }) => ({ value: documentId, label: name }))
    : [...new Map((entries.data?.data ?? []).map(({ connection }) => [connection.documentId, connection.name])).entries()].map(
        ([value, label]) => ({ value, label })
      );

  const pagination = entries.data?.meta.pagination;
  const title = t('title', 'Inbox');

  return (
    <Page.Main aria-busy={entries.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination
            ? t('subtitle', '{total, plural, one {# entry} other {# entries}} received from the webshops', { total: pagination.total })
            : undefined
        }
        secondaryAction={
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => entries.refetch()} loading={entries.isFetching}>
            {t('refresh', 'Refresh')}
          </Button>
        }
      />
      <Layouts.Action
        startActions={<InboxFilters filters={filters} connections={connectionOptions} onChange={change} onClear={clearFilters} />}
      />
      <Layouts.Content>
        {entries.error ? (
          <ListLoadError
            message={formatMessage({ id: getTranslation('inbox.error'), defaultMessage: 'The inbox could not be loaded.' })}
            error={apiErrorOf(entries.error)}
            onRetry={entries.refetch}
          />
        ) : (
          <>
            <InboxTable entries={entries.data?.data ?? []} isLoading={entries.isFetching && !entries.data} isFiltered={isFiltered} />
            <ListPagination pagination={pagination} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
