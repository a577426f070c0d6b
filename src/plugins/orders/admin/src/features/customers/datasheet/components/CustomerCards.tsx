import { Button, Grid, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { CustomerDetailJson } from '../../../../../../shared/contracts/customers';
import { datasheetPath } from '../../../../paths';
import { PERMISSIONS } from '../../../../permissions';
import { Card } from '../../../../ui/Card';
import { SegmentBadge, segmentLabel } from '../../../../ui/SegmentBadge';
import { StateBadge } from '../../../../ui/badges';
import { formatDateTime, formatMoney } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';
import { addressText, Detail } from '../../../orders/datasheet/components/OrderCustomerCard';
import { CustomerContactForm } from './CustomerContactForm';

type Props = { customer: CustomerDetailJson };

const useText = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
};

/** "Edit contact data", for a role that may manage customers. */
const EditContact = ({ customer }: Props) => {
  const text = useText();
  const { allowedActions } = useRBAC(PERMISSIONS.manageCustomers);
  const [open, setOpen] = useState(false);
  if (!allowedActions.canManage) return null;
  return (
    <>
      <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => setOpen(true)}>
        {text('customer.contact.edit', 'Edit contact data')}
      </Button>
      {open && <CustomerContactForm customer={customer} onClose={() => setOpen(false)} />}
    </>
  );
};

/** Who the customer is and how to reach them. */
export const CustomerContactCard = ({ customer }: Props) => {
  const { locale } = useIntl();
  const text = useText();
  const label = (key: string, defaultMessage: string) => text(`order.customer.${key}`, defaultMessage);
  return (
    <Card title={text('customer.contact.title', 'Contact data')} action={<EditContact customer={customer} />}>
      <Grid.Root gap={5}>
        <Detail label={label('name', 'Name')} value={customer.name} />
        <Detail label={label('company', 'Company')} value={customer.company} />
        <Detail label={label('taxNumber', 'Tax number')} value={customer.taxNumber} />
        <Detail label={label('email', 'E-mail')} value={customer.email} />
        <Detail label={label('phone', 'Phone')} value={customer.phone} />
        <Detail label={label('address', 'Address')} value={addressText(customer.address, locale)} />
        <Detail label={text('customers.column.connection', 'Webshop')} value={customer.connection?.name} />
      </Grid.Root>
    </Card>
  );
};

/** What a shop last said of the customer's newsletter: "subscribed", "unsubscribed (bad e-mail address)"; null when none has said. */
const useNewsletterText = () => {
  const text = useText();
  return ({ subscription, subscriptionReason }: Pick<CustomerDetailJson, 'subscription' | 'subscriptionReason'>) => {
    if (subscriptionReason === 'bouncedEmail') return text('customer.newsletter.bouncedEmail', 'unsubscribed (bad e-mail address)');
    if (subscription === 'subscribed') return text('customer.newsletter.subscribed', 'subscribed');
    if (subscription === 'unsubscribed') return text('customer.newsletter.unsubscribed', 'unsubscribed');
    return null;
  };
};

/** The segment and what the customer's counted orders add up to. */
export const CustomerFiguresCard = ({ customer }: Props) => {
  const { locale } = useIntl();
  const text = useText();
  const newsletter = useNewsletterText();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : null);
  return (
    <Card title={text('customer.figures.title', 'Buying')} action={<SegmentBadge segment={customer.segment} />}>
      <Grid.Root gap={5}>
        <Detail label={text('customers.column.ordersCount', 'Orders')} value={String(customer.ordersCount)} />
        <Detail label={text('customers.column.successfulCount', 'Successful')} value={String(customer.successfulCount)} />
        <Detail
          label={text('customers.column.totalSpent', 'Total spent')}
          value={formatMoney(customer.totalSpent, customer.currency, locale)}
        />
        <Detail label={text('customers.column.lastOrderAt', 'Last order')} value={when(customer.lastOrderAt)} />
        <Detail label={text('customer.figures.since', 'Customer since')} value={when(customer.createdAt)} />
        <Detail label={text('customer.figures.segmentSince', 'In this segment since')} value={when(customer.segmentChangedAt)} />
        <Detail label={text('customer.newsletter', 'Newsletter')} value={newsletter(customer)} />
        <Detail label={text('customer.newsletter.since', 'Newsletter state since')} value={when(customer.subscriptionAt)} />
      </Grid.Root>
      <Typography variant="pi" textColor="neutral600">
        {text('customer.figures.counted', 'Counted: finalized, fulfilled and successful orders (Settings).')}
      </Typography>
    </Card>
  );
};

const ORDER_COLUMNS = [
  { id: 'list.column.number', defaultMessage: 'Number' },
  { id: 'list.column.date', defaultMessage: 'Date' },
  { id: 'list.column.state', defaultMessage: 'State' },
  { id: 'list.column.gross', defaultMessage: 'Gross total', alignEnd: true },
] as const;

/** The customer's latest orders, newest first. */
export const CustomerOrdersCard = ({ customer }: Props) => {
  const { locale } = useIntl();
  const text = useText();
  return (
    <Card title={text('customer.orders.title', 'Orders')}>
      {customer.orders.length === 0 ? (
        <Typography textColor="neutral600">{text('customer.orders.none', 'No orders yet.')}</Typography>
      ) : (
        <Table colCount={ORDER_COLUMNS.length} rowCount={customer.orders.length + 1}>
          <TableHeads columns={ORDER_COLUMNS} />
          <Tbody>
            {customer.orders.map((order) => (
              <Tr key={order.documentId}>
                <Td>
                  <Link tag={NavLink} to={datasheetPath(order.documentId)}>
                    {order.number}
                  </Link>
                </Td>
                <TextCell>{formatDateTime(order.createdAt, locale)}</TextCell>
                <Td>
                  <StateBadge state={order.state} />
                </Td>
                <MoneyCell amount={order.totals.gross} currency={order.currency} fontWeight="semiBold" />
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
};

const HISTORY_COLUMNS = [
  { id: 'customer.history.at', defaultMessage: 'When' },
  { id: 'customer.history.from', defaultMessage: 'From' },
  { id: 'customer.history.to', defaultMessage: 'To' },
] as const;

/** When the customer's segment changed, from what to what, newest first. */
export const CustomerSegmentHistoryCard = ({ customer }: Props) => {
  const { formatMessage, locale } = useIntl();
  const text = useText();
  return (
    <Card title={text('customer.history.title', 'Segment history')}>
      {customer.segmentHistory.length === 0 ? (
        <Typography textColor="neutral600">{text('customer.history.none', 'The segment has not been computed yet.')}</Typography>
      ) : (
        <Table colCount={HISTORY_COLUMNS.length} rowCount={customer.segmentHistory.length + 1}>
          <TableHeads columns={HISTORY_COLUMNS} />
          <Tbody>
            {customer.segmentHistory.map((change, i) => (
              <Tr key={`${change.at}-${i}`}>
                <TextCell>{formatDateTime(change.at, locale)}</TextCell>
                <TextCell>{segmentLabel(change.from, formatMessage)}</TextCell>
                <TextCell>{segmentLabel(change.to, formatMessage)}</TextCell>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
};
