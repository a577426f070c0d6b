import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { styled } from 'styled-components';
import type { OrdersOverviewJson } from '../../../../../shared/contracts/overview';
import { formatMoney } from '../../../ui/format';
import { getTranslation } from '../../../ui/translations';
import { chartBars } from '../utils/chart';
import { salesListOf } from '../utils/links';

/** The chart's drawing space: one unit per day across, percent up. */
const HEIGHT = 100;
const GAP = 0.2;

const Bar = styled.rect<{ $today: boolean }>`
  fill: ${({ theme, $today }) => ($today ? theme.colors.primary700 : theme.colors.primary500)};
  cursor: pointer;
  &:hover {
    fill: ${({ theme }) => theme.colors.primary600};
  }
`;

const Track = styled.rect`
  fill: ${({ theme }) => theme.colors.neutral150};
  cursor: pointer;
`;

const shortDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * The last 30 days' revenue in the shop's currency as bars, drawn in SVG: the day glanced at the
 * darkest. A bar says its day, orders and revenue on hover, and opens that day's orders.
 */
export const SalesChart = ({ overview }: { overview: OrdersOverviewJson }) => {
  const { formatMessage, locale } = useIntl();
  const navigate = useNavigate();
  const bars = chartBars(overview.series, overview.currency);
  const describe = (bar: (typeof bars)[number]) =>
    formatMessage(
      { id: getTranslation('overview.chart.bar'), defaultMessage: '{day}: {orders, plural, one {# order} other {# orders}}, {revenue}' },
      { day: shortDay(bar.day, locale), orders: bar.orders, revenue: formatMoney(bar.revenue, overview.currency, locale) }
    );
  const title = formatMessage(
    { id: getTranslation('overview.chart.title'), defaultMessage: 'Revenue of the last {days} days ({currency})' },
    { days: bars.length, currency: overview.currency }
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="figure" aria-label={title}>
      <Typography variant="sigma" textColor="neutral600" tag="figcaption">
        {title}
      </Typography>
      <Box style={{ height: '9rem' }}>
        <svg
          width="100%"
          height="100%"
          viewBox={`0 0 ${bars.length} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={title}
          data-testid="sales-chart"
        >
          {bars.map((bar, index) => {
            const height = bar.share > 0 ? Math.max(bar.share, 2) : 0;
            const open = () => navigate(salesListOf(overview, bar.day, bar.day));
            return (
              <g key={bar.day} onClick={open} data-day={bar.day} data-revenue={bar.revenue}>
                <title>{describe(bar)}</title>
                <Track x={index + GAP / 2} y={0} width={1 - GAP} height={HEIGHT} opacity={0.5} />
                {height > 0 && (
                  <Bar x={index + GAP / 2} y={HEIGHT - height} width={1 - GAP} height={height} $today={bar.day === overview.day} />
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Flex justifyContent="space-between">
        <Typography variant="pi" textColor="neutral600">
          {bars.length ? shortDay(bars[0].day, locale) : ''}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {bars.length ? shortDay(bars[bars.length - 1].day, locale) : ''}
        </Typography>
      </Flex>
    </Flex>
  );
};
