import { Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useLoad, useOrdersApi, type OrderJson, type Settings } from '../api';
import { ItemsTable } from '../components/ItemsTable';
import { OrderActions } from '../components/OrderActions';
import { OrderCard } from '../components/OrderCard';
import { OrderCustomerCard } from '../components/OrderCustomerCard';
import { OrderCustomStatus } from '../components/OrderCustomStatus';
import { OrderDeleteButton } from '../components/OrderDeleteButton';
import { OrderHistory } from '../components/OrderHistory';
import { CustomStatusBadge, StateBadge } from '../components/StateBadge';
import { PLUGIN_ID } from '../pluginId';
import { formatDateTime } from '../utils/format';
import { getTranslation } from '../utils/translations';

const LIST_PATH = `/plugins/${PLUGIN_ID}`;

/** The lifecycle state and, beside it, the custom status in its colour. */
const OrderBadges = ({ order, settings }: { order: OrderJson; settings?: Settings }) => {
  const custom = settings?.customStatuses.find((status) => status.key === order.customStatus);
  return (
    <Flex gap={2}>
      <StateBadge state={order.state} />
      {custom && <CustomStatusBadge label={custom.label} color={custom.color} />}
    </Flex>
  );
};

/**
 * The order's datasheet (adatlap). Every answer of the server is the whole order as it is now,
 * so each change (an action, the custom status, the lines) simply replaces it.
 */
const OrderDatasheet = ({ initial, settings }: { initial: OrderJson; settings?: Settings }) => {
  const { formatMessage, locale } = useIntl();
  const [order, setOrder] = useState(initial);
  const title = formatMessage(
    { id: getTranslation('order.title'), defaultMessage: 'Order {number}' },
    { number: order.number }
  );

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={LIST_PATH} />}
        title={title}
        subtitle={formatMessage(
          { id: getTranslation('order.subtitle'), defaultMessage: 'Created {date} · Source: {source}' },
          {
            date: formatDateTime(order.createdAt, locale),
            source: formatMessage({ id: getTranslation(`source.${order.source}`), defaultMessage: order.source }),
          }
        )}
        secondaryAction={<OrderBadges order={order} settings={settings} />}
        primaryAction={
          <Flex gap={2} wrap="wrap">
            <OrderDeleteButton order={order} />
            <OrderActions order={order} settings={settings} onChange={setOrder} />
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
              <OrderCard title={formatMessage({ id: getTranslation('order.status.title'), defaultMessage: 'Status' })}>
                <OrderCustomStatus order={order} customStatuses={settings?.customStatuses} onChange={setOrder} />
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('order.updatedAt'), defaultMessage: 'Last changed {date}' },
                    { date: formatDateTime(order.updatedAt, locale) }
                  )}
                </Typography>
              </OrderCard>
            </Grid.Item>
          </Grid.Root>
          <ItemsTable order={order} onSaved={setOrder} />
          <OrderHistory order={order} customStatuses={settings?.customStatuses} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /plugins/orders/:id — the route's id is the order's documentId. */
export const OrderPage = () => {
  const { formatMessage } = useIntl();
  const { id = '' } = useParams<{ id: string }>();
  const api = useOrdersApi();
  const order = useLoad(() => api.getOrder(id), [id]);
  // The custom statuses' labels and colours; a role without settings.read still sees the order.
  const settings = useLoad(() => api.getSettings(), []);

  if (order.loading || settings.loading) return <Page.Loading />;
  if (order.error || !order.data)
    return (
      <Page.Error
        content={
          order.error?.status === 404
            ? formatMessage({ id: getTranslation('order.notFound'), defaultMessage: 'No such order.' })
            : (order.error?.message ??
              formatMessage({ id: getTranslation('common.error'), defaultMessage: 'Something went wrong' }))
        }
        action={
          <LinkButton tag={Link} to={LIST_PATH} variant="secondary">
            {formatMessage({ id: getTranslation('order.backToList'), defaultMessage: 'Back to the orders' })}
          </LinkButton>
        }
      />
    );

  return <OrderDatasheet key={order.data.documentId} initial={order.data} settings={settings.data} />;
};
