import { Button, Dialog } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { ConfirmDialog, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { isEditable } from '../../../../../../shared/domain/lifecycle';
import { useDeleteOrderMutation } from '../../../../api/orders';
import { ORDERS_LIST_PATH } from '../../../../paths';
import { PERMISSIONS } from '../../../../permissions';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/**
 * Only a draft can be deleted, and only by a role allowed to: otherwise there is no button. A
 * webshop's order is never deleted here (it follows its shop; the server refuses it).
 */
export const OrderDeleteButton = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [deleteOrder] = useDeleteOrderMutation();
  const { allowedActions } = useRBAC(PERMISSIONS.deleteOrder);

  if (!isEditable(order.state) || order.connection || !allowedActions.canDelete) return null;

  const remove = async () => {
    const { error } = await submit(deleteOrder(order.documentId), {
      done: () =>
        formatMessage({ id: getTranslation('order.delete.done'), defaultMessage: 'Order {number} deleted.' }, { number: order.number }),
    });
    if (!error) navigate(ORDERS_LIST_PATH);
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
