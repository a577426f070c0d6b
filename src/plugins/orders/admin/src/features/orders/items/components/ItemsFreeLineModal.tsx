/**
 * Adds a line that is not in the inventory (shipping, a service): name, quantity, unit, unit
 * price and VAT. It never touches stock.
 */
import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_UNIT } from '../../../../../../shared/domain/quantity';
import { isVatRate, VAT_RATES } from '../../../../../../shared/domain/vat';
import { vatRateLabel } from '../../../../ui/format';
import { checkLine, hasProblems } from '../utils/check-line';
import type { DraftLine } from '../utils/lines';
import { getTranslation } from '../../../../ui/translations';
import { FormModal } from '../../../../ui/FormModal';
import { useProblemText } from '../hooks/useProblemText';
import { TextField } from '../../../../ui/TextField';

export type FreeLine = Omit<DraftLine, 'key'>;

const emptyLine = (): FreeLine => ({
  stockItem: null,
  sku: null,
  name: '',
  quantity: '1',
  unit: DEFAULT_UNIT,
  unitPrice: '',
  discountPercent: '0',
  vatRate: '27',
  note: '',
});

interface ItemsFreeLineModalProps {
  open: boolean;
  currency: string;
  onClose: () => void;
  onAdd: (line: FreeLine) => void;
}

export const ItemsFreeLineModal = ({ open, currency, onClose, onAdd }: ItemsFreeLineModalProps) => {
  const { formatMessage } = useIntl();
  const problemText = useProblemText();
  const [line, setLine] = useState(emptyLine);
  // Problems show once the user tries to add, not while the form is still empty.
  const [tried, setTried] = useState(false);
  const checked = checkLine({ ...line, key: 'free' }, currency);
  const label = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });
  /** What a text field of the line takes: its value, its change and its problem. */
  const field = (name: 'name' | 'quantity' | 'unit' | 'unitPrice') => ({
    name,
    value: line[name],
    onChange: (value: string) => setLine((previous) => ({ ...previous, [name]: value })),
    error: tried ? problemText(checked.problems[name], undefined) : undefined,
  });

  const close = () => {
    setLine(emptyLine());
    setTried(false);
    onClose();
  };

  const submit = () => {
    setTried(true);
    if (hasProblems(checked)) return;
    onAdd(line);
    close();
  };

  return (
    <FormModal
      open={open}
      title={formatMessage({ id: getTranslation('items.free.title'), defaultMessage: 'Free line' })}
      submitLabel={formatMessage({ id: getTranslation('items.free.add'), defaultMessage: 'Add line' })}
      onSubmit={submit}
      onClose={close}
    >
      <Grid.Root gap={4}>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextField {...field('name')} label={label('items.column.name', 'Name')} required maxLength={255} autoFocus />
        </Grid.Item>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
          <TextField {...field('quantity')} label={label('items.column.quantity', 'Quantity')} required inputMode="decimal" />
        </Grid.Item>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
          <TextField {...field('unit')} label={label('items.unit', 'Unit')} required maxLength={16} />
        </Grid.Item>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
          <TextField
            {...field('unitPrice')}
            label={`${label('items.column.unitPrice', 'Unit price')} (${currency})`}
            required
            inputMode="decimal"
          />
        </Grid.Item>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="vatRate" required>
            <Field.Label>{label('items.column.vatRate', 'VAT rate')}</Field.Label>
            <SingleSelect
              value={line.vatRate}
              onChange={(value) => isVatRate(value) && setLine((previous) => ({ ...previous, vatRate: value }))}
            >
              {VAT_RATES.map((rate) => (
                <SingleSelectOption key={rate} value={rate}>
                  {vatRateLabel(rate)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
    </FormModal>
  );
};
