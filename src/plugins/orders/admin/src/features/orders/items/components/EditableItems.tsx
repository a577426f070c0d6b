import { Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorOf, useOrdersApi, type StockItemJson } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import type { ItemsTableProps } from '../ItemsTable';
import { checkLine, hasProblems, totalsOf, type CheckedLine } from '../utils/check-line';
import { draftLineFromStock, draftLineOf, lineBody, type DraftLine } from '../utils/lines';
import { editLines, initialLines, serverProblemsOf } from '../utils/lines-state';
import { ItemsFreeLineModal, type FreeLine } from './ItemsFreeLineModal';
import { ItemsEditableRow } from './ItemsRow';
import { sheetParts, useLabels } from './ItemsSheetParts';
import { ItemsTotals } from './ItemsTotals';
import { ItemsWindow, type ItemsWindowHandle } from './ItemsWindow';
import { StockItemPicker } from './StockItemPicker';

export interface EditableItemsProps extends ItemsTableProps {
  /** The stock item picker lists the inventory, which this role may not be allowed to read. */
  canAddFromInventory: boolean;
}

/** A draft's lines being edited: kept here until "Save lines" sends them all at once. */
export const EditableItems = ({ order, onSaved, onDirtyChange, canAddFromInventory }: EditableItemsProps) => {
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
