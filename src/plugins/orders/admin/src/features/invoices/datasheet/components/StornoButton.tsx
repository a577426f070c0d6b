import { Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { InvoiceJson } from '../../../../../../shared/contracts/invoices';
import { useStornoInvoiceMutation } from '../../../../api/invoices';
import { invoicePath } from '../../../../paths';
import { PERMISSIONS } from '../../../../permissions';
import { useApiErrorText } from '../../../../ui/errors';
import { FormModal } from '../../../../ui/FormModal';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** The dialog: why the invoice is cancelled (the storno prints it), then the storno invoice's own page. */
const StornoDialog = ({ invoice, onClose }: { invoice: InvoiceJson; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`invoices.storno.${key}`), defaultMessage }, values);
  const { fieldText, fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [storno, { isLoading }] = useStornoInvoiceMutation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();

  const send = async () => {
    // Asked here first: the storno prints its reason, and NAV is told it.
    if (!reason.trim()) return setError(fieldText({ code: 'required' }));
    const answer = await submit(storno({ id: invoice.documentId, body: { reason: reason.trim() } }), {
      done: (made) => t('done', 'Storno invoice {number} issued', { number: made.number }),
    });
    if (answer.error) return setError(fieldErrorsOf(answer.error).reason);
    navigate(invoicePath(answer.data.documentId));
  };

  return (
    <FormModal
      title={t('title', 'Storno invoice {number}', { number: invoice.number })}
      submitLabel={t('confirm', 'Storno')}
      submitVariant="danger"
      submitting={isLoading}
      onSubmit={send}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography>
          {t('explain', 'A storno invoice is issued with the lines of this one, negated: it cancels it. This cannot be undone.')}
        </Typography>
        <Field.Root name="reason" error={error} required>
          <Field.Label>{t('reason', 'Reason')}</Field.Label>
          <Textarea value={reason} onChange={(event) => setReason(event.target.value)} />
          <Field.Error />
        </Field.Root>
      </Flex>
    </FormModal>
  );
};

/** "Storno" (Sztornó): on an invoice in force, for a role that may storno invoices. */
export const StornoButton = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canStorno },
  } = useRBAC(PERMISSIONS.stornoInvoices);
  const [open, setOpen] = useState(false);
  if (!canStorno || invoice.type !== 'invoice' || invoice.state !== 'issued') return null;
  return (
    <>
      <Button variant="danger-light" startIcon={<ArrowsCounterClockwise />} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('invoices.storno.button'), defaultMessage: 'Storno' })}
      </Button>
      {open && <StornoDialog invoice={invoice} onClose={() => setOpen(false)} />}
    </>
  );
};
