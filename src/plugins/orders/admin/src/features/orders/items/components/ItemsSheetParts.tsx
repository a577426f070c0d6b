/** The parts of the sheet both the saved and the edited lines draw: column widths, headers, no lines. */
import { VisuallyHidden } from '@strapi/design-system';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../../ui/translations';
import { lineKindLabels } from '../../utils/webshop';
import { skuColumnChars } from '../utils/lines';
import type { ItemsLabels } from './ItemsRow';

export const useLabels = (): ItemsLabels => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const say = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });
    return {
      position: say('items.column.position', '#'),
      sku: say('items.column.sku', 'SKU'),
      name: say('items.column.name', 'Name'),
      quantity: say('items.column.quantity', 'Quantity'),
      unitPrice: say('items.column.unitPrice', 'Unit price'),
      discountPercent: say('items.column.discount', 'Discount %'),
      vatRate: say('items.column.vatRate', 'VAT rate'),
      note: say('items.column.note', 'Note'),
      net: say('items.column.net', 'Net'),
      vat: say('items.column.vat', 'VAT'),
      gross: say('items.column.gross', 'Gross'),
      actions: say('items.column.actions', 'Actions'),
      moveUp: say('items.moveUp', 'Move up'),
      moveDown: say('items.moveDown', 'Move down'),
      remove: say('items.remove', 'Remove line'),
      kinds: lineKindLabels(formatMessage),
      notInInventory: say('items.notInInventory', 'Not in the inventory'),
    };
  }, [formatMessage]);
};

const Header = ({ labels, withActions }: { labels: ItemsLabels; withActions: boolean }) => (
  <tr aria-rowindex={1}>
    <th className="number">{labels.position}</th>
    <th>{labels.sku}</th>
    <th>{labels.name}</th>
    <th className="number">{labels.quantity}</th>
    <th className="number">{labels.unitPrice}</th>
    <th className="number">{labels.discountPercent}</th>
    <th>{labels.vatRate}</th>
    <th>{labels.note}</th>
    <th className="number">{labels.net}</th>
    <th className="number">{labels.vat}</th>
    <th className="number">{labels.gross}</th>
    {withActions && (
      <th>
        <VisuallyHidden>{labels.actions}</VisuallyHidden>
      </th>
    )}
  </tr>
);

/** What the fixed columns of ItemsLinesSheet take, in ch: position, quantity, unit price, discount, VAT rate, note, three amounts. */
const OTHER_COLUMNS_CH = 6 + 17 + 13 + 14 + 12 + 16 + 3 * 13;
/** The least the name keeps: its heading in both languages, and a name's first words. */
const NAME_LEAST_CH = 20;

/** The widths of the columns (ItemsLinesSheet), in the order of Header's. */
const Columns = ({ withActions, skuChars }: { withActions: boolean; skuChars: number }) => (
  <colgroup>
    <col className="position" />
    <col className="sku" style={{ width: `${skuChars}ch` }} />
    <col />
    <col className="quantity" />
    <col className="unit-price" />
    <col className="discount" />
    <col className="vat-rate" />
    <col className="note" />
    <col className="amount" />
    <col className="amount" />
    <col className="amount" />
    {withActions && <col className="actions" />}
  </colgroup>
);

const NoLines = ({ columns }: { columns: number }) => {
  const { formatMessage } = useIntl();
  return (
    <tr>
      <td colSpan={columns} className="muted">
        {formatMessage({ id: getTranslation('items.empty'), defaultMessage: 'No items yet.' })}
      </td>
    </tr>
  );
};

/**
 * The sheet's columns, headers and empty row, with or without the line buttons of a draft being
 * edited; the SKU column as wide as the order's SKUs need.
 */
export const sheetParts = (labels: ItemsLabels, withActions: boolean, skus: ReadonlyArray<string | null>) => {
  const columnCount = withActions ? 12 : 11;
  const skuChars = skuColumnChars(skus);
  return {
    columns: <Columns withActions={withActions} skuChars={skuChars} />,
    // The other columns' widths (ItemsLinesSheet), the SKU's and the name's least: below it the
    // sheet scrolls sideways rather than cut the name.
    minWidth: `calc(${OTHER_COLUMNS_CH + skuChars + NAME_LEAST_CH}ch${withActions ? ' + 12.4rem' : ''})`,
    header: <Header labels={labels} withActions={withActions} />,
    columnCount,
    empty: <NoLines columns={columnCount} />,
  };
};
