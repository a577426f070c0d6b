import { Button, Dialog } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { isEditable } from '../../../../../../shared/domain/lifecycle';
import { apiErrorOf, useOrdersApi, type OrderJson } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { PERMISSIONS } from '../../../../permissions';
import { getTranslation } from '../../../../ui/translations';
import { ORDERS_LIST_PATH } from '../../list/hooks/useOrdersListQuery';

/** Only a draft can be deleted, and only by a role allowed to: otherwise there is no button. */
export const OrderDeleteButton = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText } = useApiErrorText();
  const navigate = useNavigate();
  const api = useOrdersApi();
  const { allowedActions } = useRBAC(PERMISSIONS.deleteOrder);

  if (!isEditable(order.state) || !allowedActions.canDelete) return null;

  const remove = async () => {
    try {
      await api.deleteOrder(order.documentId);
      toggleNotification({
        type: 'success',
        message: formatMessage(
          { id: getTranslation('order.delete.done'), defaultMessage: 'Order {number} deleted.' },
          { number: order.number }
        ),
      });
      navigate(ORDERS_LIST_PATH);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(apiErrorOf(error)) });
    }
  };

  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant="danger-light" startIcon={<Trash />}>
          {formatMessage({ id: getTranslation('order.delete'), defaultMessage: 'Delete' })}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog onConfirm={remove}>
        {formatMessage(
          {
            id: getTranslation('order.delete.confirm'),
            defaultMessage: 'Delete the draft order {number}? This cannot be undone.',
          },
          { number: order.number }
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
