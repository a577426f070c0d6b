import { Field, Flex, Textarea, type ButtonProps } from '@strapi/design-system';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ErrorJson } from '../../../../../../shared/contracts/errors';
import type { TransitionOrder } from '../../../../../../shared/contracts/orders';
import { FormModal } from '../../../../ui/FormModal';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';

/**
 * Posts what a lifecycle button posts (the note goes into the order's history); resolves to the
 * server's refusal, or undefined once the action went through.
 */
export type SubmitTransition = (body: TransitionOrder.Request) => Promise<ErrorJson | undefined>;

interface OrderActionDialogProps {
  title: string;
  confirmLabel: string;
  confirmVariant?: ButtonProps['variant'];
  /** False while something in the dialog forbids going on (e.g. not enough stock). */
  canConfirm?: boolean;
  /** The rest of the request besides the note (Failure's restock choice). */
  extraBody?: Omit<TransitionOrder.Request, 'note'>;
  onSubmit: SubmitTransition;
  onClose: () => void;
  children?: ReactNode;
}

/**
 * The confirmation every lifecycle button asks for: what will happen (children), an optional
 * note for the history, and the button that posts the action. Finalize and Failure put their
 * own content in it; Edit, Fulfil and Success use it as it is.
 */
export const OrderActionDialog = ({
  title,
  confirmLabel,
  confirmVariant = 'default',
  canConfirm = true,
  extraBody,
  onSubmit,
  onClose,
  children,
}: OrderActionDialogProps) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setSubmitting(true);
    const error = await onSubmit({ ...extraBody, note: note.trim() || null });
    setSubmitting(false);
    setNoteError(error ? fieldErrorsOf(error).note : undefined);
  };

  return (
    <FormModal
      title={title}
      submitLabel={confirmLabel}
      submitVariant={confirmVariant}
      canSubmit={canConfirm}
      submitting={submitting}
      onSubmit={submit}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
        <Field.Root
          name="note"
          error={noteError}
          hint={formatMessage({
            id: getTranslation('order.dialog.noteHint'),
            defaultMessage: "Shown in the order's history.",
          })}
        >
          <Field.Label>{formatMessage({ id: getTranslation('order.dialog.note'), defaultMessage: 'Note (optional)' })}</Field.Label>
          <Textarea value={note} onChange={(event) => setNote(event.target.value)} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Flex>
    </FormModal>
  );
};
