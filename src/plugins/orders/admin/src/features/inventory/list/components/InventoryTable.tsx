import { Link, Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';
import type { StockItemJson, StockItemSort, StockItemSortColumn } from '../../../../../../shared/contracts/inventory';
import { STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import { InventoryOnHand, STOCK_FIGURES } from '../../../../ui/OnHand';
import { formatQuantity, vatRateLabel } from '../../../../ui/format';
import { SortableHeader } from '../../../../ui/SortableHeader';
import { TextCell } from '../../../../ui/tables';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';

/** The columns, each sorted by the server both ways; the stock figures explained at their heading. */
const COLUMNS: Array<{
  name: StockItemSortColumn;
  id: string;
  defaultMessage: string;
  alignEnd?: boolean;
  hint?: { id: string; defaultMessage: string };
}> = [
  { name: 'sku', id: 'inventory.field.sku', defaultMessage: 'SKU' },
  { name: 'name', id: 'inventory.field.name', defaultMessage: 'Name' },
  { name: 'unit', id: 'inventory.field.unit', defaultMessage: 'Unit' },
  { name: 'unitPrice', id: 'inventory.field.unitPrice', defaultMessage: 'Unit price (net)', alignEnd: true },
  { name: 'vatRate', id: 'inventory.field.vatRate', defaultMessage: 'VAT' },
  { name: 'physical', ...STOCK_FIGURES.physical },
  { name: 'reserved', ...STOCK_FIGURES.reserved },
  { name: 'available', ...STOCK_FIGURES.available },
  { name: 'lowStockThreshold', id: 'inventory.field.lowStockThreshold', defaultMessage: 'Low-stock threshold' },
];

interface Props {
  items: StockItemJson[];
  /** Whether a search or a filter is on, to say "nothing matches" rather than "nothing yet". */
  searching: boolean;
  sort: StockItemSort;
  onSort: (sort: StockItemSort) => void;
}

/** Every stock item of the page, the low ones marked; a row opens the item. */
export const InventoryTable = ({ items, searching, sort, onSort }: Props) => {
  const { formatMessage, locale } = useIntl();
  const navigate = useNavigate();
  // Only the threshold may be missing (no threshold: never low).
  const quantity = (value: string | null) => (value === null ? '—' : formatQuantity(value, locale));

  return (
    <Table colCount={COLUMNS.length} rowCount={items.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map(({ name, id, defaultMessage, alignEnd, hint }) => (
            <SortableHeader
              key={name}
              column={{
                name,
                label: formatMessage({ id: getTranslation(id), defaultMessage }),
                // The names ascending first, the numbers (prices, stock) largest first.
                sorts: ['sku', 'name', 'unit', 'vatRate'].includes(name)
                  ? [`${name}:asc`, `${name}:desc`]
                  : [`${name}:desc`, `${name}:asc`],
                alignEnd,
                hint: hint && formatMessage({ id: getTranslation(hint.id), defaultMessage: hint.defaultMessage }),
              }}
              sort={sort}
              onSort={onSort}
            />
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {items.length === 0 && (
          <Tr>
            <Td colSpan={COLUMNS.length}>
              <Typography textColor="neutral600">
                {searching
                  ? formatMessage({ id: getTranslation('inventory.list.noMatch'), defaultMessage: 'No stock item matches the search.' })
                  : formatMessage({ id: getTranslation('inventory.list.empty'), defaultMessage: 'No stock items yet.' })}
              </Typography>
            </Td>
          </Tr>
        )}
        {items.map((item) => (
          <Tr key={item.documentId} onClick={() => navigate(item.documentId)} style={{ cursor: 'pointer' }}>
            <TextCell fontWeight="semiBold">{item.sku}</TextCell>
            <Td>
              {/* A real link too, so the row opens from the keyboard and in a new tab. */}
              <Link tag={NavLink} to={item.documentId} onClick={(event: MouseEvent) => event.stopPropagation()}>
                {item.name}
              </Link>
            </Td>
            <TextCell>{item.unit}</TextCell>
            <MoneyCell amount={item.unitPrice} currency={STOCK_CURRENCY} />
            <TextCell>{vatRateLabel(item.vatRate)}</TextCell>
            <TextCell>{quantity(item.physical)}</TextCell>
            <TextCell>{quantity(item.reserved)}</TextCell>
            <Td>
              <InventoryOnHand item={item} />
            </Td>
            <TextCell>{quantity(item.lowStockThreshold)}</TextCell>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
