import { Button, Checkbox, Flex, SingleSelect, SingleSelectOption, TextButton, Typography } from '@strapi/design-system';
import { useRBAC, useTable } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { MAX_BULK_ORDERS, type BulkOrderResult, type BulkOrders } from '../../../../../../shared/contracts/orders';
import { customStatusLabel, type CustomStatus } from '../../../../../../shared/contracts/settings';
import { ORDER_ACTIONS, type OrderAction } from '../../../../../../shared/domain/lifecycle';
import { useBulkOrdersMutation } from '../../../../api/orders';
import { PERMISSIONS } from '../../../../permissions';
import { FormModal } from '../../../../ui/FormModal';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';
import { BulkInvoiceButton } from '../../../invoices/bulk/BulkInvoiceButton';
import { bulkOrdersOf, exportQueryOf, type ListFilters, type Selection } from '../utils/bulk';
import { ACTION_BUTTONS, ACTION_PERMISSIONS } from '../../components/actionButtons';
import { BulkResultsDialog } from './BulkResultsDialog';
import { OrdersExportMenu } from './OrdersExportMenu';

/** The buttons of the bulk bar also set a custom status. */
const BULK_PERMISSIONS = [...ACTION_PERMISSIONS, ...PERMISSIONS.customStatus];

/** The "none" option of the custom status: keys start with a letter or digit, so this one cannot clash. */
const NONE = '_none';

/** A selected row of the orders list: Strapi's table keeps the row as it was given. */
interface SelectedOrder {
  id: string | number;
  number?: string;
}

interface Props {
  /** How many orders the list's filters find: "select all matching" selects them all. */
  total: number;
  filters: ListFilters;
  customStatuses: CustomStatus[];
  canInvoice: boolean;
}

/**
 * What the orders ticked in the list — or all the filters find — can be given at once: the
 * lifecycle buttons the role may press, a custom status, an export, invoices. Each order goes on
 * its own on the server; the results dialog says per order what was done and what was refused, and why.
 */
