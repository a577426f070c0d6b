/**
 * Adds a line that is not in the inventory (shipping, a service): name, quantity, unit, unit
 * price and VAT. It never touches stock.
 */
import { Grid } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_UNIT } from '../../../../../../shared/domain/quantity';
import type { Unit } from '../../../../../../shared/domain/units';
import { DEFAULT_VAT_RATE } from '../../../../../../shared/domain/vat';
import { FormModal } from '../../../../ui/FormModal';
import { TextField } from '../../../../ui/TextField';
import { VatRateField } from '../../../../ui/VatRateField';
import { getTranslation } from '../../../../ui/translations';
import { useProblemText } from '../hooks/useProblemText';
import { checkLine, hasProblems } from '../utils/check-line';
import type { DraftLine } from '../utils/lines';

export type FreeLine = Omit<DraftLine, 'key'>;

const emptyLine = (): FreeLine => ({
  stockItem: null,
  sku: null,
  name: '',
  quantity: '1',
  unit: DEFAULT_UNIT,
  unitPrice: '',
  discountPercent: '0',
  vatRate: DEFAULT_VAT_RATE,
  note: '',
});

interface ItemsFreeLineModalProps {
  open: boolean;
  currency: string;
  units: readonly Unit[];
  onClose: () => void;
  onAdd: (line: FreeLine) => void;
}

export const ItemsFreeLineModal = ({ open, currency, units, onClose, onAdd }: ItemsFreeLineModalProps) => {
  const { formatMessage } = useIntl();
  const problemText = useProblemText();
  const [line, setLine] = useState(emptyLine);
  // Problems show once the user tries to add, not while the form is still empty.
  const [tried, setTried] = useState(false);
  const checked = checkLine({ ...line, key: 'free' }, currency, units);
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
          <VatRateField
            label={label('items.column.vatRate', 'VAT rate')}
            value={line.vatRate}
            onChange={(vatRate) => setLine((previous) => ({ ...previous, vatRate }))}
          />
        </Grid.Item>
      </Grid.Root>
    </FormModal>
  );
};
