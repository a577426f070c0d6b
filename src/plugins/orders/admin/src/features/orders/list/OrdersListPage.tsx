import { Layouts, Page, SearchInput, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FRESH } from '../../../api/base';
import { apiErrorOf } from '../../../api/errors';
import { useListOrdersQuery } from '../../../api/orders';
import { useListCustomStatusesQuery } from '../../../api/settings';
import { PERMISSIONS } from '../../../permissions';
import { ListPagination } from '../../../ui/ListPagination';
import { ListLoadError } from '../../../ui/ListLoadError';
import { getTranslation } from '../../../ui/translations';
import { useConnectionOptions } from '../hooks/useConnectionOptions';
import { NewOrderButton } from './components/NewOrderButton';
import { OrdersListFilters } from './components/OrdersListFilters';
import { OrdersBulkBar } from './components/OrdersBulkBar';
import { OrdersExportMenu } from './components/OrdersExportMenu';
import { OrdersListTable } from './components/OrdersListTable';
import { useOrdersListQuery } from './hooks/useOrdersListQuery';

/** "Orders" (Megrendelések): every order, filtered, sorted and paged by the server. */
export const OrdersListPage = () => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canCreate },
  } = useRBAC(PERMISSIONS.createOrder);
  const {
    allowedActions: { canIssue: canInvoice },
  } = useRBAC(PERMISSIONS.issueInvoices);
  const { filters, sort, serverQuery, isFiltered, change, clearFilters } = useOrdersListQuery();

  const orders = useListOrdersQuery(serverQuery, FRESH);
  // The custom statuses' labels and colours; should they fail to load, statuses show as their keys.
  const statuses = useListCustomStatusesQuery(undefined, FRESH);
  const customStatuses = statuses.data ?? [];
  // The connection filter: for a role that may read the connections, once there is one.
  const connections = useConnectionOptions(filters.connection);

  const pagination = orders.data?.meta.pagination;
  // The list as the export and "select all matching" take it: its filters and sort, not its page.
  const { page: _page, pageSize: _pageSize, ...listFilters } = serverQuery;
  const title = formatMessage({ id: getTranslation('list.title'), defaultMessage: 'Orders' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination &&
          formatMessage(
            { id: getTranslation('list.subtitle'), defaultMessage: '{total, plural, one {# order} other {# orders}}' },
            { total: pagination.total }
          )
        }
        primaryAction={<NewOrderButton canCreate={Boolean(canCreate)} />}
      />
      <Layouts.Action
        startActions={
          <>
            <SearchInput
              label={formatMessage({ id: getTranslation('list.search'), defaultMessage: 'Search orders' })}
              placeholder={formatMessage({
                id: getTranslation('list.search.placeholder'),
                defaultMessage: 'Number, customer, email, phone or SKU',
              })}
            />
            <OrdersListFilters
              filters={filters}
              customStatuses={customStatuses}
              connections={connections}
              onChange={change}
              onClear={clearFilters}
            />
          </>
        }
        endActions={
          <OrdersExportMenu label={formatMessage({ id: getTranslation('list.export'), defaultMessage: 'Export' })} query={listFilters} />
        }
      />
      <Layouts.Content>
        {orders.error ? (
          <ListLoadError
            message={formatMessage({ id: getTranslation('list.error'), defaultMessage: 'The orders could not be loaded.' })}
            error={apiErrorOf(orders.error)}
            onRetry={orders.refetch}
          />
        ) : (
          <>
            <OrdersListTable
              orders={orders.data?.data ?? []}
              isLoading={orders.isFetching}
              isFiltered={isFiltered}
              sort={sort}
              onSort={(next) => change({ sort: next })}
              customStatuses={customStatuses}
              bulkBar={
                <OrdersBulkBar
                  total={pagination?.total ?? 0}
                  filters={listFilters}
                  customStatuses={customStatuses}
                  canInvoice={Boolean(canInvoice)}
                />
              }
            />
            <ListPagination pagination={pagination} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
