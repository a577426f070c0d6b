import { Button, Link, Modal, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { BulkOrderResult } from '../../../../../../shared/contracts/orders';
import { datasheetPath } from '../../../../paths';
import { useApiErrorText } from '../../../../ui/errors';
import { TableHeads, TextCell } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';
import { bulkCountOf, bulkRefusalOf } from '../utils/bulk';

const COLUMNS = [
  { id: 'list.bulk.column.order', defaultMessage: 'Order' },
  { id: 'list.bulk.column.result', defaultMessage: 'Result' },
];

interface Props {
  /** What was done, as the dialog's title names it: "Finalize", "Custom status: Packing". */
  title: string;
  results: BulkOrderResult[];
  onClose: () => void;
}

/** A bulk action's outcome per order: done, or refused and why, in the admin's words. */
export const BulkResultsDialog = ({ title, results, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`list.bulk.${key}`), defaultMessage }, values);
  return (
    <Modal.Root open onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={formatMessage({ id: getTranslation('common.close'), defaultMessage: 'Close' })}>
          <Modal.Title>{t('results.title', 'Bulk action: {action}', { action: title })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Typography tag="p">{t('results.summary', '{done} of {total} orders done.', bulkCountOf(results))}</Typography>
          <Table colCount={COLUMNS.length} rowCount={results.length + 1}>
            <TableHeads columns={COLUMNS} />
            <Tbody>
              {results.map((result) => (
                <Tr key={result.documentId} data-outcome={result.outcome}>
                  <Td>
                    {result.number ? (
                      <Link tag={NavLink} to={datasheetPath(result.documentId)}>
                        {result.number}
                      </Link>
                    ) : (
                      <Typography>{result.documentId}</Typography>
                    )}
                  </Td>
                  {result.outcome === 'done' ? (
                    <TextCell textColor="success600">{t('results.done', 'Done')}</TextCell>
                  ) : (
                    <TextCell textColor="danger600">{errorText(bulkRefusalOf(result))}</TextCell>
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
