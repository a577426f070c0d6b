import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../shared/contracts/inventory';
import { InventoryStockBadge } from './LowStockBadge';
import { formatQuantity } from './format';

/**
 * The three stock figures, each defined once (docs/api.md#stock-items): their headings and what
 * each means, for the inventory list, the item page and the picker alike.
 */
export const STOCK_FIGURES = {
  physical: {
    id: 'inventory.field.physical',
    defaultMessage: 'Physical stock',
    hint: { id: 'inventory.field.physical.explain', defaultMessage: 'What is in the warehouse: what a stocktake counts' },
  },
  reserved: {
    id: 'inventory.field.reserved',
    defaultMessage: 'Reserved',
    hint: { id: 'inventory.field.reserved.explain', defaultMessage: 'Taken by finalized orders not yet fulfilled: still on the shelf' },
  },
  available: {
    id: 'inventory.field.onHand',
    defaultMessage: 'Available',
    hint: { id: 'inventory.field.onHand.explain', defaultMessage: 'What can still be sold: physical stock less what is reserved' },
  },
} as const;

interface Props {
  item: Pick<StockItemJson, 'onHand' | 'unit' | 'isLow'> & Partial<Pick<StockItemJson, 'oversold'>>;
  /** Where no column of its own gives the unit, the quantity carries it. */
  withUnit?: boolean;
}

/** What is available of a stock item, in red and marked when it is low or oversold. */
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
