import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from './translations';

/** Marks an item whose stock is at or below its low-stock threshold. */
export const InventoryLowStockBadge = () => {
  const { formatMessage } = useIntl();
  return <Badge variant="danger">{formatMessage({ id: getTranslation('inventory.lowStock'), defaultMessage: 'Low stock' })}</Badge>;
};
