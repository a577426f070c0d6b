import { Flex, Grid, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { InvoiceJson } from '../../../../../../shared/contracts/invoices';
import { datasheetPath, invoicePath } from '../../../../paths';
import { Card } from '../../../../ui/Card';
import { formatDateTime, formatDay } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { Detail } from '../../../orders/datasheet/components/OrderCustomerCard';
import { paymentMethodLabel } from '../../utils/words';

/** A datum that is a link to another page (the order, the storno or its original). */
const LinkDetail = ({ label, to, children }: { label: string; to: string; children: string }) => (
  <Grid.Item col={6} s={12}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Link tag={NavLink} to={to}>
        {children}
      </Link>
    </Flex>
  </Grid.Item>
);

/** The invoice's header data: its dates, how it is paid, its currency, who issued it, and what it refers to. */
export const InvoiceDetails = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage, locale } = useIntl();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.field.${key}`), defaultMessage });
  return (
    <Card title={label('title', 'Invoice details')}>
      <Grid.Root gap={5}>
        <Detail label={label('issueDate', 'Issue date')} value={formatDay(invoice.issueDate, locale)} />
        <Detail label={label('fulfilmentDate', 'Fulfilment date')} value={formatDay(invoice.fulfilmentDate, locale)} />
        <Detail label={label('dueDate', 'Due date')} value={formatDay(invoice.dueDate, locale)} />
        <Detail label={label('paymentMethod', 'Payment method')} value={paymentMethodLabel(invoice.paymentMethod, formatMessage)} />
        <Detail label={label('currency', 'Currency')} value={invoice.currency} />
        {invoice.currency !== 'HUF' && (
          <Detail label={label('exchangeRate', 'Exchange rate (HUF per unit)')} value={invoice.exchangeRate} />
        )}
        <Detail label={label('series', 'Series')} value={invoice.series} />
        <Detail label={label('issued', 'Issued')} value={`${formatDateTime(invoice.issuedAt, locale)} · ${invoice.issuedBy.name}`} />
        <LinkDetail label={label('order', 'Order')} to={datasheetPath(invoice.order.documentId)}>
          {invoice.order.number}
        </LinkDetail>
        {invoice.stornoOf && (
          <LinkDetail label={label('stornoOf', 'Storno of')} to={invoicePath(invoice.stornoOf.documentId)}>
            {`${invoice.stornoOf.number} (${formatDay(invoice.stornoOf.issueDate, locale)})`}
          </LinkDetail>
        )}
        {invoice.stornoedBy && (
          <LinkDetail label={label('stornoedBy', 'Stornoed by')} to={invoicePath(invoice.stornoedBy.documentId)}>
            {invoice.stornoedBy.number}
          </LinkDetail>
        )}
        {invoice.stornoReason && <Detail label={label('stornoReason', 'Reason of the storno')} value={invoice.stornoReason} />}
      </Grid.Root>
    </Card>
  );
};
