/**
 * The itemised view's table, styled once for all its cells. An order may have hundreds of lines:
 * the design system's Table is a keyboard grid whose every cell subscribes to the focus position
 * and takes the inputs out of the Tab order, so the lines are a plain <table> with plain inputs
 * here, drawn with the admin theme's tokens to look like the rest of the admin.
 */
import { styled } from 'styled-components';

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
