import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { OrderState } from '../../../server/src/domain/lifecycle';
import { getTranslation } from '../utils/translations';

const COLOURS: Record<OrderState, { background: string; text: string }> = {
  draft: { background: 'neutral150', text: 'neutral700' },
  finalized: { background: 'primary100', text: 'primary700' },
  fulfilled: { background: 'secondary100', text: 'secondary700' },
  successful: { background: 'success100', text: 'success700' },
  failed: { background: 'danger100', text: 'danger700' },
};

/** The lifecycle state, in the admin's language. */
export const StateBadge = ({ state }: { state: OrderState }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge backgroundColor={COLOURS[state].background} textColor={COLOURS[state].text}>
      {formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: state })}
    </Badge>
  );
};

/** The free custom status, in the colour the settings give it. */
export const CustomStatusBadge = ({ label, color }: { label: string; color: string }) => (
  <Badge textColor="neutral0" style={{ backgroundColor: color }}>
    {label}
  </Badge>
);
