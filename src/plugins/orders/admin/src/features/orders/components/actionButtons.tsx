/** The lifecycle's buttons as the admin draws them, on the datasheet and in the list's bulk bar alike. */
import type { ButtonProps } from '@strapi/design-system';
import { Check, CrossCircle, PaperPlane, Pencil, SealCheck } from '@strapi/icons';
import type { ReactElement } from 'react';
import type { OrderAction } from '../../../../../shared/domain/lifecycle';
import { PERMISSIONS } from '../../../permissions';

export interface ActionButton {
  /** useRBAC names a granted action after the last part of its id: order.finalize → canFinalize. */
  allowedBy: string;
  icon: ReactElement;
  variant: ButtonProps['variant'];
  /** The English default of its `action.<name>` translation: MiniCRM's name of the button. */
  label: string;
}

export const ACTION_BUTTONS: Record<OrderAction, ActionButton> = {
  finalize: { allowedBy: 'canFinalize', icon: <Check />, variant: 'default', label: 'Finalize' },
  edit: { allowedBy: 'canEdit', icon: <Pencil />, variant: 'secondary', label: 'Edit' },
  fulfil: { allowedBy: 'canFulfil', icon: <PaperPlane />, variant: 'default', label: 'Fulfil' },
  succeed: { allowedBy: 'canSucceed', icon: <SealCheck />, variant: 'success-light', label: 'Success' },
  fail: { allowedBy: 'canFail', icon: <CrossCircle />, variant: 'danger-light', label: 'Failure' },
};

/** The permissions of every lifecycle button, for one useRBAC. */
export const ACTION_PERMISSIONS = [
  ...PERMISSIONS.finalize,
  ...PERMISSIONS.edit,
  ...PERMISSIONS.fulfil,
  ...PERMISSIONS.succeed,
  ...PERMISSIONS.fail,
];
