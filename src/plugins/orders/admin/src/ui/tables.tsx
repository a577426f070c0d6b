/** The design system's tables, as the plugin's lists fill them. */
import { Td, Th, Thead, Tr, Typography, type TypographyProps } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from './translations';

/** A column's heading: its translation key and its English. */
export interface Column {
  id: string;
  defaultMessage: string;
}

/** The headings of a design-system table, in the admin's language; `children` adds cells after them. */
export const TableHeads = ({ columns, children }: { columns: readonly Column[]; children?: ReactNode }) => {
  const { formatMessage } = useIntl();
  return (
    <Thead>
      <Tr>
        {columns.map(({ id, defaultMessage }) => (
          <Th key={id}>
            <Typography variant="sigma">{formatMessage({ id: getTranslation(id), defaultMessage })}</Typography>
          </Th>
        ))}
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
