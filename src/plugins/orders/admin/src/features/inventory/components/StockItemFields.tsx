import { Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../shared/contracts/inventory';
import { DEFAULT_UNIT } from '../../../../../shared/domain/quantity';
import { DEFAULT_VAT_RATE, type VatRate } from '../../../../../shared/domain/vat';
import { TextField } from '../../../ui/TextField';
import { VatRateField } from '../../../ui/VatRateField';
import { decimalText } from '../../../ui/format';
import { getTranslation } from '../../../ui/translations';
import { useExplainedVatRate } from './StockItemVatRate';

/** The stock item form as typed: every field a text, as the inputs hold it. */
export interface StockItemFormValues {
  sku: string;
  name: string;
  unit: string;
  unitPrice: string;
  vatRate: VatRate;
  lowStockThreshold: string;
  /** Only when creating: the opening stock, which becomes the item's first movement. */
  onHand: string;
}

export const NEW_STOCK_ITEM: StockItemFormValues = {
  sku: '',
  name: '',
  unit: DEFAULT_UNIT,
  unitPrice: '',
  vatRate: DEFAULT_VAT_RATE,
  lowStockThreshold: '',
  onHand: '',
};

/** An existing item's data for the edit form; its stock is not part of it. */
export const stockItemFormValues = (item: StockItemJson): StockItemFormValues => ({
  sku: item.sku,
  name: item.name,
  unit: item.unit,
  unitPrice: item.unitPrice,
  vatRate: item.vatRate,
  lowStockThreshold: item.lowStockThreshold ?? '',
  onHand: '',
});

/** The fields both create and edit send; an empty unit keeps the server's (or the item's) unit. */
export const stockItemBody = (values: StockItemFormValues) => ({
  sku: values.sku.trim(),
  name: values.name.trim(),
  unit: values.unit.trim() || undefined,
  unitPrice: decimalText(values.unitPrice),
  vatRate: values.vatRate,
  lowStockThreshold: values.lowStockThreshold.trim() ? decimalText(values.lowStockThreshold) : null,
});

interface Props {
  values: StockItemFormValues;
  onChange: (patch: Partial<StockItemFormValues>) => void;
  /** The server's field errors by field name. */
  errors: Record<string, string>;
  /** Creating asks for the opening stock; afterwards stock changes only by adjustments. */
  withOnHand?: boolean;
  disabled?: boolean;
}

/** The stock item's own data: SKU, name, unit, net unit price, VAT, threshold. */
export const StockItemFields = ({ values, onChange, errors, withOnHand = false, disabled = false }: Props) => {
  const { formatMessage } = useIntl();
  const explainedVatRate = useExplainedVatRate();
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`inventory.field.${key}`), defaultMessage });

  const text = (
    name: 'sku' | 'name' | 'unit' | 'unitPrice' | 'lowStockThreshold' | 'onHand',
    fieldLabel: string,
    options: { required?: boolean; decimal?: boolean; hint?: string } = {}
  ) => (
    <TextField
      name={name}
      label={fieldLabel}
      value={values[name]}
      onChange={(value) => onChange({ [name]: value })}
      error={errors[name]}
      hint={options.hint}
      required={options.required}
      disabled={disabled}
      inputMode={options.decimal ? 'decimal' : undefined}
    />
  );

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        {text('sku', label('sku', 'SKU'), { required: true })}
      </Grid.Item>
      <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
        {text('name', label('name', 'Name'), { required: true })}
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        {text('unit', label('unit', 'Unit'), {
          hint: formatMessage({ id: getTranslation('inventory.field.unit.hint'), defaultMessage: 'db, kg, m, l…' }),
        })}
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        {text('unitPrice', label('unitPrice', 'Unit price (net)'), {
          required: true,
          decimal: true,
          hint: formatMessage({ id: getTranslation('inventory.field.unitPrice.hint'), defaultMessage: 'In HUF, without VAT' }),
        })}
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        <VatRateField
          label={label('vatRate', 'VAT')}
          value={values.vatRate}
          onChange={(vatRate) => onChange({ vatRate })}
          optionLabel={explainedVatRate}
          error={errors.vatRate}
          disabled={disabled}
        />
      </Grid.Item>
      {withOnHand && (
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          {text('onHand', label('onHand.opening', 'Opening stock'), {
            decimal: true,
            hint: formatMessage({
              id: getTranslation('inventory.field.onHand.hint'),
              defaultMessage: 'What is in stock now; later changes go through stock adjustments.',
            }),
          })}
        </Grid.Item>
      )}
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {text('lowStockThreshold', label('lowStockThreshold', 'Low-stock threshold'), {
          decimal: true,
          hint: formatMessage({
            id: getTranslation('inventory.field.lowStockThreshold.hint'),
            defaultMessage: 'The item shows as low stock at or below this quantity. Empty: never.',
          }),
        })}
      </Grid.Item>
    </Grid.Root>
  );
};
