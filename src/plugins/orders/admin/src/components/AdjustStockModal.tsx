import { Button, Field, Flex, Modal, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { DecimalFormatError } from '../../../server/src/domain/fixed-point';
import { formatQuantity as formatQuantityText, parseQuantity } from '../../../server/src/domain/quantity';
import { apiErrorOf, fieldErrorsOf, useOrdersApi, type StockItemJson } from '../api';
import { formatQuantity } from '../utils/format';
import { getTranslation } from '../utils/translations';
import { decimalText } from './StockItemFields';

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
  onAdjusted: () => void;
}

/** Készletmozgatás: a signed change of on-hand stock with the reason the ledger keeps for it. */
export const AdjustStockModal = ({ item, onClose, onAdjusted }: Props) => {
  const { formatMessage, locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useOrdersApi();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const after = delta.trim() ? stockAfter(item.onHand, delta) : null;

  const adjust = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await api.adjustStock(item.documentId, { delta: decimalText(delta), reason: reason.trim() });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('inventory.adjust.done'), defaultMessage: 'Stock adjusted' }),
      });
      onAdjusted();
    } catch (error) {
      const problem = apiErrorOf(error);
      // A shortage (409) is about the change itself: say it at the change.
      setErrors(problem.status === 409 ? { delta: problem.message } : fieldErrorsOf(problem));
      toggleNotification({ type: 'danger', message: problem.message });
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={adjust} noValidate>
          <Modal.Header>
            <Modal.Title>
              {formatMessage({ id: getTranslation('inventory.adjust.title'), defaultMessage: 'Adjust stock: {name}' }, { name: item.name })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root
                name="delta"
                error={errors.delta}
                required
                hint={formatMessage({
                  id: getTranslation('inventory.adjust.delta.hint'),
                  defaultMessage: '"+5" adds to stock, "-2" takes away; up to three decimals (2.5).',
                })}
              >
                <Field.Label>
                  {formatMessage({ id: getTranslation('inventory.adjust.delta'), defaultMessage: 'Change ({unit})' }, { unit: item.unit })}
                </Field.Label>
                <Field.Input value={delta} onChange={(event) => setDelta(event.target.value)} inputMode="decimal" autoFocus />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Typography variant="omega" textColor={after?.startsWith('-') ? 'danger600' : 'neutral800'}>
                {formatMessage(
                  { id: getTranslation('inventory.adjust.preview'), defaultMessage: 'On hand: {now} → {after} {unit}' },
                  {
                    now: formatQuantity(item.onHand, locale),
                    after: after === null ? '…' : formatQuantity(after, locale),
                    unit: item.unit,
                  },
                )}
              </Typography>
              <Field.Root name="reason" error={errors.reason} required>
                <Field.Label>{formatMessage({ id: getTranslation('inventory.adjust.reason'), defaultMessage: 'Reason' })}</Field.Label>
                <Field.Input value={reason} onChange={(event) => setReason(event.target.value)} />
                <Field.Error />
              </Field.Root>
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
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{formatMessage({ id: getTranslation('common.cancel'), defaultMessage: 'Cancel' })}</Button>
            </Modal.Close>
            <Button type="submit" loading={saving}>
              {formatMessage({ id: getTranslation('inventory.adjust.submit'), defaultMessage: 'Adjust stock' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
