import { Badge, Flex, Link, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { MOVEMENT_KINDS, type MovementCause, type MovementJson, type MovementKind } from '../../../../../../shared/contracts/inventory';
import { DEFAULT_PAGE_SIZE } from '../../../../../../shared/contracts/pages';
import { FRESH } from '../../../../api/base';
import { apiErrorOf } from '../../../../api/errors';
import { useListMovementsQuery } from '../../../../api/inventory';
import { datasheetPath } from '../../../../paths';
import { ActorName } from '../../../../ui/ActorName';
import { Panel } from '../../../../ui/Card';
import { ListPagination } from '../../../../ui/ListPagination';
import { useApiErrorText } from '../../../../ui/errors';
import { formatDateTime, formatQuantity } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';

/** Why stock moved, as the ledger records it. */
const KINDS: Record<MovementKind, { defaultMessage: string; variant: 'neutral' | 'primary' | 'secondary' | 'danger' }> = {
  initial: { defaultMessage: 'Opening stock', variant: 'neutral' },
  adjustment: { defaultMessage: 'Adjustment', variant: 'primary' },
  order: { defaultMessage: 'Order', variant: 'secondary' },
  'write-off': { defaultMessage: 'Write-off', variant: 'danger' },
};

const COLUMNS = [
  { id: 'inventory.movement.date', defaultMessage: 'Date' },
  { id: 'inventory.movement.kind', defaultMessage: 'Kind' },
  { id: 'inventory.movement.change', defaultMessage: 'Change' },
  { id: 'inventory.movement.balanceAfter', defaultMessage: 'Balance after' },
  { id: 'inventory.movement.order', defaultMessage: 'Order' },
  { id: 'inventory.movement.reason', defaultMessage: 'Reason' },
  { id: 'inventory.movement.actor', defaultMessage: 'By' },
] as const;

const isKnown = (kind: string): kind is MovementKind => (MOVEMENT_KINDS as readonly string[]).includes(kind);

/** A kind this admin does not know yet (the server's newer) shows as it is. */
const KindBadge = ({ kind }: { kind: string }) => {
  const { formatMessage } = useIntl();
  const known = isKnown(kind) ? KINDS[kind] : undefined;
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

/** What made an order's movement, worded here from the code the ledger keeps. */
const CAUSES: Record<MovementCause, string> = {
  finalize: 'Finalize',
  edit: 'Edit',
  fulfil: 'Fulfil',
  succeed: 'Success',
  fail: 'Failure',
  shop: 'Webshop update',
  invoice: 'Invoice {invoice}',
  storno: 'Storno invoice {invoice}',
};

const Cause = ({ movement }: { movement: MovementJson }) => {
  const { formatMessage } = useIntl();
  const cause = movement.cause!;
  const values = { invoice: movement.invoice?.number ?? '' };
  return <>{formatMessage({ id: getTranslation(`inventory.movement.cause.${cause}`), defaultMessage: CAUSES[cause] ?? cause }, values)}</>;
};

const MovementRow = ({ movement }: { movement: MovementJson }) => {
  const { locale } = useIntl();
  return (
    <Tr>
      <TextCell>{formatDateTime(movement.createdAt, locale)}</TextCell>
      <Td>
        <KindBadge kind={movement.kind} />
      </Td>
      <Td>
        <Change quantity={movement.quantity} />
      </Td>
      <TextCell>{formatQuantity(movement.balanceAfter, locale)}</TextCell>
      <Td>
        {movement.order ? (
          <Link tag={NavLink} to={datasheetPath(movement.order.documentId)}>
            {movement.order.number}
          </Link>
        ) : (
          // A deleted draft's movements keep its number, with nothing left to link to.
          <Typography textColor="neutral500">{movement.orderNumber ?? '—'}</Typography>
        )}
      </Td>
      <TextCell>{movement.cause ? <Cause movement={movement} /> : (movement.reason ?? '—')}</TextCell>
      <TextCell>{movement.actor ? <ActorName actor={movement.actor} /> : '—'}</TextCell>
    </Tr>
  );
};

/** The item's ledger, newest first, a page at a time (the page is kept in the URL). */
export const StockItemMovements = ({ stockItemId }: { stockItemId: string }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const { page = '1', pageSize = String(DEFAULT_PAGE_SIZE) } = query;
  // A new movement (an adjustment on this page, an order's) loads the ledger again (api/inventory.ts).
  const { data, error, isLoading } = useListMovementsQuery({ id: stockItemId, page, pageSize }, FRESH);
  const movements = error ? undefined : data;

  return (
    <Panel>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('inventory.movements.title'), defaultMessage: 'Stock movements' })}
        </Typography>
        {error && <Typography textColor="danger600">{errorText(apiErrorOf(error))}</Typography>}
        {isLoading && <Loader small />}
        {movements && (
          <>
            <Table colCount={COLUMNS.length} rowCount={movements.data.length + 1}>
              <TableHeads columns={COLUMNS} />
              <Tbody>
                {movements.data.map((movement) => (
                  <MovementRow key={movement.documentId} movement={movement} />
                ))}
              </Tbody>
            </Table>
            <ListPagination pagination={movements.meta.pagination} />
          </>
        )}
      </Flex>
    </Panel>
  );
};
