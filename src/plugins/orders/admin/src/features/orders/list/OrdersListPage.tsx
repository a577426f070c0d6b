import { Button, EmptyStateLayout } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { Layouts, Page, Pagination, SearchInput, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { toQuery, useLoad, useOrdersApi, type ApiError } from '../../../api/orders';
import { useApiErrorText } from '../../../ui/errors';
import { NewOrderButton } from './components/NewOrderButton';
import { OrdersListFilters } from './components/OrdersListFilters';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, useOrdersListQuery } from './hooks/useOrdersListQuery';
import { OrdersListTable } from './components/OrdersListTable';
import { PERMISSIONS } from '../../../permissions';
import { getTranslation } from '../../../ui/translations';

/** "Orders" (Megrendelések): every order, filtered, sorted and paged by the server. */
export const OrdersListPage = () => {
  const { formatMessage } = useIntl();
  const api = useOrdersApi();
  const {
    allowedActions: { canCreate },
  } = useRBAC(PERMISSIONS.createOrder);
  const { filters, sort, serverQuery, isFiltered, change, clearFilters } = useOrdersListQuery();

  const orders = useLoad(() => api.listOrders(serverQuery), [toQuery(serverQuery)]);
  // The custom statuses' labels and colours; should they fail to load, statuses show as their keys.
  const statuses = useLoad(() => api.listCustomStatuses(), []);
  const customStatuses = statuses.data ?? [];

  const pagination = orders.data?.meta.pagination;
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
              placeholder={formatMessage({ id: getTranslation('list.search.placeholder'), defaultMessage: 'Number, customer or SKU' })}
            />
            <OrdersListFilters filters={filters} customStatuses={customStatuses} onChange={change} onClear={clearFilters} />
          </>
        }
      />
      <Layouts.Content>
        {orders.error ? (
          <LoadError error={orders.error} onRetry={orders.reload} />
        ) : (
          <>
            <OrdersListTable
              orders={orders.data?.data ?? []}
              isLoading={orders.loading}
              isFiltered={isFiltered}
              sort={sort}
              onSort={(next) => change({ sort: next })}
              customStatuses={customStatuses}
            />
            <Pagination.Root pageCount={pagination?.pageCount} total={pagination?.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={PAGE_SIZES} />
              <Pagination.Links />
            </Pagination.Root>
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/**
 * The list could not be loaded. Shown below the filters rather than as a whole-page error, so that
 * a filter the server refuses can be changed right here.
 */
const LoadError = ({ error, onRetry }: { error: ApiError; onRetry: () => void }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  return (
    <EmptyStateLayout
      hasRadius
      shadow="tableShadow"
      icon={<WarningCircle width="16rem" />}
      content={`${formatMessage({ id: getTranslation('list.error'), defaultMessage: 'The orders could not be loaded.' })} ${errorText(error)}`}
      action={
        <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRetry}>
          {formatMessage({ id: getTranslation('list.retry'), defaultMessage: 'Try again' })}
        </Button>
      }
    />
  );
};
