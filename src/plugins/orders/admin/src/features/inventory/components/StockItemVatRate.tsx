import { useIntl } from 'react-intl';
import type { VatRate } from '../../../../../shared/domain/vat';
import { vatRateLabel } from '../../../ui/format';
import { getTranslation } from '../../../ui/translations';

/** What each exempt code of the NAV invoice schema means, for the VAT select. */
const EXEMPT_MEANINGS: Partial<Record<VatRate, string>> = {
  AAM: 'exempt person',
  TAM: 'exempt activity',
  EU: 'supply within the EU',
  EUK: 'supply outside the EU',
  MAA: 'exempt under other rules',
};

/**
 * A VAT rate as the VAT select offers it: "27%", or the NAV code of an exemption with its meaning
 * ("AAM – exempt person"), where there is room for it. Tables show vatRateLabel's short form.
 */
export const useExplainedVatRate = () => {
  const { formatMessage } = useIntl();
  return (rate: VatRate) => {
    const meaning = EXEMPT_MEANINGS[rate];
    if (!meaning) return vatRateLabel(rate);
    return `${rate} – ${formatMessage({ id: getTranslation(`inventory.vatExempt.${rate}`), defaultMessage: meaning })}`;
  };
};
