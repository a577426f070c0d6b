import { Flex } from '@strapi/design-system';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { ItemsSavedRow } from './ItemsRow';
import { sheetParts, useLabels } from './ItemsSheetParts';
import { ItemsTotals } from './ItemsTotals';
import { ItemsWindow } from './ItemsWindow';

/** The lines as the server saved them, with the server's own totals. */
export const SavedItems = ({ order }: { order: OrderJson }) => {
  const { locale } = useIntl();
  const labels = useLabels();
  const { items, currency } = order;
  const keyOf = useCallback((index: number) => items[index].documentId, [items]);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ItemsWindow
        count={items.length}
        keyOf={keyOf}
        {...sheetParts(labels, false)}
        renderLine={(index, measure) => (
          <ItemsSavedRow
            key={items[index].documentId}
            item={items[index]}
            index={index}
            currency={currency}
            locale={locale}
            measure={measure}
          />
        )}
      />
      <ItemsTotals totals={order.totals} currency={currency} />
    </Flex>
  );
};
