import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useCreateStockItemMutation } from '../../../../api/inventory';
import { FormModal } from '../../../../ui/FormModal';
import { useApiErrorText } from '../../../../ui/errors';
import { decimalText } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { NEW_STOCK_ITEM, stockItemBody, StockItemFields, type StockItemFormValues } from '../../components/StockItemFields';

/** "New stock item": its data and opening stock, in a modal over the inventory, which lists it once added. */
export const StockItemCreateModal = ({ onClose }: { onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [createStockItem, { isLoading: saving }] = useCreateStockItemMutation();
  const [values, setValues] = useState<StockItemFormValues>(NEW_STOCK_ITEM);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = async () => {
    const body = { ...stockItemBody(values), onHand: values.onHand.trim() ? decimalText(values.onHand) : undefined };
    const { error } = await submit(createStockItem(body), {
      done: ({ name }) =>
        formatMessage({ id: getTranslation('inventory.create.done'), defaultMessage: '{name} added to the inventory' }, { name }),
    });
    if (error) setErrors(fieldErrorsOf(error));
    else onClose();
  };

  return (
    <FormModal
      title={formatMessage({ id: getTranslation('inventory.create'), defaultMessage: 'New stock item' })}
      submitLabel={formatMessage({ id: getTranslation('inventory.create.submit'), defaultMessage: 'Add stock item' })}
      submitting={saving}
      onSubmit={create}
      onClose={onClose}
    >
      <StockItemFields
        values={values}
        onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
        errors={errors}
        withOnHand
      />
    </FormModal>
  );
};
