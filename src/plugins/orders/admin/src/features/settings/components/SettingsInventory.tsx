import { Field, Flex, Radio, Toggle, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { INVENTORY_DRIVERS, type InventoryDriver } from '../../../../../shared/domain/stock-plan';
import { getTranslation } from '../../../ui/translations';

const DRIVERS: Record<InventoryDriver, { label: string; explain: string }> = {
  orders: {
    label: 'Orders',
    explain: 'Stock moves when an order is finalized, and comes back when it is edited or fails.',
  },
  invoices: {
    label: 'Invoices',
    explain: 'Orders never touch stock; it moves when invoices are issued.',
  },
};

interface Props {
  inventoryDriver: InventoryDriver;
  allowNegativeStock: boolean;
  onChange: (patch: { inventoryDriver?: InventoryDriver; allowNegativeStock?: boolean }) => void;
  errors: Record<string, string>;
  disabled: boolean;
}

/** What moves stock, and whether it may go below zero. */
export const SettingsInventory = ({ inventoryDriver, allowNegativeStock, onChange, errors, disabled }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.inventory.${key}`), defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Typography variant="delta" tag="h2">
        {t('title', 'Inventory')}
      </Typography>
      <Field.Root name="inventoryDriver" error={errors.inventoryDriver}>
        <Field.Label>{t('driver', 'Stock moves with')}</Field.Label>
        <Radio.Group
          value={inventoryDriver}
          onValueChange={(value) => onChange({ inventoryDriver: value as InventoryDriver })}
          disabled={disabled}
          aria-label={t('driver', 'Stock moves with')}
        >
          {INVENTORY_DRIVERS.map((driver) => (
            <Radio.Item key={driver} value={driver}>
              <Typography display="block" fontWeight="semiBold">
                {t(`driver.${driver}`, DRIVERS[driver].label)}
              </Typography>
              <Typography display="block" variant="pi" textColor="neutral600">
                {t(`driver.${driver}.explain`, DRIVERS[driver].explain)}
              </Typography>
            </Radio.Item>
          ))}
        </Radio.Group>
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="allowNegativeStock"
        error={errors.allowNegativeStock}
        hint={t('negative.hint', 'When on, orders and adjustments may take more than is in stock; on hand goes below zero.')}
      >
        <Field.Label>{t('negative', 'Allow negative stock')}</Field.Label>
        <Toggle
          checked={allowNegativeStock}
          onChange={(event) => onChange({ allowNegativeStock: event.target.checked })}
          onLabel={t('negative.on', 'Allowed')}
          offLabel={t('negative.off', 'Not allowed')}
          disabled={disabled}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Flex>
  );
};
