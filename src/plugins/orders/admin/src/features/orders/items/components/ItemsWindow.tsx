/**
 * The itemised view's sheet of lines, drawn only where its frame shows them. An order may have
 * hundreds of lines, and drawing every one (a score of elements each, inputs included) kept the
 * view from taking input for about a second; now a 500-line order draws the twenty-odd lines in
 * sight, and the others as the sheet scrolls (@tanstack/react-virtual, which the design system
 * itself uses for long lists).
 *
 * The sheet scrolls inside a frame of its own, under column headers that stay in place. Lines are
 * measured as drawn (one with a problem under a field is taller); the lines out of sight are
 * stood in for by empty rows of their height, so the scroll bar is right. A line that holds the
 * focus stays drawn while scrolled out of sight, so typing never loses it, and the table tells
 * assistive technology how many lines there are and which one each row is.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { ItemsLinesSheet, ItemsSheetScrollFrame } from './ItemsSheet';

/** A line's height before it is measured: the inputs' 3.2rem, the cell padding and the border. */
const ESTIMATED_LINE_HEIGHT = 49;
const ESTIMATED_HEADER_HEIGHT = 41;
/** Lines drawn beyond each edge of the frame, so that scrolling and Tab find them ready. */
const OVERSCAN = 8;

interface ItemsWindowProps {
  count: number;
  /** A line's stable key: its measured height and its focus follow it when lines move. */
  keyOf: (index: number) => string;
  columns: ReactNode;
  /** The narrowest the sheet may be before it scrolls sideways: every column's width and the name's least. */
  minWidth: string;
  header: ReactNode;
  columnCount: number;
  /** When there are no lines. */
  empty: ReactNode;
  /** The row of a line; `measure` is its ref, and the row carries `data-index` (see lineRowProps). */
  renderLine: (index: number, measure: (row: HTMLTableRowElement | null) => void) => ReactNode;
}

export interface ItemsWindowHandle {
  /**
   * Scrolls the line into sight: one just added (drawn with the next render), or the first one at
   * fault when saving is refused — in a long order either may be far out of view.
   */
  showLine: (key: string) => void;
}

/** What a line's <tr> carries for the window: its place for measuring and for assistive technology. */
export const lineRowProps = (index: number) => ({ 'data-index': index, 'aria-rowindex': index + 2 });

/** Where the line with `key` stands: a plain loop, for it runs on every scroll frame. */
const indexOfKey = (count: number, keyOf: (index: number) => string, key: string) => {
  for (let index = 0; index < count; index += 1) if (keyOf(index) === key) return index;
  return undefined;
};

export const ItemsWindow = forwardRef<ItemsWindowHandle, ItemsWindowProps>(function ItemsWindow(
  { count, keyOf, columns, minWidth, header, columnCount, empty, renderLine },
  ref
) {
  const frame = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  // The lines start under the header, inside the same scrolling frame: how far under is measured.
  const [headHeight, setHeadHeight] = useState(ESTIMATED_HEADER_HEIGHT);
  // Measured after every render, as the header's height follows its content; setting it only
  // when it differs ends the loop the rule warns of.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const height = head.current?.offsetHeight;
    if (height && height !== headHeight) setHeadHeight(height);
  });

  const keepFocused = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      if (focusedKey === null) return drawn;
      const focused = indexOfKey(count, keyOf, focusedKey);
      return focused === undefined || drawn.includes(focused) ? drawn : [...drawn, focused].sort((a, b) => a - b);
    },
    [focusedKey, count, keyOf]
  );

  const lines = useVirtualizer({
    count,
    getScrollElement: () => frame.current,
    estimateSize: () => ESTIMATED_LINE_HEIGHT,
    getItemKey: keyOf,
    overscan: OVERSCAN,
    rangeExtractor: keepFocused,
    scrollMargin: headHeight,
    // A line scrolled to stops below the headers, not under them.
    scrollPaddingStart: headHeight,
    // The first drawing already fills a frame of the usual size, instead of drawing none.
    initialRect: { width: 1200, height: window.innerHeight },
  });

  const wanted = useRef<string | null>(null);
  const showWanted = () => {
    const index = wanted.current === null ? undefined : indexOfKey(count, keyOf, wanted.current);
    if (index === undefined) return;
    wanted.current = null;
    lines.scrollToIndex(index, { align: 'auto' });
  };
  useImperativeHandle(ref, () => ({
    showLine: (key) => {
      wanted.current = key;
      showWanted();
    },
  }));
  // A line asked for before it was drawn (just added) is shown once it is.
  useEffect(showWanted);

  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    if (row) setFocusedKey(keyOf(Number(row.dataset.index)));
  };
  const onBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedKey(null);
  };

  // The drawn lines in order, with an empty row standing in for each run of lines between them.
  const rows: ReactNode[] = [];
  let drawnTo = headHeight;
  const gap = (key: string, height: number) =>
    height > 0 && (
      <tr key={key} aria-hidden className="gap" style={{ height }}>
        <td colSpan={columnCount} />
      </tr>
    );
  for (const line of lines.getVirtualItems()) {
    rows.push(gap(`gap-before-${line.key}`, line.start - drawnTo), renderLine(line.index, lines.measureElement));
    drawnTo = line.end;
  }
  rows.push(gap('gap-end', headHeight + lines.getTotalSize() - drawnTo));

  return (
    <ItemsSheetScrollFrame ref={frame}>
      <ItemsLinesSheet aria-rowcount={count + 1} style={{ minWidth }}>
        {columns}
        <thead ref={head}>{header}</thead>
        <tbody onFocus={onFocus} onBlur={onBlur}>
          {count === 0 ? empty : rows}
        </tbody>
      </ItemsLinesSheet>
    </ItemsSheetScrollFrame>
  );
});
