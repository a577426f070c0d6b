import { Button, Field, Flex, Modal, Textarea, type ButtonProps } from '@strapi/design-system';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ApiError } from '../api';
import { getTranslation } from '../utils/translations';

/** What a lifecycle button posts: the note goes into the order's history. */
export interface TransitionBody {
  note: string | null;
  restock?: boolean;
}

/** Resolves to the server's refusal, or null once the action went through. */
export type SubmitTransition = (body: TransitionBody) => Promise<ApiError | null>;

interface OrderActionDialogProps {
  title: string;
  confirmLabel: string;
  confirmVariant?: ButtonProps['variant'];
  /** False while something in the dialog forbids going on (e.g. not enough stock). */
  canConfirm?: boolean;
  /** The rest of the request besides the note (Failure's restock choice). */
  extraBody?: Omit<TransitionBody, 'note'>;
  onSubmit: SubmitTransition;
  onClose: () => void;
  children?: ReactNode;
}

/** The field error the server gave for the note, if any. */
const noteErrorOf = (error: ApiError | null): string | undefined =>
  (error?.details?.errors as Array<{ path?: string[]; message: string }> | undefined)?.find(
    (fieldError) => fieldError.path?.[0] === 'note'
  )?.message;

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
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setSubmitting(true);
    const error = await onSubmit({ ...extraBody, note: note.trim() || null });
    setSubmitting(false);
    setNoteError(noteErrorOf(error));
  };

  return (
    // Closing while the request runs would hide its outcome, so the dialog stays until it ends.
    <Modal.Root open onOpenChange={(open) => !open && !submitting && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
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
              <Field.Label>
                {formatMessage({ id: getTranslation('order.dialog.note'), defaultMessage: 'Note (optional)' })}
              </Field.Label>
              <Textarea value={note} onChange={(event) => setNote(event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} disabled={submitting}>
            {formatMessage({ id: getTranslation('common.cancel'), defaultMessage: 'Cancel' })}
          </Button>
          <Button variant={confirmVariant} onClick={submit} loading={submitting} disabled={!canConfirm}>
            {confirmLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
