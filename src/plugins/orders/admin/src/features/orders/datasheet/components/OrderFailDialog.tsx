import { Field, Toggle } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import type { Settings } from '../../../../../../shared/contracts/settings';
import { getTranslation } from '../../../../ui/translations';
import { OrderActionDialog, type SubmitTransition } from './OrderActionDialog';

interface OrderFailDialogProps {
  order: OrderJson;
  settings?: Settings;
  onSubmit: SubmitTransition;
  onClose: () => void;
}

/**
 * Failure (Sikertelen) releases the goods the order holds: usually they come back into stock
 * (a cancelled order), but goods lost or damaged on the way are written off instead.
 */
export const OrderFailDialog = ({ order, settings, onSubmit, onClose }: OrderFailDialogProps) => {
  const { formatMessage } = useIntl();
  const [restock, setRestock] = useState(true);
  // When invoices drive stock the order holds nothing, so there is nothing to bring back.
  const holdsStock = !settings || settings.inventoryDriver === 'orders';

  return (
    <OrderActionDialog
      title={formatMessage(
        { id: getTranslation('order.dialog.fail.title'), defaultMessage: 'Mark order {number} as failed' },
        { number: order.number }
      )}
      confirmLabel={formatMessage({ id: getTranslation('action.fail'), defaultMessage: 'Failure' })}
      confirmVariant="danger"
      extraBody={holdsStock ? { restock } : undefined}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      {holdsStock && (
        <Field.Root
          name="restock"
          hint={
            restock
              ? formatMessage({
                  id: getTranslation('order.fail.restockHint'),
                  defaultMessage: "The order's goods are added back to stock.",
                })
              : formatMessage({
                  id: getTranslation('order.fail.writeOffHint'),
                  defaultMessage: "The order's goods are written off: they do not come back into stock.",
                })
          }
        >
          <Field.Label>
            {formatMessage({
              id: getTranslation('order.fail.restock'),
              defaultMessage: 'Do the goods go back into stock?',
            })}
          </Field.Label>
          <Toggle
            checked={restock}
            onChange={(event) => setRestock(event.target.checked)}
            onLabel={formatMessage({ id: getTranslation('order.fail.yes'), defaultMessage: 'Yes' })}
            offLabel={formatMessage({ id: getTranslation('order.fail.no'), defaultMessage: 'No' })}
          />
          <Field.Hint />
        </Field.Root>
      )}
    </OrderActionDialog>
  );
};
