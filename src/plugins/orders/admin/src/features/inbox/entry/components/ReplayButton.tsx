import { Button, Tooltip } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { InboxEntryDetailJson } from '../../../../../../shared/contracts/inbox';
import { useReplayInboxEntryMutation } from '../../../../api/inbox';
import { PERMISSIONS } from '../../../../permissions';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { useEntryErrorText } from '../../utils/useEntryErrorText';

/**
 * Újrafeldolgozás: reads the entry again and applies it; the engine books only what is missing.
 * A rejected request was never verified and a truncated one is not whole: neither can be applied.
 * The answer is the entry as it is now, which the page then shows (api/inbox.ts).
 */
export const ReplayButton = ({ entry }: { entry: InboxEntryDetailJson }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`inbox.replay.${key}`), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const submit = useSubmit();
  const errorText = useEntryErrorText();
  const {
    allowedActions: { canReplay },
  } = useRBAC(PERMISSIONS.replayInbox);
  const [replay, { isLoading }] = useReplayInboxEntryMutation();

  const why =
    entry.state === 'rejected'
      ? t('rejected', 'A rejected request was never verified, so it cannot be replayed.')
      : entry.truncated
        ? t('truncated', 'Only part of this request was kept, so it cannot be replayed.')
        : !canReplay
          ? t('forbidden', 'Your role may not replay inbox entries.')
          : undefined;

  const onReplay = async () => {
    const { data } = await submit(replay(entry.documentId));
    if (!data) return;
    const state = formatMessage({ id: getTranslation(`inbox.state.${data.state}`), defaultMessage: data.state });
    toggleNotification(
      data.state === 'failed' || data.state === 'rejected'
        ? {
            type: 'danger',
            message: t('failed', 'Replayed, and it failed again: {error}', { error: data.error ? errorText(data.error) : state }),
          }
        : { type: 'success', message: t('done', 'Replayed: {state}.', { state }) }
    );
  };

  const button = (
    <Button startIcon={<ArrowClockwise />} onClick={onReplay} loading={isLoading} disabled={Boolean(why)}>
      {t('button', 'Replay')}
    </Button>
  );
  // A disabled button takes no pointer: the tooltip sits on what wraps it.
  return why ? (
    <Tooltip label={why}>
      <span tabIndex={0}>{button}</span>
    </Tooltip>
  ) : (
    button
  );
};
