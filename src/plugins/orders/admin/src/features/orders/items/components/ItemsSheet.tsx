/**
 * The itemised view's table, styled once for all its cells. An order may have hundreds of lines:
 * the design system's Table is a keyboard grid whose every cell subscribes to the focus position
 * and takes the inputs out of the Tab order, so the lines are a plain <table> with plain inputs
 * here, drawn with the admin theme's tokens to look like the rest of the admin.
 */
import { styled } from 'styled-components';

/**
 * The line buttons' icons (@strapi/icons ArrowUp, ArrowDown, Trash, same paths) as CSS masks
 * painted in the button's colour: one element per button instead of a button, an SVG and a path
 * in each of hundreds of rows.
 */
const icon = (path: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><path d='${path}'/></svg>`)}")`;
const ICONS = {
  up: icon(
    'M26.061 15.061a1.5 1.5 0 0 1-2.125 0L17.5 8.625V27a1.5 1.5 0 1 1-3 0V8.625l-6.439 6.436a1.503 1.503 0 1 1-2.125-2.125l9-9a1.5 1.5 0 0 1 2.125 0l9 9a1.5 1.5 0 0 1 0 2.125'
  ),
  down: icon(
    'm26.061 19.061-9 9a1.503 1.503 0 0 1-2.125 0l-9-9a1.503 1.503 0 1 1 2.125-2.125l6.439 6.439V5a1.5 1.5 0 1 1 3 0v18.375l6.439-6.44a1.502 1.502 0 1 1 2.125 2.125z'
  ),
  remove: icon(
    'M27 6h-5V5a3 3 0 0 0-3-3h-6a3 3 0 0 0-3 3v1H5a1 1 0 0 0 0 2h1v18a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8h1a1 1 0 1 0 0-2M14 21a1 1 0 0 1-2 0v-8a1 1 0 0 1 2 0zm6 0a1 1 0 0 1-2 0v-8a1 1 0 0 1 2 0zm0-15h-8V5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1z'
  ),
};

export const ItemsSheet = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: ${({ theme }) => theme.fontSizes[2]};
  color: ${({ theme }) => theme.colors.neutral800};

  th {
    padding: ${({ theme }) => `${theme.spaces[3]} ${theme.spaces[2]}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
    color: ${({ theme }) => theme.colors.neutral600};
    font-size: ${({ theme }) => theme.fontSizes[0]};
    font-weight: ${({ theme }) => theme.fontWeights.bold};
    text-align: left;
    text-transform: uppercase;
    white-space: nowrap;
  }

  td {
    padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[2]}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
    vertical-align: middle;
    line-height: 1.43;
  }

  tbody tr:hover {
    background: ${({ theme }) => theme.colors.neutral100};
  }

  tfoot td {
    font-weight: ${({ theme }) => theme.fontWeights.bold};
    border-bottom: none;
  }

  .number {
    text-align: right;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }

  .muted {
    color: ${({ theme }) => theme.colors.neutral600};
  }

  .nowrap {
    white-space: nowrap;
  }

  input,
  select {
    height: 3.2rem;
    padding: 0 ${({ theme }) => theme.spaces[2]};
    border: 1px solid ${({ theme }) => theme.colors.neutral200};
    border-radius: ${({ theme }) => theme.borderRadius};
    background: ${({ theme }) => theme.colors.neutral0};
    color: ${({ theme }) => theme.colors.neutral800};
    font: inherit;
    line-height: normal;
  }

  input:focus,
  select:focus {
    outline: none;
    border-color: ${({ theme }) => theme.colors.primary600};
    box-shadow: ${({ theme }) => theme.colors.primary600} 0 0 0 2px;
  }

  input[aria-invalid='true'] {
    border-color: ${({ theme }) => theme.colors.danger600};
  }

  input.number {
    width: 10ch;
  }

  input.percent {
    width: 7ch;
  }

  input.note {
    width: 100%;
    min-width: 14ch;
  }

  .line-kind,
  .line-warning {
    display: inline-block;
    margin-left: ${({ theme }) => theme.spaces[2]};
    padding: 0 ${({ theme }) => theme.spaces[2]};
    border-radius: ${({ theme }) => theme.borderRadius};
    font-size: ${({ theme }) => theme.fontSizes[0]};
    font-weight: ${({ theme }) => theme.fontWeights.bold};
    line-height: 1.8rem;
    text-transform: uppercase;
    white-space: nowrap;
    vertical-align: middle;
  }

  .line-kind {
    background: ${({ theme }) => theme.colors.neutral150};
    color: ${({ theme }) => theme.colors.neutral700};
  }

  .line-warning {
    background: ${({ theme }) => theme.colors.warning100};
    color: ${({ theme }) => theme.colors.warning700};
  }

  .problem {
    display: block;
    max-width: 22ch;
    color: ${({ theme }) => theme.colors.danger600};
    font-size: ${({ theme }) => theme.fontSizes[1]};
    line-height: 1.33;
    white-space: normal;
    text-align: left;
  }

  button.line-action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 3.2rem;
    height: 3.2rem;
    padding: 0;
    border: 1px solid ${({ theme }) => theme.colors.neutral200};
    border-radius: ${({ theme }) => theme.borderRadius};
    background: ${({ theme }) => theme.colors.neutral0};
    color: ${({ theme }) => theme.colors.neutral500};
    cursor: pointer;
  }

  button.line-action::before {
    content: '';
    width: 1.6rem;
    height: 1.6rem;
    background: currentColor;
    mask: var(--line-icon) center / contain no-repeat;
  }

  button.line-action.up {
    --line-icon: ${ICONS.up};
  }

  button.line-action.down {
    --line-icon: ${ICONS.down};
  }

  button.line-action.remove {
    --line-icon: ${ICONS.remove};
  }

  button.line-action:hover:not(:disabled) {
    color: ${({ theme }) => theme.colors.neutral800};
    background: ${({ theme }) => theme.colors.neutral100};
  }

  button.line-action:disabled {
    cursor: default;
    opacity: 0.4;
  }

  button.line-action + button.line-action {
    margin-left: ${({ theme }) => theme.spaces[1]};
  }
`;

/** Wide tables scroll sideways inside the page instead of stretching it. */
export const ItemsSheetFrame = styled.div`
  overflow-x: auto;
  background: ${({ theme }) => theme.colors.neutral0};
  border-radius: ${({ theme }) => theme.borderRadius};
  box-shadow: ${({ theme }) => theme.shadows.tableShadow};
`;

/**
 * The frame the lines scroll in (ItemsWindow): at most most of the screen high, so that a long
 * order scrolls under its column headers, which stay in place, while the page keeps the order's
 * buttons and totals at hand. A line brought into view by the keyboard stops below the headers.
 */
export const ItemsSheetScrollFrame = styled(ItemsSheetFrame)`
  max-height: 70vh;
  overflow-y: auto;
  scroll-padding-top: 4.4rem;

  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: ${({ theme }) => theme.colors.neutral0};
    border-bottom: none;
    box-shadow: inset 0 -1px 0 ${({ theme }) => theme.colors.neutral150};
  }

  tbody tr.gap {
    background: none;
  }

  tbody tr.gap td {
    padding: 0;
    border: none;
  }
`;

/**
 * The sheet of an order's lines. Its columns have set widths (the <colgroup> of
 * ItemsSheetParts) and a fixed table layout: they keep their widths as lines scroll into the window
 * and out, and the browser sizes them without measuring cells. The name takes what is left; below
 * the minimum width (sheetParts') the frame scrolls sideways.
 */
export const ItemsLinesSheet = styled(ItemsSheet)`
  table-layout: fixed;

  col.position {
    width: 6ch;
  }
  col.quantity {
    width: 17ch;
  }
  col.unit-price {
    width: 13ch;
  }
  col.discount {
    width: 14ch;
  }
  col.vat-rate {
    width: 12ch;
  }
  col.note {
    width: 16ch;
  }
  col.amount {
    width: 13ch;
  }
  col.actions {
    width: 12.4rem;
  }

  /*
   * Every column is wider than the longest word of its heading in both languages ("KEDVEZMÉNY %",
   * "ÁFA-KULCS" whole on one line); a heading of two words ("NETTÓ EGYSÉGÁR") may take two lines.
   */
  th,
  th.number {
    white-space: normal;
    overflow: hidden;
  }

  td {
    overflow-wrap: anywhere;
  }

  /* An input and its unit stay side by side; a problem shows under both. */
  .with-unit {
    white-space: nowrap;
  }

  td.nowrap:not(:last-child) {
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
