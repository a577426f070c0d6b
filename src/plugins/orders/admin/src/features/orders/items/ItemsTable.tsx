/**
 * The itemised view ("tételes nézet") of an order: its lines and totals. A draft's lines are
 * edited in place by those allowed to update orders, and saved together; every other order shows
 * them as saved.
 */
import { Button, Flex, Loader, Typography, VisuallyHidden } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { isEditable } from '../../../../../shared/domain/lifecycle';
import { apiErrorOf, useOrdersApi, type OrderJson, type StockItemJson } from '../../../api/orders';
import { useApiErrorText } from '../../../ui/errors';
import { PERMISSIONS } from '../../../permissions';
import {
  checkLine,
  draftLineFromStock,
  draftLineOf,
  editLines,
  hasProblems,
  initialLines,
  lineBody,
  serverProblemsOf,
  totalsOf,
  type CheckedLine,
  type DraftLine,
} from './utils/lines';
import { getTranslation } from '../../../ui/translations';
import { ItemsFreeLineModal, type FreeLine } from './components/ItemsFreeLineModal';
import { ItemsEditableRow, ItemsSavedRow, type ItemsLabels } from './components/ItemsRow';
import { ItemsTotals } from './components/ItemsTotals';
import { ItemsWindow, type ItemsWindowHandle } from './components/ItemsWindow';
import { StockItemPicker } from './components/StockItemPicker';

interface ItemsTableProps {
  order: OrderJson;
  onSaved: (order: OrderJson) => void;
  /**
   * Told when the lines gain or lose unsaved changes, so that the datasheet can hold back what
   * would lose them (a lifecycle action replaces the order, and the edited lines with it).
   */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * Every permission the view asks about, checked at once: a button that appeared after the rows
 * were drawn would make the browser restyle and lay out the whole page a second time.
 * (useRBAC names them by their last part: order "update" is canUpdate, inventory "read" canRead.)
 */
const VIEW_PERMISSIONS = [...PERMISSIONS.updateOrder, ...PERMISSIONS.readInventory];

export const ItemsTable = ({ order, onSaved, onDirtyChange }: ItemsTableProps) => {
  const draft = isEditable(order.state);
  const { allowedActions, isLoading } = useRBAC(VIEW_PERMISSIONS);
  // A draft waits for the permission check, so that its hundreds of rows are drawn once, not twice.
  if (draft && isLoading) return <Loader small />;
  return draft && allowedActions.canUpdate ? (
    <EditableItems order={order} onSaved={onSaved} onDirtyChange={onDirtyChange} canAddFromInventory={allowedActions.canRead} />
  ) : (
    <SavedItems order={order} />
  );
};

const useLabels = (): ItemsLabels => {
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

/** The widths of the columns (ItemsLinesSheet), in the order of Header's. */
const Columns = ({ withActions }: { withActions: boolean }) => (
  <colgroup>
    <col className="position" />
    <col className="sku" />
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

/** The sheet's columns, headers and empty row, with or without the line buttons of a draft being edited. */
const sheetParts = (labels: ItemsLabels, withActions: boolean) => {
  const columnCount = withActions ? 12 : 11;
  return {
    columns: <Columns withActions={withActions} />,
    header: <Header labels={labels} withActions={withActions} />,
    columnCount,
    empty: <NoLines columns={columnCount} />,
  };
};

/** The lines as the server saved them, with the server's own totals. */
const SavedItems = ({ order }: { order: OrderJson }) => {
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
          <ItemsSavedRow key={items[index].documentId} item={items[index]} index={index} currency={currency} locale={locale} measure={measure} />
        )}
      />
      <ItemsTotals totals={order.totals} currency={currency} />
    </Flex>
  );
};

interface EditableItemsProps extends ItemsTableProps {
  /** The stock item picker lists the inventory, which this role may not be allowed to read. */
  canAddFromInventory: boolean;
}

