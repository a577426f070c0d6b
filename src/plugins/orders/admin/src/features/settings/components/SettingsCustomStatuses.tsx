import { Box, Button, Field, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import {
  COLOUR,
  customStatusLabel,
  readCustomStatus,
  type CustomStatus,
  type LabelLanguage,
} from '../../../../../shared/contracts/settings';
import { CustomStatusBadge } from '../../../ui/badges';
import { TableHeads } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';

/** A custom status as edited: `id` keeps React's rows and the server's errors on the right status while they move. */
export interface StatusRow extends CustomStatus {
  id: number;
  /** Saved keys are fixed: orders carry the key, and a renamed key would leave them with an unknown status. */
  saved: boolean;
  /** Until the key is typed by hand it follows the label. */
  keyTyped: boolean;
}

const NEW_STATUS_COLOUR = '#4945ff';

const column = (name: string, defaultMessage: string) => ({ id: `settings.statuses.${name}`, defaultMessage });
const COLUMNS = [
  column('label.hu', 'Label (Hungarian)'),
  column('label.en', 'Label (English)'),
  column('key', 'Key'),
  column('color', 'Colour'),
  column('preview', 'Preview'),
  column('actions', 'Actions'),
];

/** "Kiszállítás alatt" → "kiszallitas-alatt": the label, as lowercase letters, digits and dashes. */
const suggestKey = (label: string) =>
  label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

let nextRowId = 0;
export const statusRow = (status: CustomStatus, saved: boolean): StatusRow => ({
  ...status,
  id: nextRowId++,
  saved,
  keyTyped: saved,
});

interface Props {
  rows: StatusRow[];
  onChange: (rows: StatusRow[]) => void;
  /** The server's errors by `<row id>.<field>`. */
  errors: Record<string, string>;
  /** An error about the list as a whole, such as a key given twice. */
  listError?: string;
  disabled: boolean;
}

/** The custom statuses orders can be given, in the order the menus show them. */
export const SettingsCustomStatuses = ({ rows, onChange, errors, listError, disabled }: Props) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.statuses.${key}`), defaultMessage });

  const update = (id: number, patch: Partial<StatusRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  // The key follows the Hungarian label, the shop's own, until typed by hand.
  const setLabel = (row: StatusRow, language: LabelLanguage, label: string) => {
    const labels = { ...row.labels, [language]: label };
    update(row.id, row.keyTyped || language !== 'hu' ? { labels, label: labels.hu } : { labels, label: labels.hu, key: suggestKey(label) });
  };
  const labelField = (row: StatusRow, language: LabelLanguage, name: string) => (
    <Td>
      <Field.Root name={`label-${language}-${row.id}`} error={errors[`${row.id}.labels.${language}`] ?? errors[`${row.id}.labels`]}>
        <Field.Input
          aria-label={name}
          value={row.labels[language]}
          onChange={(event) => setLabel(row, language, event.target.value)}
          disabled={disabled}
        />
        <Field.Error />
      </Field.Root>
    </Td>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {t('title', 'Custom statuses')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'explain',
            'A status beside the lifecycle state ("in delivery"…); it never changes what an order allows. A saved key cannot change: orders keep it.'
          )}
        </Typography>
      </Flex>
      {listError && <Typography textColor="danger600">{listError}</Typography>}
      <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
        <TableHeads columns={COLUMNS} />
        <Tbody>
          {rows.map((row, index) => (
            <Tr key={row.id}>
              {labelField(row, 'hu', t('label.hu', 'Label (Hungarian)'))}
              {labelField(row, 'en', t('label.en', 'Label (English)'))}
              <Td>
                <Field.Root name={`key-${row.id}`} error={errors[`${row.id}.key`]}>
                  <Field.Input
                    aria-label={t('key', 'Key')}
                    value={row.key}
                    onChange={(event) => update(row.id, { key: event.target.value, keyTyped: true })}
                    disabled={disabled || row.saved}
                  />
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <Field.Root name={`color-${row.id}`} error={errors[`${row.id}.color`]}>
                  <Field.Input
                    aria-label={t('color', 'Colour')}
                    value={row.color}
                    onChange={(event) => update(row.id, { color: event.target.value })}
                    disabled={disabled}
                    startAction={
                      <input
                        type="color"
                        aria-label={t('color.pick', 'Pick a colour')}
                        // The picker only takes #rrggbb; while the text is half-typed it shows black.
                        value={COLOUR.test(row.color) ? row.color.toLowerCase() : '#000000'}
                        onChange={(event) => update(row.id, { color: event.target.value })}
                        disabled={disabled}
                        style={{ width: '2.4rem', height: '2.4rem', padding: 0, border: 'none', background: 'none', cursor: 'pointer' }}
                      />
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                {customStatusLabel(row, locale).trim() && COLOUR.test(row.color) && (
                  <CustomStatusBadge label={customStatusLabel(row, locale)} color={row.color} />
                )}
              </Td>
              <Td>
                <Flex gap={1}>
                  <IconButton label={t('up', 'Move up')} onClick={() => move(index, -1)} disabled={disabled || index === 0} variant="ghost">
                    <ArrowUp />
                  </IconButton>
                  <IconButton
                    label={t('down', 'Move down')}
                    onClick={() => move(index, 1)}
                    disabled={disabled || index === rows.length - 1}
                    variant="ghost"
                  >
                    <ArrowDown />
                  </IconButton>
                  <IconButton
                    label={t('remove', 'Remove')}
                    onClick={() => onChange(rows.filter(({ id }) => id !== row.id))}
                    disabled={disabled}
                    variant="ghost"
                  >
                    <Trash />
                  </IconButton>
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          disabled={disabled}
          onClick={() => onChange([...rows, statusRow(readCustomStatus({ key: '', color: NEW_STATUS_COLOUR }), false)])}
        >
          {t('add', 'Add status')}
        </Button>
      </Box>
    </Flex>
  );
};
