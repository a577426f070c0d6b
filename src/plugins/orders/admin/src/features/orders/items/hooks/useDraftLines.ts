/**
 * The lines of a draft being edited in the itemised view: kept until they are saved, checked and
 * priced line by line, and following the order when it arrives anew, unless they hold changes.
 */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import type { Unit } from '../../../../../../shared/domain/units';
import { checkLine, totalsOf, type CheckedLine } from '../utils/check-line';
import { draftLineOf, type DraftLine } from '../utils/lines';
import { editLines, initialLines } from '../utils/lines-state';

/**
 * `units`: the settings' units, which say which count whole pieces (a fraction of one is refused
 * as it is typed); none for a role that may not read the settings.
 */
export const useDraftLines = (order: OrderJson, units: readonly Unit[], onDirtyChange: ((dirty: boolean) => void) | undefined) => {
  const { currency } = order;
  const [state, dispatch] = useReducer(editLines, order.items, (items) => initialLines(items.map(draftLineOf)));

  // The lines this state was loaded from. When the order arrives anew (reloaded after a refusal,
  // or by someone else's change), the lines follow it, unless the user has changes of their own
  // that a reload must not wipe (the reducer's "loaded"). The cache holds an answer as it came
  // (api/orders.ts), so saved lines are not new.
  const loaded = useRef(order.items);
  useEffect(() => {
    if (order.items === loaded.current) return;
    loaded.current = order.items;
    dispatch({ type: 'loaded', lines: order.items.map(draftLineOf) });
  }, [order.items]);

  // Tell the page while there are unsaved lines (it asks before they are left behind: LeaveGuard); the clean-up also tells it when this view goes
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

  // Each line is checked and priced once per change of that line: the cache keeps the results of
  // the untouched lines (same objects), which also keeps their memoised rows from redrawing.
  // One cache per currency and units: a line's check and price depend on them.
  const cache = useMemo(() => ({ currency, units, byLine: new WeakMap<DraftLine, CheckedLine>() }), [currency, units]);
  const checked = useMemo(
    () =>
      state.lines.map((line) => {
        let result = cache.byLine.get(line);
        if (!result) cache.byLine.set(line, (result = checkLine(line, cache.currency, cache.units)));
        return result;
      }),
    [state.lines, cache]
  );
  const totals = useMemo(() => totalsOf(checked, currency), [checked, currency]);

  /** The lines as the server saved them: the state starts over from them. */
  const saved = (answer: OrderJson) => {
    loaded.current = answer.items;
    dispatch({ type: 'reset', lines: answer.items.map(draftLineOf) });
  };
  const discard = () => dispatch({ type: 'reset', lines: order.items.map(draftLineOf) });

  return { state, dispatch, checked, totals, saved, discard };
};
