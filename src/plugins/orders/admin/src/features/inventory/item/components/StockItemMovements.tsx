import { Badge, Box, Flex, Link, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pagination, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { MovementJson } from '../../../../../../shared/contracts/inventory';
import { FRESH } from '../../../../api/base';
import { apiErrorOf } from '../../../../api/errors';
import { useListMovementsQuery } from '../../../../api/inventory';
import { useApiErrorText } from '../../../../ui/errors';
import { formatDateTime, formatQuantity } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { datasheetPath } from '../../../../paths';

const PAGE_SIZE = '20';

/** Why stock moved, as the ledger records it. */
const KINDS: Record<string, { defaultMessage: string; variant: 'neutral' | 'primary' | 'secondary' | 'danger' }> = {
  initial: { defaultMessage: 'Opening stock', variant: 'neutral' },
  adjustment: { defaultMessage: 'Adjustment', variant: 'primary' },
  order: { defaultMessage: 'Order', variant: 'secondary' },
  'write-off': { defaultMessage: 'Write-off', variant: 'danger' },
};

const COLUMNS = [
  { key: 'date', defaultMessage: 'Date' },
  { key: 'kind', defaultMessage: 'Kind' },
  { key: 'change', defaultMessage: 'Change' },
  { key: 'balanceAfter', defaultMessage: 'Balance after' },
  { key: 'order', defaultMessage: 'Order' },
  { key: 'reason', defaultMessage: 'Reason' },
  { key: 'actor', defaultMessage: 'By' },
] as const;

const MovementKind = ({ kind }: { kind: string }) => {
  const { formatMessage } = useIntl();
  const known = KINDS[kind];
  return (
    <Badge variant={known?.variant ?? 'neutral'}>
      {known ? formatMessage({ id: getTranslation(`inventory.movement.kind.${kind}`), defaultMessage: known.defaultMessage }) : kind}
    </Badge>
  );
};

/** A signed change, "+5" in green and "-2" in red, so receipts and withdrawals read at a glance. */
const Change = ({ quantity }: { quantity: string }) => {
  const { locale } = useIntl();
  const taken = quantity.startsWith('-');
  return (
    <Typography fontWeight="semiBold" textColor={taken ? 'danger600' : 'success600'}>
      {taken ? formatQuantity(quantity, locale) : `+${formatQuantity(quantity, locale)}`}
    </Typography>
  );
};

const MovementRow = ({ movement }: { movement: MovementJson }) => {
  const { locale } = useIntl();
  return (
    <Tr>
      <Td>
        <Typography>{formatDateTime(movement.createdAt, locale)}</Typography>
      </Td>
      <Td>
        <MovementKind kind={movement.kind} />
      </Td>
      <Td>
        <Change quantity={movement.quantity} />
      </Td>
      <Td>
        <Typography>{formatQuantity(movement.balanceAfter, locale)}</Typography>
      </Td>
      <Td>
        {movement.order ? (
          <Link tag={NavLink} to={datasheetPath(movement.order.documentId)}>
            {movement.order.number}
          </Link>
        ) : (
          <Typography textColor="neutral500">—</Typography>
        )}
      </Td>
      <Td>
        <Typography>{movement.reason ?? '—'}</Typography>
      </Td>
      <Td>
        <Typography>{movement.actor?.name ?? '—'}</Typography>
      </Td>
    </Tr>
  );
};

/** The item's ledger, newest first, a page at a time (the page is kept in the URL). */
export const StockItemMovements = ({ stockItemId }: { stockItemId: string }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const { page = '1', pageSize = PAGE_SIZE } = query;
  // A new movement (an adjustment on this page, an order's) loads the ledger again (api/inventory.ts).
  const { data, error, isLoading } = useListMovementsQuery({ id: stockItemId, page, pageSize }, FRESH);
  const movements = error ? undefined : data;

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('inventory.movements.title'), defaultMessage: 'Stock movements' })}
        </Typography>
        {error && <Typography textColor="danger600">{errorText(apiErrorOf(error))}</Typography>}
        {isLoading && <Loader small />}
        {movements && (
          <>
            <Table colCount={COLUMNS.length} rowCount={movements.data.length + 1}>
              <Thead>
                <Tr>
                  {COLUMNS.map(({ key, defaultMessage }) => (
                    <Th key={key}>
                      <Typography variant="sigma">
                        {formatMessage({ id: getTranslation(`inventory.movement.${key}`), defaultMessage })}
                      </Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {movements.data.map((movement) => (
                  <MovementRow key={movement.documentId} movement={movement} />
                ))}
              </Tbody>
            </Table>
            <Pagination.Root
              pageCount={movements.meta.pagination.pageCount}
              total={movements.meta.pagination.total}
              defaultPageSize={Number(PAGE_SIZE)}
            >
              <Pagination.PageSize options={['10', PAGE_SIZE, '50', '100']} />
              <Pagination.Links />
            </Pagination.Root>
          </>
        )}
      </Flex>
    </Box>
  );
};
