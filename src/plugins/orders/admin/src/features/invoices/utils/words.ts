/** The invoices' own words, shared by the datasheet, the issue dialog and the settings. */
import type { IntlShape } from 'react-intl';
import type { BuyerVatStatus, PaymentMethod } from '../../../../../shared/contracts/invoices';
import { getTranslation } from '../../../ui/translations';

type Format = IntlShape['formatMessage'];

const PAYMENT_METHOD_WORDS: Record<PaymentMethod, string> = {
  transfer: 'Bank transfer',
  cash: 'Cash',
  card: 'Card',
  cashOnDelivery: 'Cash on delivery',
  other: 'Other',
};

const VAT_STATUS_WORDS: Record<BuyerVatStatus, string> = {
  domestic: 'Hungarian taxable person',
  privatePerson: 'Private person',
  other: 'Other (abroad)',
};

/** Fizetési mód: Átutalás, Készpénz… */
export const paymentMethodLabel = (method: PaymentMethod, formatMessage: Format) =>
  formatMessage({ id: getTranslation(`invoices.paymentMethod.${method}`), defaultMessage: PAYMENT_METHOD_WORDS[method] ?? method });

/** The buyer's VAT status, as NAV asks it. */
export const vatStatusLabel = (status: BuyerVatStatus, formatMessage: Format) =>
  formatMessage({ id: getTranslation(`invoices.vatStatus.${status}`), defaultMessage: VAT_STATUS_WORDS[status] ?? status });
