import { useIntl } from 'react-intl';
import type { VatRate } from '../../../server/src/domain/vat';
import { getTranslation } from '../utils/translations';

/** What each exempt code of the NAV invoice schema means, for the VAT select. */
const EXEMPT_MEANINGS: Record<string, string> = {
  AAM: 'exempt person',
  TAM: 'exempt activity',
  EU: 'supply within the EU',
  EUK: 'supply outside the EU',
  MAA: 'exempt under other rules',
};

/**
 * A VAT rate as people write it: "27%" for a percentage, the NAV code ("AAM") for an exemption;
 * `explained` adds the code's meaning, where there is room for it.
 */
export const useVatRateLabel = () => {
  const { formatMessage } = useIntl();
  return (rate: VatRate | string, { explained = false } = {}) => {
    if (/^\d+$/.test(rate)) return `${rate}%`;
    if (!explained || !EXEMPT_MEANINGS[rate]) return rate;
    const meaning = formatMessage({ id: getTranslation(`inventory.vatExempt.${rate}`), defaultMessage: EXEMPT_MEANINGS[rate] });
    return `${rate} – ${meaning}`;
  };
};
