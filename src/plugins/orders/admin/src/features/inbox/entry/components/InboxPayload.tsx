import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { InboxEntryDetailJson } from '../../../../../../shared/contracts/inbox';
import { Card } from '../../../../ui/Card';
import { getTranslation } from '../../../../ui/translations';
import { shownPayload } from '../../utils/payload';

/** The payload as the shop sent it: JSON indented, XML as it came, a body that is not text as base64; scrollable. */
export const InboxPayload = ({ entry }: { entry: InboxEntryDetailJson }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`inbox.payload.${key}`), defaultMessage });
  const payload = shownPayload(entry.body);
  const notes = [
    payload.kind === 'base64' && t('base64', 'The body is not text: shown as base64.'),
    entry.truncated && t('truncated', 'Only the first 64 KB of this refused request was kept.'),
  ].filter(Boolean);

  return (
    <Card title={formatMessage({ id: getTranslation('inbox.payload'), defaultMessage: 'Payload' })}>
      {notes.map((note) => (
        <Typography key={String(note)} textColor="neutral600">
          {note}
        </Typography>
      ))}
      {payload.kind === 'empty' ? (
        <Typography textColor="neutral600">{t('empty', 'The body was empty.')}</Typography>
      ) : (
        <Box
          tag="pre"
          background="neutral100"
          hasRadius
          padding={4}
          data-testid="inbox-payload"
          data-kind={payload.kind}
          style={{
            fontFamily: 'monospace',
            fontSize: '1.3rem',
            lineHeight: 1.5,
            maxHeight: '60vh',
            overflow: 'auto',
            margin: 0,
            whiteSpace: payload.kind === 'base64' ? 'pre-wrap' : 'pre',
            wordBreak: payload.kind === 'base64' ? 'break-all' : 'normal',
          }}
        >
          <code>{payload.text}</code>
        </Box>
      )}
    </Card>
  );
};
