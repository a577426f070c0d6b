import { Button, Flex } from '@strapi/design-system';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { FRESH } from '../../../api/base';
import { useGetStockItemQuery } from '../../../api/inventory';
import { INVENTORY_PATH } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { getTranslation } from '../../../ui/translations';
import { AdjustStockModal } from './components/AdjustStockModal';
import { StockItemEditForm } from './components/StockItemEditForm';
import { StockItemMovements } from './components/StockItemMovements';
import { StockItemStockLevel } from './components/StockItemStockLevel';

/** One stock item: where its stock stands, its data, stock adjustments and its ledger. */
export const StockItemPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { formatMessage } = useIntl();
  // The item of this route only (currentData): another item's stays out while this one loads.
  const item = useGetStockItemQuery(id, FRESH);
  const {
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageInventory);
  const [adjusting, setAdjusting] = useState(false);

  if (!item.currentData) return item.error ? <Page.Error /> : <Page.Loading />;
  const stockItem = item.currentData;

  // A change answers the item as it is now, and an adjustment's movement shows in the ledger: the
  // cache keeps both in step (api/inventory.ts).
  return (
    <Page.Main aria-busy={item.isFetching}>
      <Page.Title>{stockItem.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={INVENTORY_PATH} />}
        title={stockItem.name}
        subtitle={stockItem.sku}
        primaryAction={
          <Button startIcon={<ArrowsCounterClockwise />} onClick={() => setAdjusting(true)} disabled={!canManage}>
            {formatMessage({ id: getTranslation('inventory.adjust'), defaultMessage: 'Adjust stock' })}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <StockItemStockLevel item={stockItem} />
          <StockItemEditForm item={stockItem} canManage={canManage} />
          <StockItemMovements stockItemId={stockItem.documentId} />
        </Flex>
      </Layouts.Content>
      {adjusting && <AdjustStockModal item={stockItem} onClose={() => setAdjusting(false)} />}
    </Page.Main>
  );
};
