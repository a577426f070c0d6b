import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { customStatusLabel, type CustomStatus } from '../../../shared/contracts/settings';
import type { OrderState } from '../../../shared/domain/lifecycle';
import { getTranslation } from './translations';

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

/**
 * An order's custom status, found by its key: in its colour and the admin's language when the settings know it; a status
 * since removed from the settings (or not loaded) shows as its key, in grey.
 */
export const OrderCustomStatusBadge = ({ statusKey, customStatuses }: { statusKey: string; customStatuses?: CustomStatus[] }) => {
  const { locale } = useIntl();
  const status = customStatuses?.find(({ key }) => key === statusKey);
  return status ? (
    <CustomStatusBadge label={customStatusLabel(status, locale)} color={status.color} />
  ) : (
    <Badge backgroundColor="neutral150" textColor="neutral600">
      {statusKey}
    </Badge>
  );
};
