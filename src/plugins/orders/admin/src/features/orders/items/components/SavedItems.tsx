import { Flex, Typography } from '@strapi/design-system';
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { getTranslation } from '../../../../ui/translations';
import { isUnknownSku } from '../../utils/webshop';
import { ItemsSavedRow } from './ItemsRow';
import { sheetParts, useLabels } from './ItemsSheetParts';
import { ItemsTotals } from './ItemsTotals';
import { ItemsWindow } from './ItemsWindow';

/**
 * The lines as the server saved them, with the server's own totals — for a webshop's order, the
 * shop's, never recomputed here. A line's kind shows beside its name (shipping, fee, coupon), and
 * a line whose SKU the inventory does not know yet is marked when the order is flagged for it.
 */
export const SavedItems = ({ order }: { order: OrderJson }) => {
  const { formatMessage, locale } = useIntl();
  const labels = useLabels();
  const { items, currency } = order;
  const keyOf = useCallback((index: number) => items[index].documentId, [items]);
  const skus = useMemo(() => items.map((item) => item.sku), [items]);
  const unknownSkus = order.flags.includes('unknownSku');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {order.connection && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('items.webshop.readOnly'),
            defaultMessage: 'The lines and totals are the shop’s, as it sent them: they change in the shop, not here.',
          })}
        </Typography>
      )}
      <ItemsWindow
        count={items.length}
        keyOf={keyOf}
        {...sheetParts(labels, false, skus)}
        renderLine={(index, measure) => (
          <ItemsSavedRow
            key={items[index].documentId}
            item={items[index]}
            index={index}
            currency={currency}
            locale={locale}
            measure={measure}
            kindLabel={labels.kinds[items[index].kind]}
            notInInventory={unknownSkus && isUnknownSku(items[index]) ? labels.notInInventory : undefined}
          />
        )}
      />
      <ItemsTotals totals={order.totals} currency={currency} />
    </Flex>
  );
};
