import { Box, Button, Checkbox, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { deepEncodeQueryValues, Layouts, Page, SearchInput, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { STOCK_ITEM_SORTS, type StockItemSort } from '../../../../../shared/contracts/inventory';
import { DEFAULT_PAGE_SIZE } from '../../../../../shared/contracts/pages';
import { FRESH } from '../../../api/base';
import { useListStockItemsQuery } from '../../../api/inventory';
import { PERMISSIONS } from '../../../permissions';
import { ListPagination } from '../../../ui/ListPagination';
import { getTranslation } from '../../../ui/translations';
import { InventoryExportButton } from './components/InventoryExportButton';
import { InventoryTable } from './components/InventoryTable';
import { StockItemCreateModal } from './components/StockItemCreateModal';

const isSort = (value: unknown): value is StockItemSort => STOCK_ITEM_SORTS.includes(value as StockItemSort);

/** Készlet: every stock item with its stock, searchable, sortable by every column, a page at a time from the server. */
export const InventoryPage = () => {
  const { formatMessage } = useIntl();
  // The admin's SearchInput and Pagination keep the search (_q) and the page in the URL; the sort and the low-stock filter live there too.
  const [{ query }, setQuery] = useQueryParams<{ _q?: string; page?: string; pageSize?: string; sort?: string; lowStock?: string }>();
  const { _q: q, page = '1', pageSize = String(DEFAULT_PAGE_SIZE) } = query;
  const sort: StockItemSort = isSort(query.sort) ? query.sort : 'sku:asc';
  const lowStock = query.lowStock === 'true';
  const list = useListStockItemsQuery({ q, page, pageSize, sort, ...(lowStock ? { lowStock: 'true' as const } : {}) }, FRESH);
  /** Another sort or filter starts again at the first page. */
  const change = (changes: { sort?: StockItemSort; lowStock?: string }) =>
    setQuery(deepEncodeQueryValues({ ...query, ...changes, page: '1' }));
  const {
    allowedActions: { canManage },
  } = useRBAC(PERMISSIONS.manageInventory);
  const [creating, setCreating] = useState(false);

  const title = formatMessage({ id: getTranslation('inventory.title'), defaultMessage: 'Inventory' });

  if (list.error) return <Page.Error />;
  if (!list.data) return <Page.Loading />;
  const { data: items, meta } = list.data;

  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          { id: getTranslation('inventory.list.count'), defaultMessage: '{total, plural, one {# stock item} other {# stock items}}' },
          { total: meta.pagination.total }
        )}
        primaryAction={
          <Flex gap={2}>
            <InventoryExportButton />
            <Button startIcon={<Plus />} onClick={() => setCreating(true)} disabled={!canManage}>
              {formatMessage({ id: getTranslation('inventory.create'), defaultMessage: 'New stock item' })}
            </Button>
          </Flex>
        }
      />
      <Layouts.Action
        startActions={
          <>
            <SearchInput
              label={formatMessage({ id: getTranslation('inventory.list.search'), defaultMessage: 'Search by SKU or name' })}
              placeholder={formatMessage({ id: getTranslation('inventory.list.search'), defaultMessage: 'Search by SKU or name' })}
            />
            <Checkbox checked={lowStock} onCheckedChange={(checked) => change({ lowStock: checked === true ? 'true' : undefined })}>
              {formatMessage({ id: getTranslation('inventory.list.lowStockOnly'), defaultMessage: 'Low stock only' })}
            </Checkbox>
          </>
        }
      />
      <Layouts.Content>
        <InventoryTable items={items} searching={Boolean(q) || lowStock} sort={sort} onSort={(next) => change({ sort: next })} />
        <Box paddingTop={4}>
          <ListPagination pagination={meta.pagination} />
        </Box>
      </Layouts.Content>
      {creating && <StockItemCreateModal onClose={() => setCreating(false)} />}
    </Page.Main>
  );
};