/** A draft's lines being edited: kept here until "Save lines" sends them all at once. */
const EditableItems = ({ order, onSaved, onDirtyChange, canAddFromInventory }: EditableItemsProps) => {
  const { formatMessage, locale } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText, fieldText } = useApiErrorText();
  const api = useOrdersApi();
  const labels = useLabels();
  const { currency } = order;

  const [state, dispatch] = useReducer(editLines, order.items, (items) => initialLines(items.map(draftLineOf)));
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState<'stock' | 'free' | null>(null);

  // The lines this state was loaded from. When the order arrives anew (reloaded by the page), the
  // lines follow it, unless the user has changes of their own that a reload must not wipe: hence
  // the effect runs on new lines only, and reads `dirty` as it is then.
  const loaded = useRef(order.items);
  useEffect(() => {
    if (order.items === loaded.current) return;
    loaded.current = order.items;
    if (!state.dirty) dispatch({ type: 'reset', lines: order.items.map(draftLineOf) });
  }, [order.items]);

  // Closing or reloading the tab would lose the unsaved lines: let the browser ask first.
  useEffect(() => {
    if (!state.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.dirty]);

  // Tell the page while there are unsaved lines; the clean-up also tells it when this view goes
  // away with them (the order left the draft state). The latest callback is read from a ref, so a
  // new function from the page does not count as a change.
  const dirtyListener = useRef(onDirtyChange);
  useEffect(() => {
    dirtyListener.current = onDirtyChange;
  });
  useEffect(() => {
    if (!state.dirty) return;
    dirtyListener.current?.(true);
    return () => dirtyListener.current?.(false);
  }, [state.dirty]);

  const nextKey = useRef(0);
  const newKey = () => `new-${(nextKey.current += 1)}`;

  // Each line is checked and priced once per change of that line: the cache keeps the results of
  // the untouched lines (same objects), which also keeps their memoised rows from redrawing.
  const cache = useMemo(() => new WeakMap<DraftLine, CheckedLine>(), [currency]);
  const checked = useMemo(
    () =>
      state.lines.map((line) => {
        let result = cache.get(line);
        if (!result) cache.set(line, (result = checkLine(line, currency)));
        return result;
      }),
    [state.lines, cache, currency]
  );
  const totals = useMemo(() => totalsOf(checked, currency), [checked, currency]);

  const sheet = useRef<ItemsWindowHandle>(null);
  const add = (line: DraftLine) => {
    dispatch({ type: 'add', line });
    sheet.current?.showLine(line.key);
  };
  const addFromStock = (item: StockItemJson) => add(draftLineFromStock(item, currency, newKey()));
  const addFreeLine = (line: FreeLine) => add({ ...line, key: newKey() });

  const discard = () => dispatch({ type: 'reset', lines: order.items.map(draftLineOf) });

  const save = async () => {
    const faulty = checked.findIndex(hasProblems);
    if (faulty >= 0) {
      sheet.current?.showLine(state.lines[faulty].key);
      toggleNotification({
        type: 'warning',
        message: formatMessage({
          id: getTranslation('items.fixProblems'),
          defaultMessage: 'Some lines have errors: correct the marked fields, then save.',
        }),
      });
      return;
    }
    const sent = state.lines;
    setSaving(true);
    try {
      const answer = await api.updateOrder(order.documentId, { items: sent.map(lineBody) });
      loaded.current = answer.items;
      dispatch({ type: 'reset', lines: answer.items.map(draftLineOf) });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('items.saved'), defaultMessage: 'Lines saved' }),
      });
      onSaved(answer);
    } catch (error) {
      const refusal = apiErrorOf(error);
      // Each field error shows at its line; the notification names them all.
      if (refusal.details.errors) {
        const worded = refusal.details.errors.map((problem) => ({ ...problem, message: fieldText(problem) }));
        const { byLine } = serverProblemsOf(worded, sent);
        dispatch({ type: 'refused', serverProblems: byLine });
        const faultyLine = sent.find((line) => byLine[line.key]);
        if (faultyLine) sheet.current?.showLine(faultyLine.key);
      }
      toggleNotification({ type: 'danger', message: errorText(refusal) });
    } finally {
      setSaving(false);
    }
  };

  const lastIndex = state.lines.length - 1;
  const keyOf = useCallback((index: number) => state.lines[index].key, [state.lines]);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" wrap="wrap" gap={2}>
        <Flex gap={2}>
          {canAddFromInventory && (
            <Button variant="secondary" startIcon={<Plus />} onClick={() => setAdding('stock')}>
              {formatMessage({ id: getTranslation('items.addFromStock'), defaultMessage: 'Add from inventory' })}
            </Button>
          )}
          <Button variant="tertiary" startIcon={<Plus />} onClick={() => setAdding('free')}>
            {formatMessage({ id: getTranslation('items.addFreeLine'), defaultMessage: 'Add free line' })}
          </Button>
        </Flex>
        <Flex gap={2}>
          {state.dirty && (
            <Typography variant="pi" textColor="warning600">
              {formatMessage({ id: getTranslation('items.unsaved'), defaultMessage: 'Unsaved changes' })}
            </Typography>
          )}
          <Button variant="tertiary" onClick={discard} disabled={!state.dirty || saving}>
            {formatMessage({ id: getTranslation('items.discard'), defaultMessage: 'Discard' })}
          </Button>
          <Button onClick={save} loading={saving} disabled={!state.dirty}>
            {formatMessage({ id: getTranslation('items.save'), defaultMessage: 'Save lines' })}
          </Button>
        </Flex>
      </Flex>

      <ItemsWindow
        ref={sheet}
        count={state.lines.length}
        keyOf={keyOf}
        {...sheetParts(labels, true)}
        renderLine={(index, measure) => (
          <ItemsEditableRow
            key={state.lines[index].key}
            line={state.lines[index]}
            checked={checked[index]}
            serverProblems={state.serverProblems[state.lines[index].key]}
            index={index}
            isLast={index === lastIndex}
            currency={currency}
            locale={locale}
            labels={labels}
            dispatch={dispatch}
            measure={measure}
          />
        )}
      />

      <ItemsTotals totals={totals} currency={currency} leftOut={totals.leftOut} />

      <StockItemPicker open={adding === 'stock'} currency={currency} onClose={() => setAdding(null)} onPick={addFromStock} />
      <ItemsFreeLineModal open={adding === 'free'} currency={currency} onClose={() => setAdding(null)} onAdd={addFreeLine} />
    </Flex>
  );
};
