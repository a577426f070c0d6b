import { useIntl } from 'react-intl';
import type { InboxEntryJson } from '../../../../../shared/contracts/inbox';
import { getTranslation } from '../../../ui/translations';

/**
 * Why an entry failed or was rejected, in the admin's language where the code has words that need
 * no values (an entry keeps the code and the server's message, not the values); otherwise the
 * server's message, which names the field and the value.
 */
export const useEntryErrorText = () => {
  const { formatMessage, messages } = useIntl();
  return (error: NonNullable<InboxEntryJson['error']>): string => {
    const id = getTranslation(`error.${error.code}`);
    const words = messages[id];
    return typeof words === 'string' && !words.includes('{') ? formatMessage({ id }) : error.message;
  };
};
