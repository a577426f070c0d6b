import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../shared/contracts/inventory';
import { InventoryLowStockBadge } from './LowStockBadge';
import { formatQuantity } from './format';

interface Props {
  item: Pick<StockItemJson, 'onHand' | 'unit' | 'isLow'>;
  /** Where no column of its own gives the unit, the quantity carries it. */
  withUnit?: boolean;
}

/** What is on hand of a stock item, in red and marked when it is low. */
export const InventoryOnHand = ({ item, withUnit = false }: Props) => {
  const { locale } = useIntl();
  const quantity = formatQuantity(item.onHand, locale);
  return (
    <Flex gap={2}>
      <Typography textColor={item.isLow ? 'danger600' : undefined} fontWeight={item.isLow ? 'bold' : undefined}>
        {withUnit ? `${quantity} ${item.unit}` : quantity}
      </Typography>
      {item.isLow && <InventoryLowStockBadge />}
    </Flex>
  );
};
