import { Box, Button, Field, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { InvoiceSeriesJson } from '../../../../../../shared/contracts/invoices';
import type { InvoiceSeries } from '../../../../../../shared/contracts/settings';
import { DEFAULT_INVOICE_PATTERN } from '../../../../../../shared/domain/invoice-number';
import { TableHeads } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';
import { previewNumber } from '../../../invoices/utils/invoicing';

/** A series as edited: `id` keeps React's rows and the server's errors on the right series. */
export interface SeriesRow extends InvoiceSeries {
  id: number;
  /** Saved keys are fixed: invoices keep their series' key. */
  saved: boolean;
}

let nextRowId = 0;
export const seriesRow = (series: InvoiceSeries, saved: boolean): SeriesRow => ({ ...series, id: nextRowId++, saved });

const column = (name: string, defaultMessage: string) => ({ id: `settings.invoicing.series.${name}`, defaultMessage });
const COLUMNS = [
  column('key', 'Key'),
  column('name', 'Name'),
  column('pattern', 'Pattern'),
  column('preview', 'Next number'),
  column('actions', 'Actions'),
];

interface Props {
  rows: SeriesRow[];
  onChange: (rows: SeriesRow[]) => void;
  /** Each saved series with the number its next invoice takes: the preview continues it. */
  saved: InvoiceSeriesJson[];
  year: number;
  /** The server's errors by `<row id>.<field>`. */
  errors: Record<string, string>;
  /** An error about the list as a whole. */
  listError?: string;
  disabled: boolean;
}

/** Számlatömbök: each series' key, name and pattern, and the number its next invoice would take. */
export const InvoiceSeriesTable = ({ rows, onChange, saved, year, errors, listError, disabled }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`settings.invoicing.series.${key}`), defaultMessage });
  const update = (id: number, patch: Partial<SeriesRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  const input = (row: SeriesRow, field: keyof InvoiceSeries, label: string, fixed = false) => (
    <Field.Root name={`${field}-${row.id}`} error={errors[`${row.id}.${field}`]}>
      <Field.Input
        aria-label={label}
        value={row[field]}
        onChange={(event) => update(row.id, { [field]: event.target.value })}
        disabled={disabled || fixed}
      />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Box>
      {listError && <Typography textColor="danger600">{listError}</Typography>}
      <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
        <TableHeads columns={COLUMNS} />
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td>{input(row, 'key', t('key', 'Key'), row.saved)}</Td>
              <Td>{input(row, 'name', t('name', 'Name'))}</Td>
              <Td>{input(row, 'pattern', t('pattern', 'Pattern'))}</Td>
              <Td>
                <Typography fontWeight="semiBold" data-preview={row.key}>
                  {previewNumber(row.key.trim(), row.pattern.trim(), saved, year) ?? '—'}
                </Typography>
              </Td>
              <Td>
                <IconButton
                  label={t('remove', 'Remove')}
                  onClick={() => onChange(rows.filter(({ id }) => id !== row.id))}
                  disabled={disabled || rows.length === 1}
                  variant="ghost"
                >
                  <Trash />
                </IconButton>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box paddingTop={4}>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={disabled}
          onClick={() => onChange([...rows, seriesRow({ key: '', name: '', pattern: DEFAULT_INVOICE_PATTERN }, false)])}
        >
          {t('add', 'Add series')}
        </Button>
      </Box>
    </Box>
  );
};
