import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SegmentOverviewJson } from '../../../../../../shared/contracts/customers';
import { Panel } from '../../../../ui/Card';
import { segmentLabel } from '../../../../ui/SegmentBadge';
import { formatMoney } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { barsOf, type Bar } from '../../utils/overview';

interface Props {
  currency: string;
  segments: SegmentOverviewJson[];
}

/** A glance at the customer base: how many customers each segment holds, and what they spent. */
export const SegmentOverview = ({ currency, segments }: Props) => {
  const { formatMessage, locale } = useIntl();
  const bars = barsOf(segments, currency);
  if (!bars.length) return null;
  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });
  return (
    <Panel>
      <Grid.Root gap={6}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Bars
            title={text('customers.overview.customers', 'Customers per segment')}
            bars={bars}
            share={(bar) => bar.customersShare}
            value={(bar) =>
              formatMessage({ id: getTranslation('customers.overview.count'), defaultMessage: '{count}' }, { count: bar.customers })
            }
            colour="primary600"
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Bars
            title={text('customers.overview.spent', 'Total spent per segment')}
            bars={bars}
            share={(bar) => bar.spentShare}
            value={(bar) => formatMoney(bar.totalSpent, currency, locale)}
            colour="success600"
          />
        </Grid.Item>
      </Grid.Root>
    </Panel>
  );
};

interface BarsProps {
  title: string;
  bars: Bar[];
  share: (bar: Bar) => number;
  value: (bar: Bar) => string;
  colour: string;
}

/** One chart: a row per segment, its name, its bar and its figure. */
const Bars = ({ title, bars, share, value, colour }: BarsProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="figure" aria-label={title}>
      <Typography variant="delta" tag="figcaption">
        {title}
      </Typography>
      {bars.map((bar) => (
        <Flex key={bar.segment} gap={3} data-segment={bar.segment}>
          <Box style={{ width: '11rem', flexShrink: 0 }}>
            <Typography variant="pi" textColor="neutral700">
              {segmentLabel(bar.segment, formatMessage)}
            </Typography>
          </Box>
          <Box flex="1" background="neutral150" hasRadius style={{ height: '0.75rem' }}>
            <Box background={colour} hasRadius style={{ height: '100%', width: `${Math.max(share(bar), 1)}%` }} />
          </Box>
          <Box style={{ width: '8rem', textAlign: 'end', flexShrink: 0 }}>
            <Typography variant="pi" fontWeight="semiBold">
              {value(bar)}
            </Typography>
          </Box>
        </Flex>
      ))}
    </Flex>
  );
};
