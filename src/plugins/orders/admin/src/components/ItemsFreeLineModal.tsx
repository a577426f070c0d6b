/**
 * Adds a line that is not in the inventory (shipping, a service): name, quantity, unit, unit
 * price and VAT. It never touches stock.
 */
import { Button, Field, Grid, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_UNIT } from '../../../server/src/domain/quantity';
import { isVatRate, VAT_RATES } from '../../../server/src/domain/vat';
import { checkLine, hasProblems, vatRateLabel, type DraftLine } from '../utils/lines';
import { getTranslation } from '../utils/translations';
import { useProblemText } from './ItemsProblemText';

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
  const problemOf = (field: 'name' | 'quantity' | 'unit' | 'unitPrice') =>
    tried ? problemText(checked.problems[field], undefined) : undefined;
  const set = (field: keyof FreeLine) => (event: { target: { value: string } }) =>
    setLine((previous) => ({ ...previous, [field]: event.target.value }));

  const close = () => {
    setLine(emptyLine());
    setTried(false);
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (hasProblems(checked)) return;
    onAdd(line);
    close();
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen) => !isOpen && close()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
            <Modal.Title>{formatMessage({ id: getTranslation('items.free.title'), defaultMessage: 'Free line' })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Grid.Root gap={4}>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name="name" error={problemOf('name')} required>
                  <Field.Label>{formatMessage({ id: getTranslation('items.column.name'), defaultMessage: 'Name' })}</Field.Label>
                  <TextInput value={line.name} onChange={set('name')} maxLength={255} autoFocus />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="quantity" error={problemOf('quantity')} required>
                  <Field.Label>{formatMessage({ id: getTranslation('items.column.quantity'), defaultMessage: 'Quantity' })}</Field.Label>
                  <TextInput value={line.quantity} onChange={set('quantity')} inputMode="decimal" />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="unit" error={problemOf('unit')} required>
                  <Field.Label>{formatMessage({ id: getTranslation('items.unit'), defaultMessage: 'Unit' })}</Field.Label>
                  <TextInput value={line.unit} onChange={set('unit')} maxLength={16} />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="unitPrice" error={problemOf('unitPrice')} required>
                  <Field.Label>
                    {formatMessage({ id: getTranslation('items.column.unitPrice'), defaultMessage: 'Unit price' })} ({currency})
                  </Field.Label>
                  <TextInput value={line.unitPrice} onChange={set('unitPrice')} inputMode="decimal" />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name="vatRate" required>
                  <Field.Label>{formatMessage({ id: getTranslation('items.column.vatRate'), defaultMessage: 'VAT rate' })}</Field.Label>
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
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" type="button" onClick={close}>
              {formatMessage({ id: getTranslation('common.cancel'), defaultMessage: 'Cancel' })}
            </Button>
            <Button type="submit">{formatMessage({ id: getTranslation('items.free.add'), defaultMessage: 'Add line' })}</Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
