import { Flex } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { FRESH } from '../../../api/base';
import { useGetInboxEntryQuery } from '../../../api/inbox';
import { INBOX_PATH } from '../../../paths';
import { formatDateTime } from '../../../ui/format';
import { getTranslation } from '../../../ui/translations';
import { InboxEntryFields } from './components/InboxEntryFields';
import { InboxHeaders } from './components/InboxHeaders';
import { InboxPayload } from './components/InboxPayload';
import { ReplayButton } from './components/ReplayButton';

/** One inbox entry: what became of it, the headers and the raw payload the shop sent, and its replay. */
export const InboxEntryPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const { formatMessage, locale } = useIntl();
  // This route's entry only (currentData): another entry's stays out while this one loads.
  const entry = useGetInboxEntryQuery(id, FRESH);

  if (!entry.currentData) return entry.error ? <Page.Error /> : <Page.Loading />;
  const shown = entry.currentData;
  const title = formatMessage(
    { id: getTranslation('inbox.entry.title'), defaultMessage: '{connection}, {receivedAt}' },
    { connection: shown.connection.name, receivedAt: formatDateTime(shown.receivedAt, locale) }
  );

  return (
    <Page.Main aria-busy={entry.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={INBOX_PATH} />}
        title={title}
        subtitle={shown.topic ?? undefined}
        primaryAction={<ReplayButton entry={shown} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <InboxEntryFields entry={shown} />
          <InboxHeaders headers={shown.headers} />
          <InboxPayload entry={shown} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
