import { Badge, Button, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise, Download, Eye, File } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { DocumentJson, DocumentState } from '../../../../../../shared/contracts/documents';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { FRESH } from '../../../../api/base';
import { useDocumentPdf, useIssueOrderDocumentMutation, useListOrderDocumentsQuery } from '../../../../api/documents';
import { PERMISSIONS } from '../../../../permissions';
import { Card } from '../../../../ui/Card';
import { openTab, saveAs } from '../../../../ui/files';
import { formatDateTime } from '../../../../ui/format';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

const STATE_COLOURS: Record<DocumentState, { background: string; text: string }> = {
  pending: { background: 'warning100', text: 'warning700' },
  issued: { background: 'success100', text: 'success700' },
  failed: { background: 'danger100', text: 'danger700' },
};

const STATE_WORDS: Record<DocumentState, string> = { pending: 'Being made', issued: 'Issued', failed: 'Could not be made' };

const COLUMNS = [
  { id: 'documents.column.version', defaultMessage: 'Version' },
  { id: 'documents.column.state', defaultMessage: 'State' },
  { id: 'documents.column.issued', defaultMessage: 'Issued' },
  { id: 'documents.column.actions', defaultMessage: 'Actions' },
];

/** How long after a finalize the card waits for its document before it stops asking. */
const WAIT_AFTER_FINALIZE_MS = 60_000;
const POLL_MS = 2000;

/** Whether a document is on its way: one is being made, or the order was just finalized and has none yet. */
const isWaiting = (order: OrderJson, documents: DocumentJson[] | undefined) => {
  if (documents?.some((document) => document.state === 'pending')) return true;
  if (order.state === 'draft' || (documents && documents.length > 0)) return false;
  const finalized = order.history.filter((entry) => entry.to === 'finalized').at(-1);
  return Boolean(finalized && Date.now() - new Date(finalized.at).getTime() < WAIT_AFTER_FINALIZE_MS);
};

const DocumentStateBadge = ({ state }: { state: DocumentState }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge backgroundColor={STATE_COLOURS[state].background} textColor={STATE_COLOURS[state].text}>
      {formatMessage({ id: getTranslation(`documents.state.${state}`), defaultMessage: STATE_WORDS[state] })}
    </Badge>
  );
};

interface RowProps {
  document: DocumentJson;
  canIssue: boolean;
  onRetry: () => void;
  retrying: boolean;
}

/** One version: its state (with why it failed), when and by whom, and what can be done with it. */
const DocumentRow = ({ document, canIssue, onRetry, retrying }: RowProps) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`documents.${key}`), defaultMessage }, values);
  const submit = useSubmit();
  const pdfOf = useDocumentPdf();

  const preview = async () => {
    const tab = openTab();
    const { data } = await submit(pdfOf(document.documentId));
    if (data) tab.show(data);
    else tab.close();
  };
  const download = async () => {
    const { data } = await submit(pdfOf(document.documentId));
    if (data) saveAs(data, document.fileName);
  };

  return (
    <Tr>
      <TextCell fontWeight="semiBold">{t('version', 'Version {version}', { version: document.version })}</TextCell>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <DocumentStateBadge state={document.state} />
          {document.state === 'failed' && document.error && (
            <Typography variant="pi" textColor="danger600">
              {document.error}
            </Typography>
          )}
        </Flex>
      </Td>
      <TextCell>
        {document.issuedAt ? `${formatDateTime(document.issuedAt, locale)}${document.issuedBy ? ` · ${document.issuedBy.name}` : ''}` : '—'}
      </TextCell>
      <Td>
        <Flex gap={1}>
          {document.state === 'issued' && (
            <>
              <IconButton label={t('preview', 'Preview')} onClick={preview} variant="ghost">
                <Eye />
              </IconButton>
              <IconButton label={t('download', 'Download {fileName}', { fileName: document.fileName })} onClick={download} variant="ghost">
                <Download />
              </IconButton>
            </>
          )}
          {document.state === 'failed' && canIssue && (
            <Button variant="secondary" size="S" startIcon={<ArrowClockwise />} onClick={onRetry} loading={retrying}>
              {t('retry', 'Retry')}
            </Button>
          )}
        </Flex>
      </Td>
    </Tr>
  );
};

/**
 * The order's documents (megrendelés-dokumentumok): every version, newest first, being made,
 * issued or failed with the reason; preview and download; Reissue and Retry where the role may
 * issue. While a document is being made the card asks again every two seconds.
 */
export const OrderDocuments = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`documents.${key}`), defaultMessage });
  const submit = useSubmit();
  const {
    allowedActions: { canIssue },
  } = useRBAC(PERMISSIONS.issueDocuments);
  const [polling, setPolling] = useState(() => isWaiting(order, undefined));
  const { data: documents, error } = useListOrderDocumentsQuery(order.documentId, { ...FRESH, pollingInterval: polling ? POLL_MS : 0 });
  const [issue, { isLoading: issuing }] = useIssueOrderDocumentMutation();
  useEffect(() => setPolling(isWaiting(order, documents)), [order, documents]);

  const reissue = () =>
    submit(issue(order.documentId), {
      done: (document) =>
        formatMessage(
          { id: getTranslation('documents.issued'), defaultMessage: 'Version {version} issued' },
          { version: document.version }
        ),
    });

  const newest = documents?.[0];
  return (
    <Card
      title={t('title', 'Order documents')}
      action={
        canIssue &&
        order.state !== 'draft' &&
        newest?.state !== 'failed' && (
          <Button variant="secondary" size="S" startIcon={<File />} onClick={reissue} loading={issuing}>
            {t('reissue', 'Reissue')}
          </Button>
        )
      }
    >
      {error ? (
        <Typography textColor="danger600">{t('unavailable', 'The documents could not be loaded.')}</Typography>
      ) : !documents?.length ? (
        <Typography textColor="neutral600">
          {polling
            ? t('waiting', 'The document is being made…')
            : order.state === 'draft'
              ? t('none.draft', 'The order document is issued when the order is finalized.')
              : t('none', 'No document has been issued.')}
        </Typography>
      ) : (
        <Table colCount={COLUMNS.length} rowCount={documents.length + 1}>
          <TableHeads columns={COLUMNS} />
          <Tbody>
            {documents.map((document) => (
              <DocumentRow key={document.documentId} document={document} canIssue={canIssue} onRetry={reissue} retrying={issuing} />
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
};

/** The card, for a role that may read documents. */
export const OrderDocumentsCard = ({ order }: { order: OrderJson }) => {
  const {
    allowedActions: { canRead },
    isLoading,
  } = useRBAC(PERMISSIONS.readDocuments);
  if (isLoading || !canRead) return null;
  return <OrderDocuments order={order} />;
};
