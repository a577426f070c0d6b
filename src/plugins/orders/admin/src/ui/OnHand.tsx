import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../shared/contracts/inventory';
import { InventoryStockBadge } from './LowStockBadge';
import { formatQuantity } from './format';

interface Props {
  item: Pick<StockItemJson, 'onHand' | 'unit' | 'isLow'> & Partial<Pick<StockItemJson, 'oversold'>>;
  /** Where no column of its own gives the unit, the quantity carries it. */
  withUnit?: boolean;
}

/** What is on hand of a stock item, in red and marked when it is low or oversold. */
export const InventoryOnHand = ({ item, withUnit = false }: Props) => {
  const { locale } = useIntl();
  const quantity = formatQuantity(item.onHand, locale);
  return (
    <Flex gap={2}>
      <Typography
        textColor={item.isLow || item.oversold ? 'danger600' : undefined}
        fontWeight={item.isLow || item.oversold ? 'bold' : undefined}
      >
        {withUnit ? `${quantity} ${item.unit}` : quantity}
      </Typography>
      <InventoryStockBadge item={item} />
    </Flex>
  );
};
