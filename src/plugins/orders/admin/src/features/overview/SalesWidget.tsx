import { Box, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { SalesJson } from '../../../../shared/contracts/overview';
import { FRESH } from '../../api/base';
import { useGetOrdersOverviewQuery } from '../../api/overview';
import { formatMoney } from '../../ui/format';
import { getTranslation } from '../../ui/translations';
import { SalesChart } from './components/SalesChart';
import { ordersOf } from './utils/chart';
import { salesListOf } from './utils/links';

interface FigureProps {
  label: string;
  sales: SalesJson[];
  currency: string;
  /** The orders list of the same days. */
  to: string;
  testId: string;
}

/** One period: how many orders, and their revenue per currency (the shop's when there is none). */
const SalesFigure = ({ label, sales, currency, to, testId }: FigureProps) => {
  const { formatMessage, locale } = useIntl();
  const amounts = sales.length ? sales : [{ currency, orders: 0, revenue: '0' }];
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid={testId}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {amounts.map((sum) => (
        <Typography key={sum.currency} variant="beta" tag="p" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatMoney(sum.revenue, sum.currency, locale)}
        </Typography>
      ))}
      <Link tag={NavLink} to={to}>
        {formatMessage(
          { id: getTranslation('overview.sales.orders'), defaultMessage: '{count, plural, one {# order} other {# orders}}' },
          { count: ordersOf(sales) }
        )}
      </Link>
    </Flex>
  );
};

/**
 * The home page's sales: today's and this month's orders and revenue (finalized, fulfilled or
 * successful, by the day they were created in the shop's calendar), and the last 30 days as bars.
 */
export const SalesWidget = () => {
  const { formatMessage } = useIntl();
  const { data: overview, isLoading, isError } = useGetOrdersOverviewQuery(undefined, FRESH);
  if (isLoading) return <Widget.Loading />;
  if (isError || !overview) return <Widget.Error />;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12}>
          <SalesFigure
            label={formatMessage({ id: getTranslation('overview.sales.today'), defaultMessage: 'Today' })}
            sales={overview.sales.day}
            currency={overview.currency}
            to={salesListOf(overview, overview.day, overview.day)}
            testId="sales-today"
          />
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <SalesFigure
            label={formatMessage({ id: getTranslation('overview.sales.month'), defaultMessage: 'This month' })}
            sales={overview.sales.month}
            currency={overview.currency}
            to={salesListOf(overview, overview.monthStart, overview.day)}
            testId="sales-month"
          />
        </Grid.Item>
      </Grid.Root>
      <Box>
        <SalesChart overview={overview} />
      </Box>
    </Flex>
  );
};
