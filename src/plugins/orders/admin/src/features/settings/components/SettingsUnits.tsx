import { Button, Checkbox, Field, Flex, IconButton, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Unit } from '../../../../../shared/domain/units';
import { TableHeads } from '../../../ui/tables';
import { getTranslation } from '../../../ui/translations';

/** A unit as edited: `id` keeps React's rows and the server's errors on the right unit while rows go. */
export interface UnitRow extends Unit {
  id: number;
}

let nextRowId = 0;
export const unitRow = (unit: Unit): UnitRow => ({ ...unit, id: nextRowId++ });

const column = (name: string, defaultMessage: string) => ({ id: `settings.units.${name}`, defaultMessage });
const COLUMNS = [column('unit', 'Unit'), column('whole', 'Counted in whole pieces'), column('actions', 'Actions')];

interface Props {
  rows: UnitRow[];
  onChange: (rows: UnitRow[]) => void;
  /** The server's errors by `<row id>.<field>`. */
  errors: Record<string, string>;
  disabled: boolean;
}

/** How each unit is counted: whole pieces refuse "2,5"; the others, and units not listed, keep three decimals. */
export const SettingsUnits = ({ rows, onChange, errors, disabled }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.units.${key}`), defaultMessage });
  const update = (id: number, patch: Partial<Unit>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {t('title', 'Units')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'explain',
            'A unit counted in whole pieces (db, doboz) refuses fractions in orders, stock and adjustments; the others (kg, m, l), and units not listed, keep three decimals. Webshop orders are never refused.'
          )}
        </Typography>
      </Flex>
      <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
        <TableHeads columns={COLUMNS} />
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.id}>
              <Td>
                <Field.Root name={`unit-${row.id}`} error={errors[`${row.id}.unit`]}>
                  <Field.Input
                    aria-label={t('unit', 'Unit')}
                    value={row.unit}
                    onChange={(event) => update(row.id, { unit: event.target.value })}
                    disabled={disabled}
                  />
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <Checkbox
                  aria-label={`${t('whole', 'Counted in whole pieces')}: ${row.unit}`}
                  checked={row.whole}
                  onCheckedChange={(checked) => update(row.id, { whole: checked === true })}
                  disabled={disabled}
                />
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
      <Flex>
        <Button
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => onChange([...rows, unitRow({ unit: '', whole: true })])}
          disabled={disabled}
        >
          {t('add', 'Add unit')}
        </Button>
      </Flex>
    </Flex>
  );
};
