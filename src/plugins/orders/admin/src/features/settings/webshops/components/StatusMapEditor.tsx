import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { MAPPED_STATES } from '../../../../../../shared/contracts/connections';
import { customStatusLabel, readCustomStatus, type CustomStatus } from '../../../../../../shared/contracts/settings';
import type { MappedState, StatusMapEntry } from '../../../../../../shared/domain/status-map';
import { TableHeads } from '../../../../ui/tables';
import { getTranslation } from '../../../../ui/translations';

/** A row as edited: `id` keeps React's rows and the server's errors on the right entry. */
export interface StatusMapRow {
  id: number;
  external: string;
  state: MappedState;
  customStatus: string | null;
}

let nextRowId = 0;
export const statusMapRows = (entries: readonly StatusMapEntry[]): StatusMapRow[] =>
  entries.map((entry) => ({ id: nextRowId++, external: entry.external, state: entry.state, customStatus: entry.customStatus ?? null }));

export const statusMapOf = (rows: readonly StatusMapRow[]): StatusMapEntry[] =>
  rows.map(({ external, state, customStatus }) => ({ external: external.trim(), state, ...(customStatus ? { customStatus } : {}) }));

const NONE = '';
const COLUMNS = [
  { id: 'webshops.statusMap.external', defaultMessage: 'Status in the shop' },
  { id: 'webshops.statusMap.state', defaultMessage: 'State' },
  { id: 'webshops.statusMap.customStatus', defaultMessage: 'Custom status' },
  { id: 'webshops.statusMap.actions', defaultMessage: 'Actions' },
];

interface Props {
  rows: StatusMapRow[];
  onChange: (rows: StatusMapRow[]) => void;
  /** The kind's defaults, for "Reset to defaults". */
  defaults: readonly StatusMapEntry[];
  /** Null while the list cannot be read (a role without order reading): the saved keys still show. */
  customStatuses: CustomStatus[] | null;
  /** The server's errors by `<row id>.<field>`; `list` for the map as a whole. */
  errors: Record<string, string>;
  disabled: boolean;
}

/** Which lifecycle state (and custom status) a shop's status becomes. */
export const StatusMapEditor = ({ rows, onChange, defaults, customStatuses, errors, disabled }: Props) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`webshops.statusMap.${key}`), defaultMessage });
  const stateLabel = (state: MappedState) =>
    formatMessage({ id: getTranslation(state === 'ignored' ? 'webshops.statusMap.ignored' : `state.${state}`), defaultMessage: state });
  const update = (id: number, patch: Partial<StatusMapRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const statusOptions = (current: string | null) => {
    const known = customStatuses ?? [];
    return current && !known.some((status) => status.key === current) ? [...known, readCustomStatus({ key: current, color: '' })] : known;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" gap={2}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h3">
            {t('title', 'Status map')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('explain', 'Which state an order gets for each status of the shop. A status not listed leaves the order’s state as it is.')}
          </Typography>
        </Flex>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => onChange(statusMapRows(defaults))} disabled={disabled}>
          {t('reset', 'Reset to defaults')}
        </Button>
      </Flex>
      {errors.list && <Typography textColor="danger600">{errors.list}</Typography>}
      <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
        <TableHeads columns={COLUMNS} />
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td>
                <Field.Root name={`external-${row.id}`} error={errors[`${row.id}.external`]}>
                  <Field.Input
                    aria-label={t('external', 'Status in the shop')}
                    value={row.external}
                    onChange={(event) => update(row.id, { external: event.target.value })}
                    disabled={disabled}
                  />
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <Field.Root name={`state-${row.id}`} error={errors[`${row.id}.state`]}>
                  <SingleSelect
                    aria-label={t('state', 'State')}
                    value={row.state}
                    onChange={(state) => update(row.id, { state: state as MappedState })}
                    disabled={disabled}
                  >
                    {MAPPED_STATES.map((state) => (
                      <SingleSelectOption key={state} value={state}>
                        {stateLabel(state)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <Field.Root name={`customStatus-${row.id}`} error={errors[`${row.id}.customStatus`]}>
                  <SingleSelect
                    aria-label={t('customStatus', 'Custom status')}
                    value={row.customStatus ?? NONE}
                    onChange={(key) => update(row.id, { customStatus: key ? String(key) : null })}
                    disabled={disabled || (!customStatuses && !row.customStatus)}
                  >
                    <SingleSelectOption value={NONE}>
                      {formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' })}
                    </SingleSelectOption>
                    {statusOptions(row.customStatus).map((status) => (
                      <SingleSelectOption key={status.key} value={status.key}>
                        {customStatusLabel(status, locale)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <IconButton
                  label={t('remove', 'Remove')}
                  onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
                  disabled={disabled}
                  variant="ghost"
                >
                  <Trash />
                </IconButton>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => onChange([...rows, ...statusMapRows([{ external: '', state: 'finalized' }])])}
          disabled={disabled}
        >
          {t('add', 'Add status')}
        </Button>
      </Box>
    </Flex>
  );
};
