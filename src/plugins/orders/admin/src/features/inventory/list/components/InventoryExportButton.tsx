import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useStockItemsCsv } from '../../../../api/export';
import { useApiErrorText } from '../../../../ui/errors';
import { saveAs } from '../../../../ui/files';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** "Export CSV": every stock item (not only this page), for Excel. */
export const InventoryExportButton = () => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const csv = useStockItemsCsv();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    const { data: file } = await submit(csv(), {
      // A failed blob request carries no server message: the fetch client keeps only the status.
      failed: (problem) =>
        formatMessage(
          { id: getTranslation('inventory.export.failed'), defaultMessage: 'The export failed ({reason}).' },
          { reason: problem.status === 0 || problem.status === 403 ? errorText(problem) : `HTTP ${problem.status}` }
        ),
    });
    setExporting(false);
    if (file) saveAs(file, 'keszlet.csv');
  };

  return (
    <Button variant="secondary" startIcon={<Download />} onClick={exportCsv} loading={exporting}>
      {formatMessage({ id: getTranslation('inventory.export'), defaultMessage: 'Export CSV' })}
    </Button>
  );
};
