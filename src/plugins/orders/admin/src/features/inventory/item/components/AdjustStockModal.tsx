import { Button, Flex, Radio, Typography } from '@strapi/design-system';
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

/** A quantity typed in the admin's way ("2,5"), exactly (BigInt), or null while it is not one yet. */
const typed = (text: string): bigint | null => {
  try {
    return parseQuantity(decimalText(text));
  } catch (error) {
    if (error instanceof DecimalFormatError) return null;
    throw error;
  }
};

/** A change of stock by a signed quantity, or a stocktake (leltár) giving the physical stock counted. */
type Mode = 'change' | 'count';

/** Available stock after the change: a count books the difference from the physical stock. */
const availableAfter = (item: StockItemJson, mode: Mode, text: string): string | null => {
  const value = typed(text);
  if (value === null) return null;
  const change = mode === 'change' ? value : value - parseQuantity(item.physical);
  return formatQuantityText(parseQuantity(item.onHand) + change);
};

interface Props {
  item: StockItemJson;
  onClose: () => void;
}

/**
 * Készletkorrekció: a signed change of stock, or a stocktake's count of the physical stock (the
 * ledger books the difference), with the reason the ledger keeps for it. The item's page shows the
 * new stock and the new movement once it went through (api/inventory.ts).
 */
export const AdjustStockModal = ({ item, onClose }: Props) => {
  const { formatMessage, locale } = useIntl();
  const { errorText, fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [adjustStock, { isLoading: saving }] = useAdjustStockMutation();
  const [mode, setMode] = useState<Mode>('change');
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const after = quantity.trim() ? availableAfter(item, mode, quantity) : null;
  const field = mode === 'change' ? 'delta' : 'counted';
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`inventory.adjust.${key}`), defaultMessage }, values);

  const adjust = async () => {
    const body = { [field]: decimalText(quantity), reason: reason.trim() };
    const { error } = await submit(adjustStock({ id: item.documentId, body }), {
      done: () => formatMessage({ id: getTranslation('inventory.adjust.done'), defaultMessage: 'Stock adjusted' }),
    });
    // A shortage (409) is about the change itself: say it at the change.
    if (error) setErrors(error.status === 409 ? { [field]: errorText(error) } : fieldErrorsOf(error));
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
        <Radio.Group
          value={mode}
          onValueChange={(value) => {
            setMode(value as Mode);
            setErrors({});
          }}
          aria-label={t('mode', 'How stock changes')}
        >
          <Radio.Item value="change">{t('mode.change', 'By a change (+5 received, -2 broken)')}</Radio.Item>
          <Radio.Item value="count">{t('mode.count', 'By a stocktake: the physical stock counted')}</Radio.Item>
        </Radio.Group>
        <TextField
          key={mode}
          name={field}
          label={
            mode === 'change'
              ? t('delta', 'Change ({unit})', { unit: item.unit })
              : t('counted', 'Counted physical stock ({unit})', { unit: item.unit })
          }
          value={quantity}
          onChange={setQuantity}
          error={errors[field]}
          hint={
            mode === 'change'
              ? t('delta.hint', '"+5" adds to stock, "-2" takes away; up to three decimals (2.5).')
              : t('counted.hint', 'What is on the shelves, reserved goods included ({physical} by the ledger); the difference is booked.', {
                  physical: formatQuantity(item.physical, locale),
                })
          }
          required
          inputMode="decimal"
          autoFocus
        />
        <Typography variant="omega" textColor={after?.startsWith('-') ? 'danger600' : 'neutral800'}>
          {t('preview', 'Available: {now} → {after} {unit}', {
            now: formatQuantity(item.onHand, locale),
            after: after === null ? '…' : formatQuantity(after, locale),
            unit: item.unit,
          })}
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
