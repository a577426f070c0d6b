import { Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import { DecimalFormatError } from '../../../../../../shared/domain/fixed-point';
import { formatQuantity as formatQuantityText, parseQuantity } from '../../../../../../shared/domain/quantity';
import { useAdjustStockMutation } from '../../../../api/inventory';
import { FormModal } from '../../../../ui/FormModal';
import { TextField } from '../../../../ui/TextField';
import { useApiErrorText } from '../../../../ui/errors';
import { decimalText, formatQuantity } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** The usual reasons, one click each; anything else can be typed. */
const USUAL_REASONS = [
  { key: 'received', defaultMessage: 'Goods received' },
  { key: 'stocktake', defaultMessage: 'Stocktake correction' },
  { key: 'damaged', defaultMessage: 'Damaged or expired' },
  { key: 'returned', defaultMessage: 'Returned by customer' },
] as const;

/** On hand after the change, exactly (BigInt), or null while the change is not a valid quantity yet. */
const stockAfter = (onHand: string, delta: string): string | null => {
  try {
    return formatQuantityText(parseQuantity(onHand) + parseQuantity(decimalText(delta)));
  } catch (error) {
    if (error instanceof DecimalFormatError) return null;
    throw error;
  }
};

interface Props {
  item: StockItemJson;
  onClose: () => void;
}

/**
 * Készletkorrekció: a signed change of on-hand stock with the reason the ledger keeps for it. The
 * item's page shows the new stock and the new movement once it went through (api/inventory.ts).
 */
export const AdjustStockModal = ({ item, onClose }: Props) => {
  const { formatMessage, locale } = useIntl();
  const { errorText, fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [adjustStock, { isLoading: saving }] = useAdjustStockMutation();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const after = delta.trim() ? stockAfter(item.onHand, delta) : null;

  const adjust = async () => {
    const { error } = await submit(adjustStock({ id: item.documentId, body: { delta: decimalText(delta), reason: reason.trim() } }), {
      done: () => formatMessage({ id: getTranslation('inventory.adjust.done'), defaultMessage: 'Stock adjusted' }),
    });
    // A shortage (409) is about the change itself: say it at the change.
    if (error) setErrors(error.status === 409 ? { delta: errorText(error) } : fieldErrorsOf(error));
    else onClose();
  };

  return (
    <FormModal
      title={formatMessage({ id: getTranslation('inventory.adjust.title'), defaultMessage: 'Adjust stock: {name}' }, { name: item.name })}
      submitLabel={formatMessage({ id: getTranslation('inventory.adjust.submit'), defaultMessage: 'Adjust stock' })}
      submitting={saving}
      onSubmit={adjust}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <TextField
          name="delta"
          label={formatMessage({ id: getTranslation('inventory.adjust.delta'), defaultMessage: 'Change ({unit})' }, { unit: item.unit })}
          value={delta}
          onChange={setDelta}
          error={errors.delta}
          hint={formatMessage({
            id: getTranslation('inventory.adjust.delta.hint'),
            defaultMessage: '"+5" adds to stock, "-2" takes away; up to three decimals (2.5).',
          })}
          required
          inputMode="decimal"
          autoFocus
        />
        <Typography variant="omega" textColor={after?.startsWith('-') ? 'danger600' : 'neutral800'}>
          {formatMessage(
            { id: getTranslation('inventory.adjust.preview'), defaultMessage: 'On hand: {now} → {after} {unit}' },
            {
              now: formatQuantity(item.onHand, locale),
              after: after === null ? '…' : formatQuantity(after, locale),
              unit: item.unit,
            }
          )}
        </Typography>
        <TextField
          name="reason"
          label={formatMessage({ id: getTranslation('inventory.adjust.reason'), defaultMessage: 'Reason' })}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          required
        />
        <Flex gap={2} wrap="wrap">
          {USUAL_REASONS.map(({ key, defaultMessage }) => {
            const text = formatMessage({ id: getTranslation(`inventory.adjust.reason.${key}`), defaultMessage });
            return (
              <Button key={key} variant="tertiary" size="S" onClick={() => setReason(text)}>
                {text}
              </Button>
            );
          })}
        </Flex>
      </Flex>
    </FormModal>
  );
};
