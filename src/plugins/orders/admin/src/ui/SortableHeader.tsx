import { Flex, Th, Tooltip, Typography } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from './translations';

/** A column of a list the server sorts. */
export interface SortableColumn<Sort extends string> {
  name: string;
  label: string;
  /** The server's sorts for this column, in the order clicks walk through them; none: not sortable. */
  sorts: Sort[];
  alignEnd?: boolean;
  /** What the column's figure means, in the admin's words: its tooltip says so rather than "Sort by". */
  hint?: string;
}

/**
 * A column header that sorts the way the server can: a click on another column takes its first
 * sort, a click on the sorted column its next one. Strapi's own Table.HeaderCell writes
 * "field:ASC" for any field, which the server's fixed list of sorts does not take.
 */
export const SortableHeader = <Sort extends string>({
  column,
  sort,
  onSort,
}: {
  column: SortableColumn<Sort>;
  sort: Sort;
  onSort: (sort: Sort) => void;
}) => {
  const { formatMessage } = useIntl();
  const position = column.sorts.indexOf(sort);
  const next = column.sorts[(position + 1) % column.sorts.length];
  const clickable = next !== undefined && next !== sort;
  const ascending = sort.endsWith(':asc');

  const title = (
    <Flex gap={1} justifyContent={column.alignEnd ? 'flex-end' : 'flex-start'} width="100%">
      <Typography textColor="neutral600" tag="span" variant="sigma">
        {column.label}
      </Typography>
      {position >= 0 && (ascending ? <CaretUp aria-hidden /> : <CaretDown aria-hidden />)}
    </Flex>
  );

  return (
    <Th
      aria-sort={position < 0 ? undefined : ascending ? 'ascending' : 'descending'}
      onClick={clickable ? () => onSort(next) : undefined}
      onKeyDown={
        clickable
          ? (event: KeyboardEvent) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSort(next);
              }
            }
          : undefined
      }
      tabIndex={clickable ? 0 : undefined}
      style={clickable ? { cursor: 'pointer' } : undefined}
    >
      {clickable || column.hint ? (
        <Tooltip
          label={
            column.hint ??
            formatMessage({ id: getTranslation('list.sortBy'), defaultMessage: 'Sort by {column}' }, { column: column.label })
          }
        >
          {title}
        </Tooltip>
      ) : (
        title
      )}
    </Th>
  );
};
