import { Flex, Link, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { FRESH } from '../../api/base';
import { useGetLowStockQuery } from '../../api/overview';
import { inventoryItemPath } from '../../paths';
import { formatQuantity } from '../../ui/format';
import { getTranslation } from '../../ui/translations';
import { LOW_STOCK_PATH } from './utils/links';

/**
 * The home page's low stock: how many items are at or below their threshold, the first few
 * (furthest below it first) with what can still be sold, each opening its item.
 */
export const LowStockWidget = () => {
  const { formatMessage, locale } = useIntl();
  const { data: low, isLoading, isError } = useGetLowStockQuery(undefined, FRESH);
  if (isLoading) return <Widget.Loading />;
  if (isError || !low) return <Widget.Error />;
  if (!low.count) {
    return (
      <Widget.NoData>
        {formatMessage({ id: getTranslation('overview.lowStock.none'), defaultMessage: 'No item is low on stock.' })}
      </Widget.NoData>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="beta" tag="p" data-testid="low-stock-count">
        {formatMessage(
          { id: getTranslation('overview.lowStock.count'), defaultMessage: '{count, plural, one {# item} other {# items}} low on stock' },
          { count: low.count }
        )}
      </Typography>
      {low.items.map((item) => (
        <Flex key={item.documentId} justifyContent="space-between" gap={3} data-testid={`low-stock-${item.sku}`}>
          <Flex direction="column" alignItems="flex-start" style={{ minWidth: 0 }}>
            <Link tag={NavLink} to={inventoryItemPath(item.documentId)}>
              {item.sku}
            </Link>
            <Typography variant="pi" textColor="neutral600" ellipsis>
              {item.name}
            </Typography>
          </Flex>
          <Typography
            textColor={item.onHand.startsWith('-') || item.onHand === '0' ? 'danger600' : 'warning700'}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatMessage(
              { id: getTranslation('overview.lowStock.level'), defaultMessage: '{onHand} / {threshold} {unit}' },
              { onHand: formatQuantity(item.onHand, locale), threshold: formatQuantity(item.lowStockThreshold, locale), unit: item.unit }
            )}
          </Typography>
        </Flex>
      ))}
      {low.count > low.items.length && (
        <Link tag={NavLink} to={LOW_STOCK_PATH}>
          {formatMessage({ id: getTranslation('overview.lowStock.all'), defaultMessage: 'All {count} low items' }, { count: low.count })}
        </Link>
      )}
    </Flex>
  );
};
