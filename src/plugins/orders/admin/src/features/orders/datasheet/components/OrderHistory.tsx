import { Box, Divider, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AddressJson } from '../../../../../../shared/contracts/customers';
import type { DocumentLanguage } from '../../../../../../shared/contracts/documents';
import type { DetailChange, HistoryEntry, OrderJson } from '../../../../../../shared/contracts/orders';
import type { CustomStatus } from '../../../../../../shared/contracts/settings';
import { ORDER_STATES, type OrderState } from '../../../../../../shared/domain/lifecycle';
import { ActorName } from '../../../../ui/ActorName';
import { Card } from '../../../../ui/Card';
import { OrderCustomStatusBadge, StateBadge } from '../../../../ui/badges';
import { formatDateTime } from '../../../../ui/format';
import { getTranslation } from '../../../../ui/translations';
import { documentLanguageLabel } from '../../components/OrderDetailsForm';
import { addressText } from './OrderCustomerCard';

/** What each kind of entry says happened, in English; the translations say it in Hungarian. */
const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Modified',
  'custom-status': 'Custom status changed',
  finalize: 'Finalized',
  edit: 'Reopened for editing',
  fulfil: 'Fulfilled',
  succeed: 'Marked as successful',
  fail: 'Marked as failed',
  'shop-update': 'Updated by the webshop',
  'shop-delete': 'Deleted in the webshop',
  invoice: 'Invoice issued',
  storno: 'Invoice stornoed',
};

/** Each detail an update lists, by the label the datasheet gives it. */
const DETAIL_LABELS: Record<string, [id: string, defaultMessage: string]> = {
  'customer.name': ['order.customer.name', 'Name'],
  'customer.email': ['order.customer.email', 'E-mail'],
  'customer.phone': ['order.customer.phone', 'Phone'],
  'customer.company': ['order.customer.company', 'Company'],
  'customer.taxNumber': ['order.customer.taxNumber', 'Tax number'],
  billingAddress: ['order.billingAddress', 'Billing address'],
  shippingAddress: ['order.shippingAddress', 'Shipping address'],
  currency: ['order.customer.currency', 'Currency'],
  paymentMethod: ['order.paymentMethod', 'Payment method'],
  shippingMethod: ['order.shippingMethod', 'Shipping method'],
  trackingNumber: ['order.trackingNumber', 'Tracking number'],
  language: ['order.language', 'Document language'],
  note: ['order.customer.note', 'Note'],
};

/** "Phone: +36 1 234 5678 → +36 30 999 8877", a line per detail an update changed. */
const Changes = ({ changes }: { changes: DetailChange[] }) => {
  const intl = useIntl();
  const { formatMessage, locale } = intl;
  const valueText = (field: string, value: DetailChange['from']) => {
    if (value === null) return formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' });
    if (typeof value === 'object') return addressText(value as AddressJson, locale) ?? '—';
    if (field === 'language') return documentLanguageLabel(intl, value as DocumentLanguage);
    return value;
  };
  return (
    <Box tag="ul" paddingBottom={3} style={{ listStyle: 'none', margin: 0, paddingLeft: 0 }}>
      {changes.map((change) => {
        const [id, defaultMessage] = DETAIL_LABELS[change.field] ?? [change.field, change.field];
        return (
          <Box tag="li" key={change.field} paddingBottom={1}>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: getTranslation('order.history.change'), defaultMessage: '{field}: {from} → {to}' },
                {
                  field: formatMessage({ id: getTranslation(id), defaultMessage }),
                  from: valueText(change.field, change.from),
                  to: valueText(change.field, change.to),
                }
              )}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
};

const isState = (value: string | null): value is OrderState => ORDER_STATES.includes(value as OrderState);

const CustomStatusValue = ({ value, customStatuses }: { value: string | null; customStatuses?: CustomStatus[] }) => {
  const { formatMessage } = useIntl();
  if (!value)
    return <Typography textColor="neutral600">{formatMessage({ id: getTranslation('common.none'), defaultMessage: 'None' })}</Typography>;
  return <OrderCustomStatusBadge statusKey={value} customStatuses={customStatuses} />;
};

const StateValue = ({ value }: { value: string }) => (isState(value) ? <StateBadge state={value} /> : <Typography>{value}</Typography>);

/** From → to. An edit of a draft stays a draft, so it shows only the state it is in. */
const Change = ({ entry, customStatuses }: { entry: HistoryEntry; customStatuses?: CustomStatus[] }) => {
  if (entry.action === 'custom-status')
    return (
      <Flex gap={2}>
        <CustomStatusValue value={entry.from} customStatuses={customStatuses} />
        <Typography textColor="neutral600">→</Typography>
        <CustomStatusValue value={entry.to} customStatuses={customStatuses} />
      </Flex>
    );
  return (
    <Flex gap={2}>
      {entry.from && entry.from !== entry.to && (
        <>
          <StateValue value={entry.from} />
          <Typography textColor="neutral600">→</Typography>
        </>
      )}
      {entry.to && <StateValue value={entry.to} />}
    </Flex>
  );
};

interface EntryProps {
  entry: HistoryEntry;
  customStatuses?: CustomStatus[];
  first: boolean;
}

const Entry = ({ entry, customStatuses, first }: EntryProps) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Box tag="li">
      {!first && <Divider />}
      <Flex paddingTop={3} paddingBottom={entry.note ? 2 : 3} justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Flex gap={3} wrap="wrap">
          <Typography fontWeight="bold">
            {formatMessage({
              id: getTranslation(`order.history.action.${entry.action}`),
              defaultMessage: ACTIONS[entry.action] ?? entry.action,
            })}
          </Typography>
          <Change entry={entry} customStatuses={customStatuses} />
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {formatDateTime(entry.at, locale)} · <ActorName actor={entry.actor} />
        </Typography>
      </Flex>
      {entry.restock !== undefined && (
        <Box paddingBottom={entry.externalStatus || entry.note ? 1 : 3}>
          <Typography variant="pi" textColor="neutral600">
            {entry.restock
              ? formatMessage({ id: getTranslation('order.history.restocked'), defaultMessage: 'The goods went back into stock.' })
              : formatMessage({
                  id: getTranslation('order.history.writtenOff'),
                  defaultMessage: 'The goods were written off: they did not go back into stock.',
                })}
          </Typography>
        </Box>
      )}
      {entry.changes && entry.changes.length > 0 && <Changes changes={entry.changes} />}
      {entry.externalStatus && (
        <Box paddingBottom={entry.note ? 1 : 3}>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              { id: getTranslation('order.history.externalStatus'), defaultMessage: 'Status in the shop: {status}' },
              { status: entry.externalStatus }
            )}
          </Typography>
        </Box>
      )}
      {entry.note && (
        <Box paddingBottom={3}>
          <Typography textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.note}
          </Typography>
        </Box>
      )}
    </Box>
  );
};

/** The order's history (Előzmények): every change, newest first, with who made it and why. */
export const OrderHistory = ({ order, customStatuses }: { order: OrderJson; customStatuses?: CustomStatus[] }) => {
  const { formatMessage } = useIntl();
  // The server appends entries as they happen, so the newest is the last one.
  const entries = [...order.history].reverse();
  return (
    <Card title={formatMessage({ id: getTranslation('order.history.title'), defaultMessage: 'History' })}>
      <Box tag="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries.map((entry, index) => (
          <Entry key={`${entry.at}-${index}`} entry={entry} customStatuses={customStatuses} first={index === 0} />
        ))}
      </Box>
    </Card>
  );
};
