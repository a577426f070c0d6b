import { Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { useUpdateStockItemMutation } from '../../../../api/inventory';
import { Panel } from '../../../../ui/Card';
import { useApiErrorText } from '../../../../ui/errors';
import { LeaveGuard } from '../../../../ui/LeaveGuard';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { stockItemBody, StockItemFields, stockItemFormValues, type StockItemFormValues } from '../../components/StockItemFields';

interface Props {
  item: StockItemJson;
  canManage: boolean;
}

/**
 * The item's data, editable by inventory managers; on hand is not here: it moves by adjustments
 * only. The saved item replaces the one its page shows (api/inventory.ts).
 */
export const StockItemEditForm = ({ item, canManage }: Props) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [updateStockItem, { isLoading: saving }] = useUpdateStockItemMutation();
  const [values, setValues] = useState<StockItemFormValues>(() => stockItemFormValues(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const modified = JSON.stringify(values) !== JSON.stringify(stockItemFormValues(item));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data: saved, error } = await submit(updateStockItem({ id: item.documentId, body: stockItemBody(values) }), {
      done: () => formatMessage({ id: getTranslation('common.saved'), defaultMessage: 'Saved' }),
    });
    if (error) {
      setErrors(fieldErrorsOf(error));
      return;
    }
    setValues(stockItemFormValues(saved));
    setErrors({});
  };

  return (
    <Panel tag="form" onSubmit={save} noValidate>
      <LeaveGuard when={modified} />
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation('inventory.item.details'), defaultMessage: 'Details' })}
        </Typography>
        <StockItemFields
          values={values}
          onChange={(patch) => setValues((previous) => ({ ...previous, ...patch }))}
          errors={errors}
          disabled={!canManage}
        />
        <Flex justifyContent="flex-end">
          <Button type="submit" startIcon={<Check />} loading={saving} disabled={!canManage || !modified}>
            {formatMessage({ id: getTranslation('common.save'), defaultMessage: 'Save' })}
          </Button>
        </Flex>
      </Flex>
    </Panel>
  );
};
