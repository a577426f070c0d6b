import { Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { isEditable } from '../../../../../../shared/domain/lifecycle';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { PERMISSIONS } from '../../../../permissions';
import { getTranslation } from '../../../../ui/translations';
import { OrderCard } from '../../../../ui/Card';
import { OrderDetailsForm } from '../../components/OrderDetailsForm';

/** The customer's address as the server keeps it (every part optional). */
interface Address {
  country?: string | null;
  postalCode?: string | null;
  city?: string | null;
  street?: string | null;
}

/** The country's name in the admin's language ("HU" → "Magyarország"), or the code when unknown. */
const countryName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** "1052 Budapest, Váci utca 12., Magyarország": the order Hungarian envelopes use. */
const addressText = (address: Address | null, locale: string) => {
  if (!address) return null;
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const parts = [town, address.street, address.country && countryName(address.country, locale)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
};

const Detail = ({ label, value }: { label: string; value: string | null | undefined }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {/* A note keeps the lines it was typed in. */}
    <Typography textColor={value ? 'neutral800' : 'neutral500'} style={{ whiteSpace: 'pre-wrap' }}>
      {value || '—'}
    </Typography>
  </Flex>
);

/** "Edit details", on a draft, for a role that may update orders: the customer and the note. */
const EditDetails = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS.updateOrder);
  const [open, setOpen] = useState(false);
  if (!isEditable(order.state) || !allowedActions.canUpdate) return null;
  return (
    <>
      <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('order.details.edit'), defaultMessage: 'Edit details' })}
      </Button>
      {open && <OrderDetailsForm order={order} onClose={() => setOpen(false)} />}
    </>
  );
};

/** Who ordered, and the header data of the order: currency and note. */
export const OrderCustomerCard = ({ order }: { order: OrderJson }) => {
  const { formatMessage, locale } = useIntl();
  const label = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`order.customer.${key}`), defaultMessage });
  const { customer } = order;

  return (
    <OrderCard title={label('title', 'Customer and order details')} action={<EditDetails order={order} />}>
      {!customer && (
        <Typography textColor="neutral600">{label('none', 'No customer is given for this order.')}</Typography>
      )}
      <Grid.Root gap={5}>
        {customer && (
          <>
            <Grid.Item col={6} s={12}>
              <Detail label={label('name', 'Name')} value={customer.name} />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Detail label={label('company', 'Company')} value={customer.company} />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Detail label={label('taxNumber', 'Tax number')} value={customer.taxNumber} />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Detail label={label('email', 'E-mail')} value={customer.email} />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Detail label={label('phone', 'Phone')} value={customer.phone} />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Detail
                label={label('address', 'Address')}
                value={addressText(customer.address as Address | null, locale)}
              />
            </Grid.Item>
          </>
        )}
        <Grid.Item col={6} s={12}>
          <Detail label={label('currency', 'Currency')} value={order.currency} />
        </Grid.Item>
        <Grid.Item col={12}>
          <Detail label={label('note', 'Note')} value={order.note} />
        </Grid.Item>
      </Grid.Root>
    </OrderCard>
  );
};
