import { Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import { InventoryOnHand, STOCK_FIGURES } from '../../../../ui/OnHand';
import { formatQuantity, vatRateLabel } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';

const COLUMNS = [
  { id: 'inventory.field.sku', defaultMessage: 'SKU' },
  { id: 'inventory.field.name', defaultMessage: 'Name' },
  { id: 'inventory.field.unit', defaultMessage: 'Unit' },
  { id: 'inventory.field.unitPrice', defaultMessage: 'Unit price (net)', alignEnd: true },
  { id: 'inventory.field.vatRate', defaultMessage: 'VAT' },
  STOCK_FIGURES.physical,
  STOCK_FIGURES.reserved,
  STOCK_FIGURES.available,
  { id: 'inventory.field.lowStockThreshold', defaultMessage: 'Low-stock threshold' },
] as const;

interface Props {
  items: StockItemJson[];
  /** Whether a search is on, to say "nothing matches" rather than "nothing yet". */
  searching: boolean;
}

/** Every stock item of the page, the low ones marked; a row opens the item. */
export const InventoryTable = ({ items, searching }: Props) => {
  const { formatMessage, locale } = useIntl();
  const navigate = useNavigate();
  // Only the threshold may be missing (no threshold: never low).
  const quantity = (value: string | null) => (value === null ? '—' : formatQuantity(value, locale));

  return (
    <Table colCount={COLUMNS.length} rowCount={items.length + 1}>
      <TableHeads columns={COLUMNS} />
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
