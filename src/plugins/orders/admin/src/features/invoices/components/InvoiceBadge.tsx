import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { InvoiceState, InvoiceType } from '../../../../../shared/contracts/invoices';
import { getTranslation } from '../../../ui/translations';

type Kind = 'invoice' | 'storno' | 'stornoed';

const LOOKS: Record<Kind, { background: string; text: string; words: string }> = {
  invoice: { background: 'success100', text: 'success700', words: 'Invoice' },
  storno: { background: 'warning100', text: 'warning700', words: 'Storno invoice' },
  stornoed: { background: 'danger100', text: 'danger700', words: 'Stornoed' },
};

/** One badge for what an invoice is now: an invoice in force, a storno invoice, or an invoice a storno cancelled. */
export const InvoiceBadge = ({ type, state }: { type: InvoiceType; state: InvoiceState }) => {
  const { formatMessage } = useIntl();
  const kind: Kind = type === 'storno' ? 'storno' : state === 'stornoed' ? 'stornoed' : 'invoice';
  return (
    <Badge backgroundColor={LOOKS[kind].background} textColor={LOOKS[kind].text}>
      {formatMessage({ id: getTranslation(`invoices.kind.${kind}`), defaultMessage: LOOKS[kind].words })}
    </Badge>
  );
};
