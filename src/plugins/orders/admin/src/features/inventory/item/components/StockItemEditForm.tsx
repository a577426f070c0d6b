import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorOf, useOrdersApi, type StockItemJson } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { stockItemBody, StockItemFields, stockItemFormValues, type StockItemFormValues } from '../../components/StockItemFields';

interface Props {
  item: StockItemJson;
  canManage: boolean;
  onSaved: () => void;
}

/** The item's data, editable by inventory managers; on hand is not here: it moves by adjustments only. */
export const StockItemEditForm = ({ item, canManage, onSaved }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText, fieldErrorsOf } = useApiErrorText();
  const api = useOrdersApi();
  const [values, setValues] = useState<StockItemFormValues>(() => stockItemFormValues(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const modified = JSON.stringify(values) !== JSON.stringify(stockItemFormValues(item));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = await api.updateStockItem(item.documentId, stockItemBody(values));
      setValues(stockItemFormValues(saved));
      setErrors({});
      toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('common.saved'), defaultMessage: 'Saved' }) });
      onSaved();
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(fieldErrorsOf(problem));
      toggleNotification({ type: 'danger', message: errorText(problem) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box tag="form" onSubmit={save} noValidate background="neutral0" hasRadius shadow="filterShadow" padding={6}>
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
    </Box>
  );
};
