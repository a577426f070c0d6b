import { Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { FRESH } from '../../api/base';
import { useGetOrdersOverviewQuery } from '../../api/overview';
import { useListCustomStatusesQuery } from '../../api/settings';
import { OrderCustomStatusBadge, StateBadge } from '../../ui/badges';
import { getTranslation } from '../../ui/translations';
import { ordersListWith } from './utils/links';

/** One line: what is counted, and the count, which opens the list of those orders. */
const CountRow = ({ label, count, to, testId }: { label: ReactNode; count: number; to: string; testId: string }) => (
  <Flex justifyContent="space-between" gap={2} data-testid={testId}>
    {label}
    <Link tag={NavLink} to={to}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{count}</span>
    </Link>
  </Flex>
);

/**
 * The home page's open orders: how many wait in each open state (draft, finalized, fulfilled)
 * and under each custom status; every count opens the orders list filtered to them.
 */
export const OpenOrdersWidget = () => {
  const { formatMessage } = useIntl();
  const { data: overview, isLoading, isError } = useGetOrdersOverviewQuery(undefined, FRESH);
  const { data: customStatuses } = useListCustomStatusesQuery(undefined, FRESH);
  if (isLoading) return <Widget.Loading />;
  if (isError || !overview) return <Widget.Error />;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {overview.open.map(({ state, orders }) => (
        <CountRow key={state} label={<StateBadge state={state} />} count={orders} to={ordersListWith({ state })} testId={`open-${state}`} />
      ))}
      {overview.customStatuses.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: getTranslation('overview.open.customStatuses'), defaultMessage: 'By custom status' })}
          </Typography>
          {overview.customStatuses.map(({ key, orders }) => (
            <CountRow
              key={key}
              label={<OrderCustomStatusBadge statusKey={key} customStatuses={customStatuses} />}
              count={orders}
              to={ordersListWith({ customStatus: key })}
              testId={`open-status-${key}`}
            />
          ))}
        </Flex>
      )}
    </Flex>
  );
};
