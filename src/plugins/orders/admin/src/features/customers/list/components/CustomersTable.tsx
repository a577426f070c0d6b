import { Link, Typography } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { CustomerSort, CustomerSummaryJson } from '../../../../../../shared/contracts/customers';
import { customerPath } from '../../../../paths';
import { SegmentBadge } from '../../../../ui/SegmentBadge';
import { SortableHeader, type SortableColumn } from '../../../../ui/SortableHeader';
import { formatDateTime } from '../../../../ui/format';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';

interface Props {
  customers: CustomerSummaryJson[];
  isLoading: boolean;
  isFiltered: boolean;
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
}

const Text = ({ children, strong }: { children: string; strong?: boolean }) => (
  <Typography textColor="neutral800" fontWeight={strong ? 'semiBold' : undefined}>
    {children}
  </Typography>
);

/** One page of customers with what their orders add up to. */
export const CustomersTable = ({ customers, isLoading, isFiltered, sort, onSort }: Props) => {
  const { formatMessage, locale } = useIntl();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`customers.column.${key}`), defaultMessage });
  const columns: Array<SortableColumn<CustomerSort>> = [
    { name: 'name', label: label('name', 'Name'), sorts: ['name:asc', 'name:desc'] },
    { name: 'email', label: label('email', 'Email'), sorts: [] },
    { name: 'phone', label: label('phone', 'Phone'), sorts: [] },
    { name: 'company', label: label('company', 'Company'), sorts: [] },
    { name: 'taxNumber', label: label('taxNumber', 'Tax number'), sorts: [] },
    { name: 'connection', label: label('connection', 'Webshop'), sorts: [] },
    { name: 'segment', label: label('segment', 'Segment'), sorts: [] },
    { name: 'ordersCount', label: label('ordersCount', 'Orders'), sorts: ['ordersCount:desc', 'ordersCount:asc'], alignEnd: true },
    { name: 'successfulCount', label: label('successfulCount', 'Successful'), sorts: [], alignEnd: true },
    { name: 'totalSpent', label: label('totalSpent', 'Total spent'), sorts: ['totalSpent:desc', 'totalSpent:asc'], alignEnd: true },
    { name: 'lastOrderAt', label: label('lastOrderAt', 'Last order'), sorts: ['lastOrderAt:desc', 'lastOrderAt:asc'] },
  ];
  const rows = customers.map((customer) => ({ ...customer, id: customer.documentId }));

  return (
    <Table.Root rows={rows} headers={columns} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {columns.map((column) => (
            <SortableHeader key={column.name} column={column} sort={sort} onSort={onSort} />
          ))}
        </Table.Head>
        <Table.Loading>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Table.Loading>
        <Table.Empty
          content={
            isFiltered
              ? formatMessage({ id: getTranslation('customers.empty.filtered'), defaultMessage: 'No customers match these filters' })
              : formatMessage({ id: getTranslation('customers.empty'), defaultMessage: 'No customers yet' })
          }
        />
        <Table.Body>
          {rows.map((customer) => (
            <Table.Row key={customer.id}>
              <Table.Cell>
                <Link tag={NavLink} to={customerPath(customer.documentId)}>
                  {customer.name}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Text>{customer.email ?? '—'}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{customer.phone ?? '—'}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{customer.company ?? '—'}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{customer.taxNumber ?? '—'}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{customer.connection?.name ?? '—'}</Text>
              </Table.Cell>
              <Table.Cell>
                <SegmentBadge segment={customer.segment} />
              </Table.Cell>
              <Table.Cell textAlign="end">
                <Text>{String(customer.ordersCount)}</Text>
              </Table.Cell>
              <Table.Cell textAlign="end">
                <Text>{String(customer.successfulCount)}</Text>
              </Table.Cell>
              <MoneyCell amount={customer.totalSpent} currency={customer.currency} fontWeight="semiBold" />
              <Table.Cell>
                <Text>{customer.lastOrderAt ? formatDateTime(customer.lastOrderAt, locale) : '—'}</Text>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
