import { Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import { invoicePath } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { Card } from '../../../ui/Card';
import { formatDay, formatMoney } from '../../../ui/format';
import { TableHeads, TextCell } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { InvoiceBadge } from '../components/InvoiceBadge';

const COLUMNS = [
  { id: 'invoices.column.number', defaultMessage: 'Invoice number' },
  { id: 'invoices.column.kind', defaultMessage: 'Type' },
  { id: 'invoices.column.issueDate', defaultMessage: 'Issue date' },
  { id: 'invoices.column.gross', defaultMessage: 'Gross' },
];

/** The order's invoices and stornos, each a link to its datasheet. */
const OrderInvoices = ({ order }: { order: OrderJson }) => {
  const { formatMessage, locale } = useIntl();
  const invoices = order.invoices ?? [];
  return (
    <Card title={formatMessage({ id: getTranslation('invoices.card.title'), defaultMessage: 'Invoices' })}>
      {invoices.length === 0 ? (
        <Typography textColor="neutral600">
          {formatMessage({ id: getTranslation('invoices.card.none'), defaultMessage: 'No invoice has been issued.' })}
        </Typography>
      ) : (
        <Table colCount={COLUMNS.length} rowCount={invoices.length + 1}>
          <TableHeads columns={COLUMNS} />
          <Tbody>
            {invoices.map((invoice) => (
              <Tr key={invoice.documentId}>
                <Td>
                  <Link tag={NavLink} to={invoicePath(invoice.documentId)}>
                    {invoice.number}
                  </Link>
                </Td>
                <Td>
                  <InvoiceBadge type={invoice.type} state={invoice.state} />
                </Td>
                <TextCell>{formatDay(invoice.issueDate, locale)}</TextCell>
                <TextCell fontWeight="semiBold">{formatMoney(invoice.gross, order.currency, locale)}</TextCell>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
};

/** The card, for a role that may read invoices. */
export const OrderInvoicesCard = ({ order }: { order: OrderJson }) => {
  const {
    allowedActions: { canRead },
    isLoading,
  } = useRBAC(PERMISSIONS.readInvoices);
  if (isLoading || !canRead) return null;
  return <OrderInvoices order={order} />;
};
