import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorOf, useOrdersApi } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { decimalText } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { FormModal } from '../../../../ui/FormModal';
import { NEW_STOCK_ITEM, stockItemBody, StockItemFields, type StockItemFormValues } from '../../components/StockItemFields';

interface Props {
  onClose: () => void;
  onCreated: () => void;
}

/** "New stock item": its data and opening stock, in a modal over the inventory. */
export const StockItemCreateModal = ({ onClose, onCreated }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText, fieldErrorsOf } = useApiErrorText();
  const api = useOrdersApi();
  const [values, setValues] = useState<StockItemFormValues>(NEW_STOCK_ITEM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const create = async () => {
    setSaving(true);
    try {
      const item = await api.createStockItem({
        ...stockItemBody(values),
        onHand: values.onHand.trim() ? decimalText(values.onHand) : undefined,
      });
      toggleNotification({
        type: 'success',
        message: formatMessage(
          { id: getTranslation('inventory.create.done'), defaultMessage: '{name} added to the inventory' },
          { name: item.name },
        ),
      });
      onCreated();
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(fieldErrorsOf(problem));
      toggleNotification({ type: 'danger', message: errorText(problem) });
      setSaving(false);
    }
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
