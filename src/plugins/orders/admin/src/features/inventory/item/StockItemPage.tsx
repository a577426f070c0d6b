import { Button, Flex } from '@strapi/design-system';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useLoad, useOrdersApi } from '../../../api/orders';
import { AdjustStockModal } from './components/AdjustStockModal';
import { StockItemEditForm } from './components/StockItemEditForm';
import { StockItemMovements } from './components/StockItemMovements';
import { StockItemStockLevel } from './components/StockItemStockLevel';
import { PERMISSIONS } from '../../../permissions';
import { PLUGIN_ID } from '../../../pluginId';
import { getTranslation } from '../../../ui/translations';

/** One stock item: where its stock stands, its data, stock adjustments and its ledger. */
export const StockItemPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { formatMessage } = useIntl();
  const api = useOrdersApi();
  const item = useLoad(() => api.getStockItem(id), [id]);
  const {
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageInventory);
  const [adjusting, setAdjusting] = useState(false);
  // An adjustment adds a movement: a new key remounts the history so it loads again.
  const [ledgerVersion, setLedgerVersion] = useState(0);

  if (item.error && !item.data) return <Page.Error />;
  if (!item.data) return <Page.Loading />;
  const stockItem = item.data;

  return (
    <Page.Main aria-busy={item.loading}>
      <Page.Title>{stockItem.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}/inventory`} />}
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
          <StockItemEditForm item={stockItem} canManage={canManage} onSaved={item.reload} />
          <StockItemMovements key={ledgerVersion} stockItemId={stockItem.documentId} />
        </Flex>
      </Layouts.Content>
      {adjusting && (
        <AdjustStockModal
          item={stockItem}
          onClose={() => setAdjusting(false)}
          onAdjusted={() => {
            setAdjusting(false);
            item.reload();
            setLedgerVersion((version) => version + 1);
          }}
        />
      )}
    </Page.Main>
  );
};
