import { Button, Flex, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import type { Settings } from '../../../../../../shared/contracts/settings';
import type { OrderAction } from '../../../../../../shared/domain/lifecycle';
import { useTransitionOrderMutation } from '../../../../api/orders';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { ACTION_BUTTONS as BUTTONS, ACTION_PERMISSIONS } from '../../components/actionButtons';
import { OrderActionDialog, type SubmitTransition } from './OrderActionDialog';
import { OrderFailDialog } from './OrderFailDialog';
import { OrderFinalizeDialog } from './OrderFinalizeDialog';

type PlainAction = Exclude<OrderAction, 'finalize' | 'fail'>;

/** What Edit, Fulfil and Success ask before they go: only a confirmation and a note. */
const CONFIRMATIONS: Record<PlainAction, { title: string; description: string }> = {
  edit: {
    title: 'Reopen order {number} for editing',
    description: 'The order goes back to draft so that its lines can be changed. A draft holds no stock until it is finalized again.',
  },
  fulfil: {
    title: 'Fulfil order {number}',
    description: 'Mark the order as fulfilled: the goods have been handed over or shipped.',
  },
  succeed: {
    title: 'Mark order {number} as successful',
    description: 'The order is closed as successful. If it had failed, its goods are taken from stock again.',
  },
};

interface OrderActionsProps {
  order: OrderJson;
  settings?: Settings;
  /** Holds every button back, e.g. while the page has unsaved changes an action would throw away. */
  disabled?: boolean;
}

/**
 * The lifecycle buttons of the datasheet: shown for what the order's state allows, enabled for
 * what the user's role allows. Each asks first, then posts the action; the answer, the order as
 * it is now, replaces the one shown (api/orders.ts), and so does the order reloaded after a
 * refusal because someone moved it meanwhile.
 */
export const OrderActions = ({ order, settings, disabled = false }: OrderActionsProps) => {
  const { formatMessage } = useIntl();
  const submit = useSubmit();
  const [transition] = useTransitionOrderMutation();
  const { allowedActions: can, isLoading: loadingPermissions } = useRBAC(ACTION_PERMISSIONS);
  const [asking, setAsking] = useState<OrderAction | null>(null);

  const close = () => setAsking(null);

  const submitAction =
    (action: OrderAction): SubmitTransition =>
    async (body) => {
      const { error } = await submit(transition({ id: order.documentId, action, body }), {
        done: (next) =>
          formatMessage(
            { id: getTranslation('order.actionDone'), defaultMessage: 'New state of the order: {state}.' },
            { state: formatMessage({ id: getTranslation(`state.${next.state}`), defaultMessage: next.state }) }
          ),
      });
      if (!error) setAsking(null);
      return error;
    };

  // A dialog whose action the order no longer allows (it changed meanwhile) closes by itself.
  const open = asking && order.allowedActions.includes(asking) ? asking : null;

  // No action allowed (a webshop's order, a closed one): no bar at all rather than an empty one.
  if (order.allowedActions.length === 0) return null;

  // The server refuses to finalize an order without lines: the button says so before it is pressed.
  const noLines = order.allowedActions.includes('finalize') && order.items.length === 0;

  return (
    <Flex gap={2} wrap="wrap">
      {noLines && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation('order.actions.noLines'), defaultMessage: 'Add a line to finalize the order' })}
        </Typography>
      )}
      {order.allowedActions.map((action) => (
        <Button
          key={action}
          variant={BUTTONS[action].variant}
          startIcon={BUTTONS[action].icon}
          disabled={disabled || loadingPermissions || !can[BUTTONS[action].allowedBy] || (action === 'finalize' && noLines)}
          onClick={() => setAsking(action)}
        >
          {formatMessage({ id: getTranslation(`action.${action}`), defaultMessage: BUTTONS[action].label })}
        </Button>
      ))}

      {open === 'finalize' && <OrderFinalizeDialog order={order} onSubmit={submitAction('finalize')} onClose={close} />}
      {open === 'fail' && <OrderFailDialog order={order} settings={settings} onSubmit={submitAction('fail')} onClose={close} />}
      {(open === 'edit' || open === 'fulfil' || open === 'succeed') && (
        <OrderActionDialog
          key={open}
          title={formatMessage(
            { id: getTranslation(`order.dialog.${open}.title`), defaultMessage: CONFIRMATIONS[open].title },
            { number: order.number }
          )}
          confirmLabel={formatMessage({ id: getTranslation(`action.${open}`), defaultMessage: BUTTONS[open].label })}
          onSubmit={submitAction(open)}
          onClose={close}
        >
          <Typography>
            {formatMessage({
              id: getTranslation(`order.dialog.${open}.description`),
              defaultMessage: CONFIRMATIONS[open].description,
            })}
          </Typography>
        </OrderActionDialog>
      )}
    </Flex>
  );
};
