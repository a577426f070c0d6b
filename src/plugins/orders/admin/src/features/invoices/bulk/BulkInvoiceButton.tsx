import { Button, Link, Modal, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { FilePdf } from '@strapi/icons';
import { useTable } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { BulkIssueResult } from '../../../../../shared/contracts/invoices';
import { useIssueInvoicesMutation } from '../../../api/invoices';
import { invoicePath } from '../../../paths';
import { useApiErrorText } from '../../../ui/errors';
import { FormModal } from '../../../ui/FormModal';
import { TableHeads, TextCell } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { bulkErrorOf, bulkOutcomeOf } from '../utils/invoicing';

/** A selected row of the orders list: Strapi's table keeps the row as it was given. */
interface SelectedOrder {
  id: string | number;
  number?: string;
}

const COLUMNS = [
  { id: 'invoices.bulk.column.order', defaultMessage: 'Order' },
  { id: 'invoices.bulk.column.result', defaultMessage: 'Result' },
];

/** One result per order: its invoice's number, a link to it, or why it has none, in the admin's words. */
const BulkResults = ({ results, numbers, onClose }: { results: BulkIssueResult[]; numbers: Map<string, string>; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const t = (key: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(`invoices.bulk.${key}`), defaultMessage }, values);
  const outcome = bulkOutcomeOf(results);
  return (
    <Modal.Root open onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{t('resultsTitle', 'Invoices issued')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Typography tag="p">{t('summary', '{ok} of {total} orders invoiced.', outcome)}</Typography>
          <Table colCount={COLUMNS.length} rowCount={results.length + 1}>
            <TableHeads columns={COLUMNS} />
            <Tbody>
              {results.map((result) => (
                <Tr key={result.order}>
                  <TextCell fontWeight="semiBold">{numbers.get(result.order) ?? result.order}</TextCell>
                  {result.ok ? (
                    <Td>
                      <Link tag={NavLink} to={invoicePath(result.invoice.documentId)}>
                        {result.invoice.number}
                      </Link>
                    </Td>
                  ) : (
                    <TextCell textColor="danger600">{errorText(bulkErrorOf(result))}</TextCell>
                  )}
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/**
 * "Invoice" (Számla) for the orders selected on the orders list: each invoiced with the settings'
 * defaults, each on its own — one refused leaves the others invoiced — and the outcome per order.
 */
export const BulkInvoiceButton = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.${key}`), defaultMessage });
  const selected = useTable('BulkInvoiceButton', (state) => state.selectedRows) as SelectedOrder[];
  const selectRow = useTable('BulkInvoiceButton', (state) => state.selectRow);
  const submit = useSubmit();
  const [issue, { isLoading }] = useIssueInvoicesMutation();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ results: BulkIssueResult[]; numbers: Map<string, string> }>();

  const send = async () => {
    const numbers = new Map(selected.map((row) => [String(row.id), row.number ?? String(row.id)]));
    const { data: results } = await submit(issue({ orders: [...numbers.keys()] }));
    setAsking(false);
    if (!results) return;
    setDone({ results, numbers });
  };

  // The selection goes once the results are read: this button, and its results, live in the
  // selection's action bar, which goes with it.
  const closeResults = () => {
    setDone(undefined);
    selectRow([]);
  };

  return (
    <>
      <Button variant="secondary" size="S" startIcon={<FilePdf />} onClick={() => setAsking(true)}>
        {t('issue.button', 'Invoice')}
      </Button>
      {asking && (
        <FormModal
          title={t('bulk.title', 'Invoice the selected orders')}
          submitLabel={t('bulk.confirm', 'Issue invoices')}
          submitting={isLoading}
          onSubmit={send}
          onClose={() => setAsking(false)}
        >
          <Typography>
            {t(
              'bulk.explain',
              "Each selected order is invoiced with the settings' defaults: dated today, in the default series, with the default payment method. Orders that cannot be invoiced are left as they are."
            )}
          </Typography>
        </FormModal>
      )}
      {done && <BulkResults results={done.results} numbers={done.numbers} onClose={closeResults} />}
    </>
  );
};
