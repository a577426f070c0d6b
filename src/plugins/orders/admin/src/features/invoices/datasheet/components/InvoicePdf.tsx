import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { InvoiceJson } from '../../../../../../shared/contracts/invoices';
import { useInvoiceFiles, useRetryInvoicePdfMutation } from '../../../../api/invoices';
import { PERMISSIONS } from '../../../../permissions';
import { Card } from '../../../../ui/Card';
import { getTranslation } from '../../../../ui/translations';
import { useFileUrl } from '../../../../ui/useFileUrl';
import { useSubmit } from '../../../../ui/useSubmit';

/** The PDF once made, shown in the page. */
const PdfPreview = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage } = useIntl();
  const files = useInvoiceFiles();
  const load = useCallback(() => files.pdf(invoice.documentId), [files, invoice.documentId]);
  const { url, failed } = useFileUrl(load);
  if (failed) {
    return (
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('invoices.pdf.unavailable'), defaultMessage: 'The PDF could not be loaded.' })}
      </Typography>
    );
  }
  if (!url) return null;
  return (
    <Box hasRadius borderColor="neutral200" overflow="hidden">
      <iframe title={invoice.pdf.fileName} src={url} style={{ width: '100%', height: '80vh', border: 0 }} />
    </Box>
  );
};

/** A PDF that could not be made: why, and Retry for a role that may issue invoices. */
const PdfFailed = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage } = useIntl();
  const submit = useSubmit();
  const [retry, { isLoading }] = useRetryInvoicePdfMutation();
  const {
    allowedActions: { canIssue },
  } = useRBAC(PERMISSIONS.issueInvoices);
  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Typography textColor="danger600">
        {formatMessage({ id: getTranslation('invoices.pdf.failed'), defaultMessage: 'The PDF could not be made.' })}
        {invoice.pdf.error ? ` ${invoice.pdf.error}` : ''}
      </Typography>
      {canIssue && (
        <Button variant="secondary" startIcon={<ArrowClockwise />} loading={isLoading} onClick={() => submit(retry(invoice.documentId))}>
          {formatMessage({ id: getTranslation('invoices.pdf.retry'), defaultMessage: 'Retry' })}
        </Button>
      )}
    </Flex>
  );
};

/**
 * The invoice's PDF: made by a job after the issue, so at first it is being made (the page asks
 * again meanwhile), then shown, or why it failed with a Retry.
 */
export const InvoicePdf = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage } = useIntl();
  return (
    <Card title={formatMessage({ id: getTranslation('invoices.pdf.title'), defaultMessage: 'PDF' })}>
      {invoice.pdf.state === 'issued' && <PdfPreview invoice={invoice} />}
      {invoice.pdf.state === 'pending' && (
        <Typography textColor="neutral600">
          {formatMessage({ id: getTranslation('invoices.pdf.pending'), defaultMessage: 'The PDF is being made…' })}
        </Typography>
      )}
      {invoice.pdf.state === 'failed' && <PdfFailed invoice={invoice} />}
    </Card>
  );
};
