import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { customStatusLabel, readCustomStatus, type CustomStatus } from '../../../../../../shared/contracts/settings';
import { useSetCustomStatusMutation } from '../../../../api/orders';
import { PERMISSIONS } from '../../../../permissions';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** The "none" option. Keys start with a letter or digit (settings contract), so this one cannot clash. */
const NONE = '_none';

const Swatch = ({ color }: { color: string }) => <Box width="1.2rem" height="1.2rem" hasRadius style={{ backgroundColor: color }} />;

interface OrderCustomStatusProps {
  order: OrderJson;
  /** Undefined when the list could not be loaded. */
  customStatuses?: CustomStatus[];
}

/**
 * The custom status (Egyedi státusz) beside the lifecycle state: a label from the settings that
 * says where the order is in the shop's own process, without changing what the lifecycle allows.
 */
export const OrderCustomStatus = ({ order, customStatuses }: OrderCustomStatusProps) => {
  const { formatMessage, locale } = useIntl();
  const submit = useSubmit();
  const [setCustomStatus, { isLoading: saving }] = useSetCustomStatusMutation();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.customStatus);

  // A status removed from the settings since it was set still shows, under its key.
  const options: CustomStatus[] =
    order.customStatus && !customStatuses?.some((status) => status.key === order.customStatus)
      ? [...(customStatuses ?? []), readCustomStatus({ key: order.customStatus, color: '#8e8ea9' })]
      : (customStatuses ?? []);

  const change = async (value: string | number) => {
    const customStatus = value === NONE ? null : String(value);
    if (customStatus === order.customStatus) return;
    // The answer replaces the order shown (api/orders.ts); the user is told it was saved.
    const status = options.find(({ key }) => key === customStatus);
    const label = status && customStatusLabel(status, locale);
    await submit(setCustomStatus({ id: order.documentId, body: { customStatus } }), {
      done: () =>
        label
          ? formatMessage({ id: getTranslation('order.customStatus.done'), defaultMessage: 'Custom status: {label}' }, { label })
          : formatMessage({ id: getTranslation('order.customStatus.cleared'), defaultMessage: 'Custom status cleared' }),
    });
  };

  return (
    <Field.Root
      name="customStatus"
      hint={
        customStatuses
          ? undefined
          : formatMessage({
              id: getTranslation('order.customStatus.unavailable'),
              defaultMessage: 'The list of custom statuses could not be loaded from the settings.',
            })
      }
    >
      <Field.Label>{formatMessage({ id: getTranslation('order.customStatus'), defaultMessage: 'Custom status' })}</Field.Label>
      <SingleSelect
        value={order.customStatus ?? NONE}
        onChange={change}
        disabled={isLoading || saving || !allowedActions.canCustomStatus || !customStatuses}
      >
        <SingleSelectOption value={NONE}>{formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' })}</SingleSelectOption>
        {options.map((status) => (
          <SingleSelectOption key={status.key} value={status.key} startIcon={<Swatch color={status.color} />}>
            {customStatusLabel(status, locale)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  );
};
