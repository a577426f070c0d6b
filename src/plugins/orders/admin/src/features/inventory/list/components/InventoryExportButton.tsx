import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useStockItemsCsv } from '../../../../api/export';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** Hands the browser a file: the download goes through the admin's authenticated client, not a plain link. */
export const saveAs = (file: Blob, fileName: string) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

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
