import { Box, Flex } from '@strapi/design-system';
import { Layouts, Page, SearchInput } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FRESH } from '../../../api/base';
import { useGetSegmentOverviewQuery, useListCustomersQuery } from '../../../api/customers';
import { apiErrorOf } from '../../../api/errors';
import { ListPagination } from '../../../ui/ListPagination';
import { ListLoadError } from '../../../ui/ListLoadError';
import { getTranslation } from '../../../ui/translations';
import { useConnectionOptions } from '../../orders/hooks/useConnectionOptions';
import { CustomersExportButton } from './components/CustomersExportButton';
import { CustomersFilters } from './components/CustomersFilters';
import { CustomersTable } from './components/CustomersTable';
import { SegmentOverview } from './components/SegmentOverview';
import { useCustomersListQuery } from './hooks/useCustomersListQuery';

/** "Customers" (Ügyfelek): the overview per segment, then every customer, filtered, sorted and paged by the server. */
export const CustomersPage = () => {
  const { formatMessage } = useIntl();
  const { filters, sort, filterQuery, serverQuery, isFiltered, change, clearFilters } = useCustomersListQuery();
  const customers = useListCustomersQuery(serverQuery, FRESH);
  const overview = useGetSegmentOverviewQuery(undefined, FRESH);
  const connections = useConnectionOptions(filters.connection);

  const pagination = customers.data?.meta.pagination;
  const title = formatMessage({ id: getTranslation('customers.title'), defaultMessage: 'Customers' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination &&
          formatMessage(
            { id: getTranslation('customers.subtitle'), defaultMessage: '{total, plural, one {# customer} other {# customers}}' },
            { total: pagination.total }
          )
        }
        primaryAction={<CustomersExportButton query={filterQuery} />}
      />
      <Layouts.Action
        startActions={
          <>
            <SearchInput
              label={formatMessage({ id: getTranslation('customers.search'), defaultMessage: 'Search customers' })}
              placeholder={formatMessage({
                id: getTranslation('customers.search.placeholder'),
                defaultMessage: 'Name, email, phone, company or tax number',
              })}
            />
            <CustomersFilters filters={filters} connections={connections} onChange={change} onClear={clearFilters} />
          </>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {overview.data && <SegmentOverview currency={overview.data.currency} segments={overview.data.segments} />}
          {customers.error ? (
            <ListLoadError
              message={formatMessage({ id: getTranslation('customers.error'), defaultMessage: 'The customers could not be loaded.' })}
              error={apiErrorOf(customers.error)}
              onRetry={customers.refetch}
            />
          ) : (
            <Box>
              <CustomersTable
                customers={customers.data?.data ?? []}
                isLoading={customers.isFetching}
                isFiltered={isFiltered}
                sort={sort}
                onSort={(next) => change({ sort: next })}
              />
              <ListPagination pagination={pagination} />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
