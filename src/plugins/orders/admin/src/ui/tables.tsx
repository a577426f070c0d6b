/** The design system's tables, as the plugin's lists fill them. */
import { Flex, Td, Th, Thead, Tooltip, Tr, Typography, type TypographyProps } from '@strapi/design-system';
import type { MouseEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { getTranslation } from './translations';

/** A column's heading: its translation key and its English. */
export interface Column {
  id: string;
  defaultMessage: string;
  /** A column of amounts or counts: its heading right-aligned over them (Money.tsx). */
  alignEnd?: boolean;
  /** What the column's figure means, shown on hovering its heading: a translation key and its English. */
  hint?: { id: string; defaultMessage: string };
}

/** The headings of a design-system table, in the admin's language; `children` adds cells after them. */
export const TableHeads = ({ columns, children }: { columns: readonly Column[]; children?: ReactNode }) => {
  const { formatMessage } = useIntl();
  return (
    <Thead>
      <Tr>
        {columns.map(({ id, defaultMessage, alignEnd, hint }) => {
          const heading = <Typography variant="sigma">{formatMessage({ id: getTranslation(id), defaultMessage })}</Typography>;
          return (
            <Th key={id}>
              <Flex justifyContent={alignEnd ? 'flex-end' : 'flex-start'} width="100%">
                {hint ? (
                  <Tooltip label={formatMessage({ id: getTranslation(hint.id), defaultMessage: hint.defaultMessage })}>{heading}</Tooltip>
                ) : (
                  heading
                )}
              </Flex>
            </Th>
          );
        })}
        {children}
      </Tr>
    </Thead>
  );
};

/** A cell holding a text, as the design system's tables write it; `typography` colours or bolds it. */
export const TextCell = ({ children, ...typography }: TypographyProps) => (
  <Td>
    <Typography {...typography}>{children}</Typography>
  </Td>
);

/** What inside a row does its own thing when clicked: links, buttons, checkboxes (a bulk selection), fields. */
const OWN_CLICK = 'a, button, input, select, textarea, label, [role="button"], [role="checkbox"], [role="menuitem"]';

/**
 * A click anywhere on a row opens what the row shows, as a click on its link would — except on
 * what inside it answers a click of its own, and when the click ended a selection of the row's
 * text (a number copied is not an order opened). The row's link stays the way in by keyboard and
 * to a new tab.
 */
export const useRowLink = () => {
  const navigate = useNavigate();
  return (path: string) => ({
    cursor: 'pointer' as const,
    onClick: (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || (event.target as Element).closest(OWN_CLICK)) return;
      if (window.getSelection()?.toString()) return;
      navigate(path);
    },
  });
};
