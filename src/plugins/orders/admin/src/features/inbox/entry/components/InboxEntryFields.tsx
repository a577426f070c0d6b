import { Flex, Grid, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { InboxEntryJson } from '../../../../../../shared/contracts/inbox';
import { Card } from '../../../../ui/Card';
import { formatDateTime } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { InboxFlags } from '../../components/InboxFlags';
import { InboxTouchedLinks } from '../../components/InboxTouchedLinks';
import { InboxStateBadge } from '../../components/InboxStateBadge';
import { useEntryErrorText } from '../../utils/useEntryErrorText';

/** One datum in its cell of the card's grid. */
const Field = ({ label, children, col = 4 }: { label: string; children: ReactNode; col?: number }) => (
  <Grid.Item col={col} s={12}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {children}
    </Flex>
  </Grid.Item>
);

const Text = ({ children }: { children: string | null | undefined }) => (
  <Typography textColor={children ? 'neutral800' : 'neutral500'} style={{ overflowWrap: 'anywhere' }}>
    {children || '—'}
  </Typography>
);

/** Everything the inbox knows of an entry: where it came from, what became of it and what it touched. */
export const InboxEntryFields = ({ entry }: { entry: InboxEntryJson }) => {
  const { formatMessage, formatNumber, locale } = useIntl();
  const errorText = useEntryErrorText();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`inbox.${key}`), defaultMessage }, values);

  return (
    <Card title={t('entry.details', 'What arrived and what became of it')}>
      <Grid.Root gap={5}>
        <Field label={t('column.state', 'State')}>
          <InboxStateBadge state={entry.state} />
        </Field>
        <Field label={t('column.receivedAt', 'Received at')}>
          <Text>{formatDateTime(entry.receivedAt, locale)}</Text>
        </Field>
        <Field label={t('field.processedAt', 'Processed at')}>
          <Text>{entry.processedAt && formatDateTime(entry.processedAt, locale)}</Text>
        </Field>
        <Field label={t('column.connection', 'Webshop connection')}>
          <Text>{entry.connection.name}</Text>
        </Field>
        <Field label={t('column.kind', 'Kind')}>
          <Text>{formatMessage({ id: getTranslation(`webshops.kind.${entry.kind}`), defaultMessage: entry.kind })}</Text>
        </Field>
        <Field label={t('column.origin', 'Origin')}>
          <Text>{t(`origin.${entry.origin}`, entry.origin)}</Text>
        </Field>
        <Field label={t('column.topic', 'Topic')}>
          <Text>{entry.topic}</Text>
        </Field>
        <Field label={t('field.deliveryId', 'Delivery id')}>
          <Text>{entry.deliveryId}</Text>
        </Field>
        <Field label={t('field.contentType', 'Content type')}>
          <Text>{entry.contentType}</Text>
        </Field>
        <Field label={t('field.bodySize', 'Size')}>
          <Text>
            {t('field.bodySize.value', '{size} bytes', { size: formatNumber(entry.bodySize) }) +
              (entry.truncated ? ` · ${t('field.truncated', 'only its first 64 KB kept')}` : '')}
          </Text>
        </Field>
        <Field label={t('field.attempts', 'Attempts')}>
          <Text>{formatNumber(entry.attempts)}</Text>
        </Field>
        <Field label={t('column.orders', 'Orders and customers')}>
          <InboxTouchedLinks entry={entry} />
        </Field>
        <Field label={t('column.flags', 'Flags')} col={12}>
          {entry.flags.length ? <InboxFlags flags={entry.flags} /> : <Text>{null}</Text>}
        </Field>
        <Field label={t('column.error', 'Error')} col={12}>
          {entry.error ? (
            <Typography textColor="danger600" style={{ overflowWrap: 'anywhere' }} data-testid="inbox-error">
              {errorText(entry.error)}
              {entry.error.path ? ` (${entry.error.path})` : ''}
              {` · ${entry.error.code}`}
            </Typography>
          ) : (
            <Text>{null}</Text>
          )}
        </Field>
      </Grid.Root>
    </Card>
  );
};
