import { Button, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { Pencil, User } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { AddressJson } from '../../../../../../shared/contracts/customers';
import type { OrderJson } from '../../../../../../shared/contracts/orders';
import { sameAddress } from '../../../../../../shared/domain/address';
import { TRACKING_STATES } from '../../../../../../shared/domain/lifecycle';
import { customerPath } from '../../../../paths';
import { PERMISSIONS } from '../../../../permissions';
import { Card } from '../../../../ui/Card';
import { getTranslation } from '../../../../ui/translations';
import { DEFAULT_DOCUMENT_LANGUAGE } from '../../../../../../shared/contracts/documents';
import { documentLanguageLabel, OrderDetailsForm } from '../../components/OrderDetailsForm';

/** The country's name in the admin's language ("HU" → "Magyarország"), or the code when unknown. */
const countryName = (code: string, locale: string) => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** "1052 Budapest, Váci utca 12., Magyarország": the order Hungarian envelopes use. */
export const addressText = (address: AddressJson | null, locale: string) => {
  if (!address) return null;
  const town = [address.postalCode, address.city].filter(Boolean).join(' ');
  const parts = [town, address.street, address.country && countryName(address.country, locale)].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
};

/** One datum in its cell of the card's grid: half a row, a whole one on narrow screens. */
export const Detail = ({ label, value, col = 6 }: { label: string; value: string | null | undefined; col?: number }) => (
  <Grid.Item col={col} s={12}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {/* A note keeps the lines it was typed in. */}
      <Typography textColor={value ? 'neutral800' : 'neutral500'} style={{ whiteSpace: 'pre-wrap' }}>
        {value || '—'}
      </Typography>
    </Flex>
  </Grid.Item>
);

/**
 * "Edit details", for a role that may update orders: on a draft every detail; once finalized the
 * contact details (and the tracking number once fulfilled), the lines and amounts staying as they
 * are. On a webshop's order the same corrections in any state: its lines, currency and state are the shop's.
 */
const EditDetails = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS.updateOrder);
  const [open, setOpen] = useState(false);
  if (!allowedActions.canUpdate) return null;
  return (
    <>
      <Button variant="tertiary" size="S" startIcon={<Pencil />} onClick={() => setOpen(true)}>
        {formatMessage({ id: getTranslation('order.details.edit'), defaultMessage: 'Edit details' })}
      </Button>
      {open && <OrderDetailsForm order={order} onClose={() => setOpen(false)} />}
    </>
  );
};

/** To the customer's datasheet (their other orders, their segment), for a role that may read customers. */
const CustomerLink = ({ order }: { order: OrderJson }) => {
  const { formatMessage } = useIntl();
  const { allowedActions } = useRBAC(PERMISSIONS.readCustomers);
  if (!order.customer || !allowedActions.canRead) return null;
  return (
    <LinkButton tag={Link} to={customerPath(order.customer.documentId)} variant="tertiary" size="S" startIcon={<User />}>
      {formatMessage({ id: getTranslation('order.customer.open'), defaultMessage: "Customer's datasheet" })}
    </LinkButton>
  );
};

/** Who ordered, where to bill and ship, and the header data of the order: currency, methods, the documents' language and note. */
export const OrderCustomerCard = ({ order }: { order: OrderJson }) => {
  const intl = useIntl();
  const { formatMessage, locale } = intl;
  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });
  const label = (key: string, defaultMessage: string) => text(`order.customer.${key}`, defaultMessage);
  const { customer } = order;

  return (
    <Card
      title={label('title', 'Customer and order details')}
      action={
        <Flex gap={2}>
          <CustomerLink order={order} />
          <EditDetails order={order} />
        </Flex>
      }
    >
      {!customer && <Typography textColor="neutral600">{label('none', 'No customer is given for this order.')}</Typography>}
      <Grid.Root gap={5}>
        {customer && (
          <>
            <Detail label={label('name', 'Name')} value={customer.name} />
            <Detail label={label('company', 'Company')} value={customer.company} />
            <Detail label={label('taxNumber', 'Tax number')} value={customer.taxNumber} />
            <Detail label={label('email', 'E-mail')} value={customer.email} />
            <Detail label={label('phone', 'Phone')} value={customer.phone} />
          </>
        )}
      </Grid.Root>
      {/* Where to bill and ship, and how: a block of its own under who ordered (an odd count above would pair them off). */}
      <Grid.Root gap={5}>
        <Detail label={text('order.billingAddress', 'Billing address')} value={addressText(order.billingAddress, locale)} />
        <Detail
          label={text('order.shippingAddress', 'Shipping address')}
          value={
            order.shippingAddress && sameAddress(order.billingAddress, order.shippingAddress)
              ? text('order.shippingAddress.same', 'Same as the billing address')
              : addressText(order.shippingAddress, locale)
          }
        />
        <Detail label={text('order.paymentMethod', 'Payment method')} value={order.paymentMethod} />
        <Detail label={text('order.shippingMethod', 'Shipping method')} value={order.shippingMethod} />
        {(order.trackingNumber || TRACKING_STATES.includes(order.state)) && (
          <Detail label={text('order.trackingNumber', 'Tracking number')} value={order.trackingNumber} col={12} />
        )}
        <Detail label={label('currency', 'Currency')} value={order.currency} />
        <Detail
          label={formatMessage({ id: getTranslation('order.language'), defaultMessage: 'Document language' })}
          value={documentLanguageLabel(intl, order.language ?? DEFAULT_DOCUMENT_LANGUAGE)}
        />
        <Detail label={label('note', 'Note')} value={order.note} col={12} />
      </Grid.Root>
    </Card>
  );
};
