import { Flex, Grid, LinkButton } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import type { InvoiceJson } from '../../../../../shared/contracts/invoices';
import { FRESH } from '../../../api/base';
import { apiErrorOf } from '../../../api/errors';
import { useGetInvoiceQuery, useInvoiceFiles } from '../../../api/invoices';
import { INVOICES_PATH } from '../../../paths';
import { DownloadButton } from '../../../ui/DownloadButton';
import { useApiErrorText } from '../../../ui/errors';
import { formatMoney } from '../../../ui/format';
import { getTranslation } from '../../../ui/translations';
import { InvoiceBadge } from '../components/InvoiceBadge';
import { InvoiceDetails } from './components/InvoiceDetails';
import { InvoiceLines, InvoiceSummary } from './components/InvoiceLines';
import { InvoiceBuyerCard, InvoiceSellerCard } from './components/InvoiceParties';
import { InvoicePdf } from './components/InvoicePdf';
import { StornoButton } from './components/StornoButton';

/** How often the page asks again while the PDF is being made. */
const POLL_MS = 2000;

/** Download PDF (once made) and NAV XML. */
const InvoiceDownloads = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage } = useIntl();
  const files = useInvoiceFiles();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.download.${key}`), defaultMessage });
  return (
    <>
      <DownloadButton
        label={t('pdf', 'PDF')}
        fileName={invoice.pdf.fileName}
        download={invoice.pdf.state === 'issued' ? () => files.pdf(invoice.documentId) : undefined}
      />
      <DownloadButton
        label={t('navXml', 'NAV XML')}
        fileName={`${invoice.pdf.fileName.replace(/\.pdf$/i, '')}.xml`}
        download={() => files.navXml(invoice.documentId)}
      />
    </>
  );
};

/** The invoice's datasheet: read-only, as an invoice never changes after issue; a storno corrects it. */
const InvoiceDatasheet = ({ invoice }: { invoice: InvoiceJson }) => {
  const { formatMessage, locale } = useIntl();
  const title = formatMessage(
    {
      id: getTranslation(invoice.type === 'storno' ? 'invoices.datasheet.stornoTitle' : 'invoices.datasheet.title'),
      defaultMessage: invoice.type === 'storno' ? 'Storno invoice {number}' : 'Invoice {number}',
    },
    { number: invoice.number }
  );
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={INVOICES_PATH} />}
        title={title}
        subtitle={`${invoice.buyer.name} · ${formatMoney(invoice.totals.gross, invoice.currency, locale)}`}
        secondaryAction={<InvoiceBadge type={invoice.type} state={invoice.state} />}
        primaryAction={
          <Flex gap={2} wrap="wrap">
            <InvoiceDownloads invoice={invoice} />
            <StornoButton invoice={invoice} />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <InvoiceDetails invoice={invoice} />
          <Grid.Root gap={6}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <InvoiceSellerCard seller={invoice.seller} />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <InvoiceBuyerCard buyer={invoice.buyer} />
            </Grid.Item>
          </Grid.Root>
          <InvoiceLines invoice={invoice} />
          <InvoiceSummary invoice={invoice} />
          <InvoicePdf invoice={invoice} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** /plugins/orders-invoices/:id — the route's id is the invoice's documentId. */
export const InvoicePage = () => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const { id = '' } = useParams<{ id: string }>();
  const [polling, setPolling] = useState(false);
  // The invoice of this route only (currentData): another's stays out while this one loads.
  const { currentData: invoice, isFetching, error } = useGetInvoiceQuery(id, { ...FRESH, pollingInterval: polling ? POLL_MS : 0 });
  useEffect(() => setPolling(invoice?.pdf.state === 'pending'), [invoice]);

  if (!invoice && isFetching) return <Page.Loading />;
  if (!invoice) {
    const refusal = error && apiErrorOf(error);
    return (
      <Page.Error
        content={
          refusal ? errorText(refusal) : formatMessage({ id: getTranslation('common.error'), defaultMessage: 'Something went wrong' })
        }
        action={
          <LinkButton tag={Link} to={INVOICES_PATH} variant="secondary">
            {formatMessage({ id: getTranslation('invoices.backToList'), defaultMessage: 'Back to the invoices' })}
          </LinkButton>
        }
      />
    );
  }
  return <InvoiceDatasheet invoice={invoice} />;
};
