import { Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import type { CustomStatus, Settings } from '../../../../../shared/contracts/settings';
import { FRESH } from '../../../api/base';
import { apiErrorOf } from '../../../api/errors';
import { useGetOrderQuery } from '../../../api/orders';
import { useGetOrdersSettingsQuery, useListCustomStatusesQuery } from '../../../api/settings';
import { ORDERS_LIST_PATH } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { Card } from '../../../ui/Card';
import { OrderCustomStatusBadge, StateBadge } from '../../../ui/badges';
import { useApiErrorText } from '../../../ui/errors';
import { formatDateTime } from '../../../ui/format';
import { LeaveGuard } from '../../../ui/LeaveGuard';
import { getTranslation } from '../../../ui/translations';
import { InboxEntries } from '../../inbox/components/InboxEntries';
import { OrderInvoiceButton } from '../../invoices/order/OrderInvoiceButton';
import { OrderInvoicesCard } from '../../invoices/order/OrderInvoicesCard';
import { ItemsTable } from '../items/ItemsTable';
import { orderSourceText } from '../utils/source';
import { OrderActions } from './components/OrderActions';
import { OrderCustomStatus } from './components/OrderCustomStatus';
import { OrderCustomerCard } from './components/OrderCustomerCard';
import { OrderDeleteButton } from './components/OrderDeleteButton';
import { OrderDocumentsCard } from './components/OrderDocuments';
import { OrderHistory } from './components/OrderHistory';
import { OrderWebshopCard } from './components/OrderWebshopCard';

/** The lifecycle state and, beside it, the custom status in its colour. */
const OrderBadges = ({ order, customStatuses }: { order: OrderJson; customStatuses?: CustomStatus[] }) => (
  <Flex gap={2}>
    <StateBadge state={order.state} />
    {order.customStatus && <OrderCustomStatusBadge statusKey={order.customStatus} customStatuses={customStatuses} />}
  </Flex>
);

/** What the shop sent for this order (beérkezett adatok), for a role that may read the inbox. */
const OrderInbox = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canRead },
    isLoading,
  } = useRBAC(PERMISSIONS.readInbox);
  if (isLoading || !canRead) return null;
  return (
    <Card title={formatMessage({ id: getTranslation('webshop.inbox.title'), defaultMessage: 'Inbox' })}>
      <InboxEntries order={order.documentId} />
    </Card>
  );
};

interface OrderDatasheetProps {
  order: OrderJson;
  /** Undefined when the list could not be loaded: statuses then show by their keys. */
  customStatuses?: CustomStatus[];
  /** Undefined for a role that may not read the settings. */
  settings?: Settings;
}

/**
 * The order's datasheet (adatlap). Every answer of the server is the whole order as it is now,
 * so each change (an action, the custom status, the lines) simply replaces it in the cache, and
 * the datasheet shows it from there.
 */
const OrderDatasheet = ({ order, customStatuses, settings }: OrderDatasheetProps) => {
  const { formatMessage, locale } = useIntl();
  // Unsaved line edits live in the itemised view; an action would replace the order and drop them.
  const [linesDirty, setLinesDirty] = useState(false);
  const title = formatMessage({ id: getTranslation('order.title'), defaultMessage: 'Order {number}' }, { number: order.number });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <LeaveGuard when={linesDirty} />
      <Layouts.Header
        navigationAction={<BackButton fallback={ORDERS_LIST_PATH} />}
        title={title}
        subtitle={formatMessage(
          { id: getTranslation('order.subtitle'), defaultMessage: 'Created {date} · Source: {source}' },
          {
            date: formatDateTime(order.createdAt, locale),
            source: orderSourceText(order, formatMessage),
          }
        )}
        secondaryAction={<OrderBadges order={order} customStatuses={customStatuses} />}
        primaryAction={
          <Flex gap={2} wrap="wrap">
            {linesDirty && (
              <Typography variant="pi" textColor="warning600">
                {formatMessage({
                  id: getTranslation('order.actions.saveLinesFirst'),
                  defaultMessage: 'Save or discard the line changes first',
                })}
              </Typography>
            )}
            {/* A webshop's order follows its shop: no lifecycle buttons, no delete; it is invoiced here all the same. */}
            {!order.connection && <OrderDeleteButton order={order} />}
            {!order.connection && <OrderActions order={order} settings={settings} disabled={linesDirty} />}
            <OrderInvoiceButton order={order} settings={settings} disabled={linesDirty} />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={6}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <OrderCustomerCard order={order} />
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Card title={formatMessage({ id: getTranslation('order.status.title'), defaultMessage: 'Status' })}>
                <OrderCustomStatus order={order} customStatuses={customStatuses} />
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('order.updatedAt'), defaultMessage: 'Last changed {date}' },
                    { date: formatDateTime(order.updatedAt, locale) }
                  )}
                </Typography>
              </Card>
            </Grid.Item>
          </Grid.Root>
          {order.connection && <OrderWebshopCard order={order} connection={order.connection} />}
          <ItemsTable order={order} onDirtyChange={setLinesDirty} units={settings?.units} />
          {order.connection && <OrderInbox order={order} />}
          <OrderInvoicesCard order={order} />
          <OrderDocumentsCard order={order} />
          <OrderHistory order={order} customStatuses={customStatuses} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /plugins/orders/:id — the route's id is the order's documentId. */
export const OrderPage = () => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const { id = '' } = useParams<{ id: string }>();
  // The order of this route only (currentData): another order's stays out while this one loads.
  const { currentData: order, isFetching, error } = useGetOrderQuery(id, FRESH);
  const customStatuses = useListCustomStatusesQuery(undefined, FRESH);
  // Failure asks for them (whether orders hold stock), Invoice for its defaults; a role without settings.read goes without.
  const settings = useGetOrdersSettingsQuery(undefined, FRESH);

  if ((!order && isFetching) || customStatuses.isLoading || settings.isLoading) return <Page.Loading />;
  if (!order) {
    const refusal = error && apiErrorOf(error);
    return (
      <Page.Error
        content={
          refusal?.status === 404
            ? formatMessage({ id: getTranslation('order.notFound'), defaultMessage: 'No such order.' })
            : refusal
              ? errorText(refusal)
              : formatMessage({ id: getTranslation('common.error'), defaultMessage: 'Something went wrong' })
        }
        action={
          <LinkButton tag={Link} to={ORDERS_LIST_PATH} variant="secondary">
            {formatMessage({ id: getTranslation('order.backToList'), defaultMessage: 'Back to the orders' })}
          </LinkButton>
        }
      />
    );
  }

  return <OrderDatasheet order={order} customStatuses={customStatuses.data} settings={settings.data} />;
};
