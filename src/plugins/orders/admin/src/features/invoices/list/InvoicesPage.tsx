import { Layouts, Page, SearchInput } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { FRESH } from '../../../api/base';
import { apiErrorOf } from '../../../api/errors';
import { useListInvoiceSeriesQuery, useListInvoicesQuery } from '../../../api/invoices';
import { ListLoadError } from '../../../ui/ListLoadError';
import { ListPagination } from '../../../ui/ListPagination';
import { getTranslation } from '../../../ui/translations';
import { InvoicesFilters } from './components/InvoicesFilters';
import { InvoicesTable } from './components/InvoicesTable';
import { NavZipButton } from './components/NavZipButton';
import { useInvoicesListQuery } from './hooks/useInvoicesListQuery';

/** "Invoices" (Számlák): every invoice and storno invoice, filtered and paged by the server. */
export const InvoicesPage = () => {
  const { formatMessage } = useIntl();
  const { filters, serverQuery, isFiltered, change, clearFilters } = useInvoicesListQuery();
  const invoices = useListInvoicesQuery(serverQuery, FRESH);
  // Only the series filter needs them; should they fail to load, the list goes without it.
  const series = useListInvoiceSeriesQuery(undefined, FRESH);

  const pagination = invoices.data?.meta.pagination;
  const title = formatMessage({ id: getTranslation('invoices.title'), defaultMessage: 'Invoices' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          pagination &&
          formatMessage(
            { id: getTranslation('invoices.subtitle'), defaultMessage: '{total, plural, one {# invoice} other {# invoices}}' },
            { total: pagination.total }
          )
        }
        primaryAction={<NavZipButton from={filters.from} to={filters.to} />}
      />
      <Layouts.Action
        startActions={
          <>
            <SearchInput
              label={formatMessage({ id: getTranslation('invoices.search'), defaultMessage: 'Search invoices' })}
              placeholder={formatMessage({ id: getTranslation('invoices.search.placeholder'), defaultMessage: 'Invoice number or buyer' })}
            />
            <InvoicesFilters filters={filters} series={series.data ?? []} onChange={change} onClear={clearFilters} />
          </>
        }
      />
      <Layouts.Content>
        {invoices.error ? (
          <ListLoadError
            message={formatMessage({ id: getTranslation('invoices.error'), defaultMessage: 'The invoices could not be loaded.' })}
            error={apiErrorOf(invoices.error)}
            onRetry={invoices.refetch}
          />
        ) : (
          <>
            <InvoicesTable invoices={invoices.data?.data ?? []} isLoading={invoices.isFetching} isFiltered={isFiltered} />
            <ListPagination pagination={pagination} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
