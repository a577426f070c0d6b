import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { isVatRate, VAT_RATES, type VatRate } from '../../../shared/domain/vat';
import { vatRateLabel } from './format';

interface VatRateFieldProps {
  label: string;
  value: VatRate;
  onChange: (rate: VatRate) => void;
  /** How each rate is offered: "27%" by default; the inventory explains the exempt codes. */
  optionLabel?: (rate: VatRate) => string;
  error?: string;
  disabled?: boolean;
}

/** The VAT rate of a line or a stock item, chosen from the Hungarian rates and exempt codes. */
export const VatRateField = ({ label, value, onChange, optionLabel = vatRateLabel, error, disabled }: VatRateFieldProps) => (
  <Field.Root name="vatRate" error={error} required>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value} onChange={(rate) => isVatRate(rate) && onChange(rate)} disabled={disabled}>
      {VAT_RATES.map((rate) => (
        <SingleSelectOption key={rate} value={rate}>
          {optionLabel(rate)}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Error />
  </Field.Root>
);
