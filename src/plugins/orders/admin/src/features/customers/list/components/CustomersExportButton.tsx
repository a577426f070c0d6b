import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ListCustomers } from '../../../../../../shared/contracts/customers';
import { useCustomersCsv } from '../../../../api/export';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { saveAs } from '../../../../ui/files';

/** "Export CSV": every customer the filters and search find (not only this page), in the list's order, for Excel. */
export const CustomersExportButton = ({ query }: { query: Omit<ListCustomers.Query, 'page' | 'pageSize'> }) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const csv = useCustomersCsv();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    const { data: file } = await submit(csv(query), {
      // A failed blob request carries no server message: the fetch client keeps only the status.
      failed: (problem) =>
        formatMessage(
          { id: getTranslation('inventory.export.failed'), defaultMessage: 'The export failed ({reason}).' },
          { reason: problem.status === 0 || problem.status === 403 ? errorText(problem) : `HTTP ${problem.status}` }
        ),
    });
    setExporting(false);
    if (file) saveAs(file, 'ugyfelek.csv');
  };

  return (
    <Button variant="secondary" startIcon={<Download />} onClick={exportCsv} loading={exporting}>
      {formatMessage({ id: getTranslation('inventory.export'), defaultMessage: 'Export CSV' })}
    </Button>
  );
};
