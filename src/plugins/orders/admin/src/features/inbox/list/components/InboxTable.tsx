import { Link, Typography } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { InboxEntryJson } from '../../../../../../shared/contracts/inbox';
import { inboxEntryPath } from '../../../../paths';
import { formatDateTime } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { InboxFlags } from '../../components/InboxFlags';
import { InboxTouchedLinks } from '../../components/InboxTouchedLinks';
import { InboxStateBadge } from '../../components/InboxStateBadge';
import { useEntryErrorText } from '../../utils/useEntryErrorText';

const COLUMNS = [
  { name: 'receivedAt', defaultMessage: 'Received at' },
  { name: 'connection', defaultMessage: 'Webshop connection' },
  { name: 'kind', defaultMessage: 'Kind' },
  { name: 'origin', defaultMessage: 'Origin' },
  { name: 'topic', defaultMessage: 'Topic' },
  { name: 'state', defaultMessage: 'State' },
  { name: 'error', defaultMessage: 'Error' },
  { name: 'flags', defaultMessage: 'Flags' },
  { name: 'orders', defaultMessage: 'Orders and customers' },
] as const;

interface Props {
  entries: InboxEntryJson[];
  isLoading: boolean;
  isFiltered: boolean;
}

/** One page of the inbox, newest first; the time received opens the entry with its payload. */
export const InboxTable = ({ entries, isLoading, isFiltered }: Props) => {
  const { formatMessage, locale } = useIntl();
  const errorText = useEntryErrorText();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`inbox.${key}`), defaultMessage });
  const headers = COLUMNS.map(({ name, defaultMessage }) => ({ name, label: t(`column.${name}`, defaultMessage) }));
  // Strapi's table keys its rows by `id`.
  const rows = entries.map((entry) => ({ ...entry, id: entry.documentId }));

  return (
    <Table.Root rows={rows} headers={headers} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {headers.map((header) => (
            <Table.HeaderCell key={header.name} name={header.name} label={header.label} />
          ))}
        </Table.Head>
        <Table.Loading>{formatMessage({ id: getTranslation('common.loading'), defaultMessage: 'Loading…' })}</Table.Loading>
        <Table.Empty
          content={
            isFiltered
              ? t('empty.filtered', 'No inbox entries match these filters')
              : t('empty', 'Nothing has arrived from the webshops yet')
          }
        />
        <Table.Body>
          {rows.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell>
                <Link tag={NavLink} to={inboxEntryPath(entry.documentId)}>
                  {formatDateTime(entry.receivedAt, locale)}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{entry.connection.name}</Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">
                  {formatMessage({ id: getTranslation(`webshops.kind.${entry.kind}`), defaultMessage: entry.kind })}
                </Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{t(`origin.${entry.origin}`, entry.origin)}</Typography>
              </Table.Cell>
              <Table.Cell>
                <Typography textColor="neutral800">{entry.topic ?? '—'}</Typography>
              </Table.Cell>
              <Table.Cell>
                <InboxStateBadge state={entry.state} />
              </Table.Cell>
              <Table.Cell style={{ maxWidth: '24rem' }}>
                {entry.error ? (
                  <Typography textColor="danger600" ellipsis title={entry.error.message}>
                    {errorText(entry.error)}
                  </Typography>
                ) : (
                  <Typography textColor="neutral500">—</Typography>
                )}
              </Table.Cell>
              <Table.Cell>
                <InboxFlags flags={entry.flags} />
              </Table.Cell>
              <Table.Cell>
                <InboxTouchedLinks entry={entry} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
