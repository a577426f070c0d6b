import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { InboxState } from '../../../../../shared/contracts/inbox';
import { getTranslation } from '../../../ui/translations';

/** Processed green, failed red, rejected a warning, received on its way, duplicate and ignored nothing to do. */
const COLOURS: Record<InboxState, { background: string; text: string }> = {
  received: { background: 'secondary100', text: 'secondary700' },
  processed: { background: 'success100', text: 'success700' },
  failed: { background: 'danger100', text: 'danger700' },
  duplicate: { background: 'neutral150', text: 'neutral700' },
  ignored: { background: 'neutral150', text: 'neutral700' },
  rejected: { background: 'warning100', text: 'warning700' },
};

/** An inbox entry's state, in the admin's language. */
export const InboxStateBadge = ({ state }: { state: InboxState }) => {
  const { formatMessage } = useIntl();
  const colours = COLOURS[state] ?? COLOURS.received;
  return (
    <Badge backgroundColor={colours.background} textColor={colours.text}>
      {formatMessage({ id: getTranslation(`inbox.state.${state}`), defaultMessage: state })}
    </Badge>
  );
};
