import { Button, Modal } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorOf, fieldErrorsOf, useOrdersApi } from '../api';
import { getTranslation } from '../utils/translations';
import { decimalText, NEW_STOCK_ITEM, stockItemBody, StockItemFields, type StockItemFormValues } from './StockItemFields';

interface Props {
  onClose: () => void;
  onCreated: () => void;
}

/** "New stock item": its data and opening stock, in a modal over the inventory. */
export const StockItemCreateModal = ({ onClose, onCreated }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useOrdersApi();
  const [values, setValues] = useState<StockItemFormValues>(NEW_STOCK_ITEM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
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
      toggleNotification({ type: 'danger', message: problem.message });
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={create} noValidate>
          <Modal.Header>
            <Modal.Title>{formatMessage({ id: getTranslation('inventory.create'), defaultMessage: 'New stock item' })}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <StockItemFields
              values={values}
              onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
              errors={errors}
              withOnHand
            />
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{formatMessage({ id: getTranslation('common.cancel'), defaultMessage: 'Cancel' })}</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {formatMessage({ id: getTranslation('inventory.create.submit'), defaultMessage: 'Add stock item' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
