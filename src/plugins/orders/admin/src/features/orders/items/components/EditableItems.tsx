import { Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import type { Unit } from '../../../../../../shared/domain/units';
import { useUpdateOrderMutation } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { useDraftLines } from '../hooks/useDraftLines';
import { hasProblems } from '../utils/check-line';
import { draftLineFromStock, lineBody, type DraftLine } from '../utils/lines';
import { serverProblemsOf } from '../utils/lines-state';
import { ItemsFreeLineModal, type FreeLine } from './ItemsFreeLineModal';
import { ItemsEditableRow } from './ItemsRow';
import { sheetParts, useLabels } from './ItemsSheetParts';
import { ItemsTotals } from './ItemsTotals';
import { ItemsWindow, type ItemsWindowHandle } from './ItemsWindow';
import { StockItemPicker } from './StockItemPicker';

interface EditableItemsProps {
  order: OrderJson;
  /** Told when the lines gain or lose unsaved changes (ItemsTable). */
  onDirtyChange?: (dirty: boolean) => void;
  /** The stock item picker lists the inventory, which this role may not be allowed to read. */
  canAddFromInventory: boolean;
  /** The settings' units (which count whole pieces); none for a role that may not read the settings. */
  units: readonly Unit[];
}

/** A draft's lines being edited: kept here until "Save lines" sends them all at once. */
export const EditableItems = ({ order, onDirtyChange, canAddFromInventory, units }: EditableItemsProps) => {
  const { formatMessage, locale } = useIntl();
  const { toggleNotification } = useNotification();
  const { fieldText } = useApiErrorText();
  const submit = useSubmit();
  const [updateOrder, { isLoading: saving }] = useUpdateOrderMutation();
  const labels = useLabels();
  const { currency } = order;
  const { state, dispatch, checked, totals, saved, discard } = useDraftLines(order, units, onDirtyChange);
  const [adding, setAdding] = useState<'stock' | 'free' | null>(null);

  const nextKey = useRef(0);
  const newKey = () => `new-${(nextKey.current += 1)}`;

  const sheet = useRef<ItemsWindowHandle>(null);
  const add = (line: DraftLine) => {
    dispatch({ type: 'add', line });
    sheet.current?.showLine(line.key);
  };
  const addFromStock = (item: StockItemJson) => add(draftLineFromStock(item, currency, newKey()));
  const addFreeLine = (line: FreeLine) => add({ ...line, key: newKey() });

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
    const { data: answer, error } = await submit(updateOrder({ id: order.documentId, body: { items: sent.map(lineBody) } }), {
      done: () => formatMessage({ id: getTranslation('items.saved'), defaultMessage: 'Lines saved' }),
    });
    if (answer) saved(answer);
    // Each field error shows at its line; the notification names them all.
    if (error?.details.errors) {
      const worded = error.details.errors.map((problem) => ({ ...problem, message: fieldText(problem) }));
      const { byLine } = serverProblemsOf(worded, sent);
      dispatch({ type: 'refused', serverProblems: byLine });
      const faultyLine = sent.find((line) => byLine[line.key]);
      if (faultyLine) sheet.current?.showLine(faultyLine.key);
    }
  };

  const lastIndex = state.lines.length - 1;
  const keyOf = useCallback((index: number) => state.lines[index].key, [state.lines]);
  const skus = useMemo(() => state.lines.map((line) => line.sku), [state.lines]);
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
        {...sheetParts(labels, true, skus)}
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
      <ItemsFreeLineModal open={adding === 'free'} currency={currency} units={units} onClose={() => setAdding(null)} onAdd={addFreeLine} />
    </Flex>
  );
};
