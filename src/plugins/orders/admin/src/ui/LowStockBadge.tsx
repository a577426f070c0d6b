import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from './translations';

/** Marks an item whose stock is at or below its low-stock threshold. */
export const InventoryLowStockBadge = () => {
  const { formatMessage } = useIntl();
  return <Badge variant="danger">{formatMessage({ id: getTranslation('inventory.lowStock'), defaultMessage: 'Low stock' })}</Badge>;
};

/** Marks an item below zero: a webshop's order took more than there was (a manual order never does). */
export const InventoryOversoldBadge = () => {
  const { formatMessage } = useIntl();
  return <Badge variant="danger">{formatMessage({ id: getTranslation('inventory.oversold'), defaultMessage: 'Oversold' })}</Badge>;
};

/**
 * The one mark an item's stock gets: Oversold when below zero (which is low as well, so it says
 * only the worse), else Low stock when at or below its threshold, else none.
 */
export const InventoryStockBadge = ({ item }: { item: { isLow: boolean; oversold?: boolean } }) =>
  item.oversold ? <InventoryOversoldBadge /> : item.isLow ? <InventoryLowStockBadge /> : null;
