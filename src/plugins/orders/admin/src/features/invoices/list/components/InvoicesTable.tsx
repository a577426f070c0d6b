import { Link, Typography } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { InvoiceSummaryJson } from '../../../../../../shared/contracts/invoices';
import { datasheetPath, invoicePath } from '../../../../paths';
import { formatDay, formatMoney } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { InvoiceBadge } from '../../components/InvoiceBadge';

interface Props {
  invoices: InvoiceSummaryJson[];
  isLoading: boolean;
  isFiltered: boolean;
}

const Text = ({ children, strong }: { children: string; strong?: boolean }) => (
  <Typography textColor="neutral800" fontWeight={strong ? 'semiBold' : undefined}>
    {children}
  </Typography>
);

/** One page of invoices and stornos, newest first, as the server orders them. */
export const InvoicesTable = ({ invoices, isLoading, isFiltered }: Props) => {
  const { formatMessage, locale } = useIntl();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.column.${key}`), defaultMessage });
  const columns = [
    { name: 'number', label: label('number', 'Invoice number') },
    { name: 'issueDate', label: label('issueDate', 'Issue date') },
    { name: 'dueDate', label: label('dueDate', 'Due date') },
    { name: 'buyer', label: label('buyer', 'Buyer') },
    { name: 'gross', label: label('gross', 'Gross') },
    { name: 'kind', label: label('kind', 'Type') },
    { name: 'order', label: label('order', 'Order') },
  ];
  // Strapi's table keys its rows by `id`.
  const rows = invoices.map((invoice) => ({ ...invoice, id: invoice.documentId }));

  return (
    <Table.Root rows={rows} headers={columns} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {columns.map((column) => (
            <Table.HeaderCell key={column.name} {...column} sortable={false} />
          ))}
        </Table.Head>
        <Table.Loading>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Table.Loading>
        <Table.Empty
          content={
            isFiltered
              ? formatMessage({ id: getTranslation('invoices.empty.filtered'), defaultMessage: 'No invoices match these filters' })
              : formatMessage({ id: getTranslation('invoices.empty'), defaultMessage: 'No invoices yet' })
          }
        />
        <Table.Body>
          {rows.map((invoice) => (
            <Table.Row key={invoice.id}>
              <Table.Cell>
                <Link tag={NavLink} to={invoicePath(invoice.documentId)}>
                  {invoice.number}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Text>{formatDay(invoice.issueDate, locale)}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{formatDay(invoice.dueDate, locale)}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text>{invoice.buyer.name}</Text>
              </Table.Cell>
              <Table.Cell>
                <Text strong>{formatMoney(invoice.totals.gross, invoice.currency, locale)}</Text>
              </Table.Cell>
              <Table.Cell>
                <InvoiceBadge type={invoice.type} state={invoice.state} />
              </Table.Cell>
              <Table.Cell>
                <Link tag={NavLink} to={datasheetPath(invoice.order.documentId)}>
                  {invoice.order.number}
                </Link>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
