import { Badge } from '@strapi/design-system';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';
import type { Segment } from '../../../shared/domain/segments';
import { getTranslation } from './translations';

/** Buyers in green, the fading in orange, the lost in red, those without orders in grey. */
const COLOURS: Record<Segment, { background: string; text: string }> = {
  registered: { background: 'neutral150', text: 'neutral700' },
  inactive: { background: 'neutral150', text: 'neutral600' },
  subscriber: { background: 'primary100', text: 'primary700' },
  unsubscribed: { background: 'neutral150', text: 'neutral600' },
  'one-time': { background: 'secondary100', text: 'secondary700' },
  repeat: { background: 'success100', text: 'success700' },
  loyal: { background: 'success200', text: 'success700' },
  passive: { background: 'warning100', text: 'warning700' },
  'passive-loyal': { background: 'warning100', text: 'warning700' },
  lost: { background: 'danger100', text: 'danger700' },
  'lost-loyal': { background: 'danger100', text: 'danger700' },
};

/** A segment's name in the admin's language; a customer not yet segmented (before the first pass) is "—". */
export const segmentLabel = (segment: Segment | null, formatMessage: IntlShape['formatMessage']) =>
  segment ? formatMessage({ id: getTranslation(`segment.${segment}`), defaultMessage: segment }) : '—';

/** The customer's segment (vásárlói szegmens). */
export const SegmentBadge = ({ segment }: { segment: Segment | null }) => {
  const { formatMessage } = useIntl();
  if (!segment) return <>—</>;
  return (
    <Badge backgroundColor={COLOURS[segment].background} textColor={COLOURS[segment].text}>
      {segmentLabel(segment, formatMessage)}
    </Badge>
  );
};
