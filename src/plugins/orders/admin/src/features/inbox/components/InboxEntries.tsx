/**
 * An order's inbox entries, compactly: what its webshop sent about it, each a link to the entry
 * with its payload. For the order datasheet; shows nothing to a role without inbox read.
 */
import { Flex, Link, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { FRESH } from '../../../api/base';
import { useListInboxQuery } from '../../../api/inbox';
import { INBOX_PATH, inboxEntryPath } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { formatDateTime } from '../../../ui/format';
import { TableHeads } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { InboxFlags } from './InboxFlags';
import { useEntryErrorText } from '../utils/useEntryErrorText';
import { InboxStateBadge } from './InboxStateBadge';

const COLUMNS = [
  { id: 'inbox.column.receivedAt', defaultMessage: 'Received at' },
  { id: 'inbox.column.topic', defaultMessage: 'Topic' },
  { id: 'inbox.column.state', defaultMessage: 'State' },
  { id: 'inbox.column.error', defaultMessage: 'Error' },
  { id: 'inbox.column.flags', defaultMessage: 'Flags' },
];

/** The newest entries that created or changed `order` (a documentId); the inbox itself has the rest. */
export const InboxEntries = ({ order }: { order: string }) => {
  const { formatMessage, locale } = useIntl();
  const errorText = useEntryErrorText();
  const t = (key: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(`inbox.order.${key}`), defaultMessage }, values);
  const {
    allowedActions: { canRead },
    isLoading: checking,
  } = useRBAC(PERMISSIONS.readInbox);
  const entries = useListInboxQuery({ order, pageSize: 10 }, { ...FRESH, skip: checking || !canRead });

  if (checking || !canRead) return null;
  if (entries.error) return <Typography textColor="danger600">{t('error', 'The inbox entries could not be loaded.')}</Typography>;
  if (!entries.currentData)
    return <Loader small>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Loader>;
  const { data: list, meta } = entries.currentData;
  if (!list.length) return <Typography textColor="neutral600">{t('empty', 'Nothing arrived from a webshop for this order.')}</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Table colCount={COLUMNS.length} rowCount={list.length + 1}>
        <TableHeads columns={COLUMNS} />
        <Tbody>
          {list.map((entry) => (
            <Tr key={entry.documentId}>
              <Td>
                <Link tag={NavLink} to={inboxEntryPath(entry.documentId)}>
                  {formatDateTime(entry.receivedAt, locale)}
                </Link>
              </Td>
              <Td>
                <Typography textColor="neutral800">{entry.topic ?? '—'}</Typography>
              </Td>
              <Td>
                <InboxStateBadge state={entry.state} />
              </Td>
              <Td style={{ maxWidth: '20rem' }}>
                <Typography textColor={entry.error ? 'danger600' : 'neutral500'} ellipsis title={entry.error?.message}>
                  {entry.error ? errorText(entry.error) : '—'}
                </Typography>
              </Td>
              <Td>
                <InboxFlags flags={entry.flags} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {meta.pagination.total > list.length && (
        <Link tag={NavLink} to={`${INBOX_PATH}?order=${encodeURIComponent(order)}`}>
          {t('more', '{count, plural, one {# more entry} other {# more entries}} in the inbox', {
            count: meta.pagination.total - list.length,
          })}
        </Link>
      )}
    </Flex>
  );
};
