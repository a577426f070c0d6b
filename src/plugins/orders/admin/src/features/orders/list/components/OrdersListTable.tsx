import { Flex, Link, Tooltip, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { OrderSort, OrderSummaryJson } from '../../../../../../shared/contracts/orders';
import type { CustomStatus } from '../../../../../../shared/contracts/settings';
import { datasheetPath } from '../../../../paths';
import { SortableHeader, type SortableColumn } from '../../../../ui/SortableHeader';
import { useRowLink } from '../../../../ui/tables';
import { OrderCustomStatusBadge, StateBadge } from '../../../../ui/badges';
import { formatDateTime } from '../../../../ui/format';
import { MoneyCell } from '../../../../ui/Money';
import { getTranslation } from '../../../../ui/translations';
import { orderSourceText } from '../../utils/source';
import { flagLabel, knownFlags } from '../../utils/webshop';

type Column = SortableColumn<OrderSort>;

interface Props {
  orders: OrderSummaryJson[];
  isLoading: boolean;
  isFiltered: boolean;
  sort: OrderSort;
  onSort: (sort: OrderSort) => void;
  customStatuses: CustomStatus[];
  /**
   * What the rows ticked can be given at once (OrdersBulkBar), shown above the table: rendered
   * inside the table's root, where the selection is. None: no checkboxes.
   */
  bulkBar?: ReactNode;
}

/** The orders of one page, newest first unless a column header says otherwise; a click on a row opens its order. */
export const OrdersListTable = ({ orders, isLoading, isFiltered, sort, onSort, customStatuses, bulkBar }: Props) => {
  const selectable = bulkBar !== undefined;
  const { formatMessage, locale } = useIntl();
  const rowLink = useRowLink();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`list.column.${key}`), defaultMessage });

  const columns: Column[] = [
    { name: 'number', label: label('number', 'Number'), sorts: ['number:asc', 'number:desc'] },
    { name: 'date', label: label('date', 'Date'), sorts: ['createdAt:desc', 'createdAt:asc'] },
    { name: 'customer', label: label('customer', 'Customer'), sorts: ['customer:asc'] },
    { name: 'state', label: label('state', 'State'), sorts: ['state:asc'] },
    { name: 'customStatus', label: label('customStatus', 'Custom status'), sorts: [] },
    { name: 'source', label: label('source', 'Source'), sorts: [] },
    { name: 'gross', label: label('gross', 'Gross total'), sorts: ['gross:desc', 'gross:asc'], alignEnd: true },
  ];
  // Strapi's table keys its rows by `id`.
  const rows = orders.map((order) => ({ ...order, id: order.documentId }));

  return (
    <Table.Root rows={rows} headers={columns} isLoading={isLoading}>
      {bulkBar}
      <Table.Content>
        <Table.Head>
          {selectable && <Table.HeaderCheckboxCell />}
          {columns.map((column) => (
            <SortableHeader key={column.name} column={column} sort={sort} onSort={onSort} />
          ))}
        </Table.Head>
        <Table.Loading>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Table.Loading>
        <Table.Empty
          content={
            isFiltered
              ? formatMessage({ id: getTranslation('list.empty.filtered'), defaultMessage: 'No orders match these filters' })
              : formatMessage({ id: getTranslation('list.empty'), defaultMessage: 'No orders yet' })
          }
        />
        <Table.Body>
          {rows.map((order) => (
            <Table.Row key={order.id} {...rowLink(datasheetPath(order.documentId))}>
              {selectable && <Table.CheckboxCell id={order.id} />}
              <Table.Cell>
                <Flex gap={2}>
                  <Link tag={NavLink} to={datasheetPath(order.documentId)}>
                    {order.number}
                  </Link>
                  <FlagsMarker order={order} />
                </Flex>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{formatDateTime(order.createdAt, locale)}</Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{order.customer?.name ?? '—'}</Typography>
              </Table.Cell>
              <Table.Cell>
                <StateBadge state={order.state} />
              </Table.Cell>
              <Table.Cell>
                {order.customStatus && <OrderCustomStatusBadge statusKey={order.customStatus} customStatuses={customStatuses} />}
              </Table.Cell>
              <Table.Cell>
                <Typography textColor={order.connection?.deleted ? 'neutral600' : 'neutral800'}>
                  {orderSourceText(order, formatMessage)}
                </Typography>
              </Table.Cell>
              <MoneyCell amount={order.totals.gross} currency={order.currency} fontWeight="semiBold" />
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};

/**
 * A webshop order that asks for a look (oversold, unknown SKU…): a warning sign beside its number,
 * the flags named in its tooltip and, for screen readers, in its label. Focusable, so that the
 * tooltip opens from the keyboard too.
 */
const FlagsMarker = ({ order }: { order: OrderSummaryJson }) => {
  const { formatMessage } = useIntl();
  const flags = knownFlags(order.flags);
  if (flags.length === 0) return null;
  const text = formatMessage(
    { id: getTranslation('list.flags'), defaultMessage: 'Needs a look: {flags}' },
    { flags: flags.map((flag) => flagLabel(flag, formatMessage)).join(', ') }
  );
  return (
    <Tooltip label={text}>
      <Flex tag="span" role="img" aria-label={text} tabIndex={0} data-flags={flags.join(' ')}>
        <WarningCircle fill="warning600" aria-hidden focusable={false} />
      </Flex>
    </Tooltip>
  );
};
