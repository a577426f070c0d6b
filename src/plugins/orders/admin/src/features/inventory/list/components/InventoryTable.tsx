import { Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';
import { STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { formatMoney, formatQuantity, vatRateLabel } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { InventoryOnHand } from '../../../../ui/OnHand';

const COLUMNS = [
  { key: 'sku', defaultMessage: 'SKU' },
  { key: 'name', defaultMessage: 'Name' },
  { key: 'unit', defaultMessage: 'Unit' },
  { key: 'unitPrice', defaultMessage: 'Unit price (net)' },
  { key: 'vatRate', defaultMessage: 'VAT' },
  { key: 'onHand', defaultMessage: 'On hand' },
  { key: 'held', defaultMessage: 'Held by open orders' },
  { key: 'lowStockThreshold', defaultMessage: 'Low-stock threshold' },
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
      <Thead>
        <Tr>
          {COLUMNS.map(({ key, defaultMessage }) => (
            <Th key={key}>
              <Typography variant="sigma">{formatMessage({ id: getTranslation(`inventory.field.${key}`), defaultMessage })}</Typography>
            </Th>
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
            <Td>
              <Typography fontWeight="semiBold">{item.sku}</Typography>
            </Td>
            <Td>
              {/* A real link too, so the row opens from the keyboard and in a new tab. */}
              <Link tag={NavLink} to={item.documentId} onClick={(event: MouseEvent) => event.stopPropagation()}>
                {item.name}
              </Link>
            </Td>
            <Td>
              <Typography>{item.unit}</Typography>
            </Td>
            <Td>
              <Typography>{formatMoney(item.unitPrice, STOCK_CURRENCY, locale)}</Typography>
            </Td>
            <Td>
              <Typography>{vatRateLabel(item.vatRate)}</Typography>
            </Td>
            <Td>
              <InventoryOnHand item={item} />
            </Td>
            <Td>
              <Typography>{quantity(item.held)}</Typography>
            </Td>
            <Td>
              <Typography>{quantity(item.lowStockThreshold)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