export const OrdersBulkBar = ({ total, filters, customStatuses, canInvoice }: Props) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(`list.bulk.${key}`), defaultMessage }, values);
  const selected = useTable('OrdersBulkBar', (state) => state.selectedRows) as SelectedOrder[];
  const rows = useTable('OrdersBulkBar', (state) => state.rows) as SelectedOrder[];
  const selectRow = useTable('OrdersBulkBar', (state) => state.selectRow);
  const { allowedActions: can, isLoading: loadingPermissions } = useRBAC(BULK_PERMISSIONS);
  const submit = useSubmit();
  const [run, { isLoading: running }] = useBulkOrdersMutation();
  // "All matching" holds for the filters it was chosen with: another filter, or no selection left, ends it.
  const filterKey = JSON.stringify(filters);
  const [allMatchingFor, setAllMatchingFor] = useState<string | null>(null);
  const allMatching = allMatchingFor === filterKey && selected.length > 0;
  const [asking, setAsking] = useState<OrderAction | null>(null);
  const [restock, setRestock] = useState(true);
  const [done, setDone] = useState<{ title: string; results: BulkOrderResult[] }>();

  if (selected.length === 0) return null;

  const selection: Selection = allMatching ? { all: true, filters } : { ids: selected.map((row) => String(row.id)) };
  const count = allMatching ? total : selected.length;
  const tooMany = count > MAX_BULK_ORDERS;
  const wholePage = rows.length > 0 && rows.every((row) => selected.some((one) => one.id === row.id));
  const actionLabel = (action: OrderAction) =>
    formatMessage({ id: getTranslation(`action.${action}`), defaultMessage: ACTION_BUTTONS[action].label });

  const clear = () => {
    setDone(undefined);
    setAllMatchingFor(null);
    selectRow([]);
  };

  const send = async (body: Omit<BulkOrders.Request, 'orders'>, title: string) => {
    const { data: results } = await submit(run({ ...body, orders: bulkOrdersOf(selection) } as BulkOrders.Request));
    setAsking(null);
    if (results) setDone({ title, results });
  };

  const setCustomStatus = (value: string | number) => {
    const customStatus = value === NONE ? null : String(value);
    const status = customStatuses.find((candidate) => candidate.key === customStatus);
    const label = status && customStatusLabel(status, locale);
    const title = label
      ? formatMessage({ id: getTranslation('order.customStatus.done'), defaultMessage: 'Custom status: {label}' }, { label })
      : formatMessage({ id: getTranslation('order.customStatus.cleared'), defaultMessage: 'Custom status cleared' });
    return send({ action: 'customStatus', customStatus }, title);
  };

  return (
    <Flex gap={2} wrap="wrap" paddingBottom={4} alignItems="center" aria-label={t('label', 'Selected orders')} role="toolbar">
      <Typography variant="omega" textColor="neutral600">
        {allMatching
          ? t('allSelected', 'All {total} matching orders selected', { total })
          : t('selected', '{count, plural, one {# order selected} other {# orders selected}}', { count })}
      </Typography>
      {!allMatching && wholePage && total > selected.length && (
        <TextButton onClick={() => setAllMatchingFor(filterKey)}>
          {t('selectAll', 'Select all {total} matching orders', { total })}
        </TextButton>
      )}
      {allMatching && <TextButton onClick={clear}>{t('clear', 'Clear selection')}</TextButton>}
      {tooMany && (
        <Typography variant="pi" textColor="danger600">
          {t('tooMany', 'A bulk action takes at most {max} orders: narrow the filters.', { max: MAX_BULK_ORDERS })}
        </Typography>
      )}
      {ORDER_ACTIONS.filter((action) => !loadingPermissions && can[ACTION_BUTTONS[action].allowedBy]).map((action) => (
        <Button
          key={action}
          size="S"
          variant={ACTION_BUTTONS[action].variant === 'default' ? 'secondary' : ACTION_BUTTONS[action].variant}
          startIcon={ACTION_BUTTONS[action].icon}
          disabled={tooMany || running}
          onClick={() => {
            setRestock(true);
            setAsking(action);
          }}
        >
          {actionLabel(action)}
        </Button>
      ))}
      {!loadingPermissions && can.canCustomStatus && customStatuses.length > 0 && (
        <SingleSelect
          size="S"
          aria-label={t('customStatus', 'Set custom status')}
          placeholder={t('customStatus', 'Set custom status')}
          value={undefined}
          onChange={setCustomStatus}
          disabled={tooMany || running}
        >
          <SingleSelectOption value={NONE}>
            {formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' })}
          </SingleSelectOption>
          {customStatuses.map((status) => (
            <SingleSelectOption key={status.key} value={status.key}>
              {customStatusLabel(status, locale)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      )}
      <OrdersExportMenu size="S" label={t('export', 'Export selected')} query={exportQueryOf(selection, filters.sort)} />
      {canInvoice && !allMatching && <BulkInvoiceButton />}

      {asking && (
        <FormModal
          title={t('confirm.title', '{action}: {count, plural, one {# order} other {# orders}}', { action: actionLabel(asking), count })}
          submitLabel={actionLabel(asking)}
          submitVariant={asking === 'fail' ? 'danger' : 'default'}
          submitting={running}
          onSubmit={() => send({ action: asking, ...(asking === 'fail' ? { restock } : {}) }, actionLabel(asking))}
          onClose={() => setAsking(null)}
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>
              {t(
                'confirm.explain',
                'Each order goes on its own, as if you pressed its button on its datasheet. An order that cannot go (its state, stock short) stays as it is; the results say why.'
              )}
            </Typography>
            {asking === 'fail' && (
              <Checkbox checked={restock} onCheckedChange={(checked: boolean | 'indeterminate') => setRestock(checked === true)}>
                {formatMessage({
                  id: getTranslation('order.fail.restockHint'),
                  defaultMessage: 'The lines of the order go back into stock.',
                })}
              </Checkbox>
            )}
          </Flex>
        </FormModal>
      )}
      {done && <BulkResultsDialog title={done.title} results={done.results} onClose={clear} />}
    </Flex>
  );
};
