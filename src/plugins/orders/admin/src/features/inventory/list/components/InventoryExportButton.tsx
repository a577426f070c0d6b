import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorOf, useOrdersApi } from '../../../../api/orders';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';

/** Hands the browser a file: the download goes through the admin's authenticated client, not a plain link. */
const saveAs = (file: Blob, fileName: string) => {
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
  const { toggleNotification } = useNotification();
  const { errorText } = useApiErrorText();
  const api = useOrdersApi();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      saveAs(await api.exportStockItemsCsv(), 'keszlet.csv');
    } catch (error) {
      // A failed blob request carries no server message: the fetch client keeps only the status.
      const problem = apiErrorOf(error);
      const reason = problem.status === 0 || problem.status === 403 ? errorText(problem) : `HTTP ${problem.status}`;
      toggleNotification({
        type: 'danger',
        message: formatMessage(
          { id: getTranslation('inventory.export.failed'), defaultMessage: 'The export failed ({reason}).' },
          { reason },
        ),
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button variant="secondary" startIcon={<Download />} onClick={exportCsv} loading={exporting}>
      {formatMessage({ id: getTranslation('inventory.export'), defaultMessage: 'Export CSV' })}
    </Button>
  );
};
