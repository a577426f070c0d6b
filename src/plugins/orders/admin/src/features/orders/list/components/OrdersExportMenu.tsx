import { MenuItem, SimpleMenu } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ExportOrders, ExportRows } from '../../../../../../shared/contracts/orders';
import { useOrdersCsv, useOrdersXlsx } from '../../../../api/export';
import { useApiErrorText } from '../../../../ui/errors';
import { saveAs } from '../../../../ui/files';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

type Format = 'csv' | 'xlsx';

/** The four files: CSV or Excel, one row per order or one per line. */
const CHOICES: Array<{ format: Format; rows: ExportRows; id: string; defaultMessage: string }> = [
  { format: 'xlsx', rows: 'orders', id: 'list.export.xlsxOrders', defaultMessage: 'Excel (XLSX), per order' },
  { format: 'xlsx', rows: 'lines', id: 'list.export.xlsxLines', defaultMessage: 'Excel (XLSX), per line' },
  { format: 'csv', rows: 'orders', id: 'list.export.csvOrders', defaultMessage: 'CSV, per order' },
  { format: 'csv', rows: 'lines', id: 'list.export.csvLines', defaultMessage: 'CSV, per line' },
];

/** What the file is called in the reader's language, as the server names it too. */
const fileNameOf = (hungarian: boolean, rows: ExportRows, format: Format) =>
  `${hungarian ? 'megrendelesek' : 'orders'}${rows === 'lines' ? (hungarian ? '-tetelek' : '-lines') : ''}.${format}`;

interface Props {
  label: string;
  /** The orders to export: the list's filters and sort, or the ids of a selection. */
  query: Omit<ExportOrders.CsvQuery, 'rows' | 'language'>;
  size?: 'S' | 'M';
}

/** "Export": the orders as a spreadsheet in the reader's language, each choice a file saved. */
export const OrdersExportMenu = ({ label, query, size = 'M' }: Props) => {
  const { formatMessage, locale } = useIntl();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const csv = useOrdersCsv();
  const xlsx = useOrdersXlsx();
  const [exporting, setExporting] = useState(false);

  const save = async (format: Format, rows: ExportRows) => {
    setExporting(true);
    const { data: file } = await submit((format === 'csv' ? csv : xlsx)({ ...query, rows }), {
      // A failed blob request carries no server message: the fetch client keeps only the status.
      failed: (problem) =>
        formatMessage(
          { id: getTranslation('inventory.export.failed'), defaultMessage: 'The export failed ({reason}).' },
          { reason: problem.status === 0 || problem.status === 403 ? errorText(problem) : `HTTP ${problem.status}` }
        ),
    });
    setExporting(false);
    if (file) saveAs(file, fileNameOf(locale.startsWith('hu'), rows, format));
  };

  return (
    <SimpleMenu label={label} variant="secondary" size={size} startIcon={<Download />} disabled={exporting}>
      {CHOICES.map(({ format, rows, id, defaultMessage }) => (
        <MenuItem key={id} onSelect={() => save(format, rows)}>
          {formatMessage({ id: getTranslation(id), defaultMessage })}
        </MenuItem>
      ))}
    </SimpleMenu>
  );
};
