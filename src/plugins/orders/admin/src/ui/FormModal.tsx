import { Button, Modal, type ButtonProps } from '@strapi/design-system';
import type { FormEvent, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from './translations';

interface FormModalProps {
  /** Most modals are mounted only while shown, so open is the default. */
  open?: boolean;
  title: string;
  submitLabel: string;
  submitVariant?: ButtonProps['variant'];
  /** False while something in the form forbids going on (e.g. not enough stock). */
  canSubmit?: boolean;
  submitting?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal form with Cancel and the submit button: Enter in a field submits it, and the browser's
 * own validation is off, so that the messages at the fields are ours, in the admin's language.
 */
export const FormModal = ({
  open = true,
  title,
  submitLabel,
  submitVariant = 'default',
  canSubmit = true,
  submitting = false,
  onSubmit,
  onClose,
  children,
}: FormModalProps) => {
  const { formatMessage } = useIntl();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !submitting) onSubmit();
  };
  return (
    // Closing while the request runs would hide its outcome, so the modal stays until it ends.
    <Modal.Root open={open} onOpenChange={(isOpen) => !isOpen && !submitting && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>{children}</Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" disabled={submitting}>
                {formatMessage({ id: getTranslation('common.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Modal.Close>
            <Button type="submit" variant={submitVariant} loading={submitting} disabled={!canSubmit}>
              {submitLabel}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
