import { Box, Button, Checkbox, Field, Flex, Grid, Textarea, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useState, type ComponentProps } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { CustomerSummaryJson } from '../../../../../shared/contracts/customers';
import { DEFAULT_DOCUMENT_LANGUAGE, DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../../shared/contracts/documents';
import {
  COMMON_CURRENCIES,
  PAYMENT_METHOD_SUGGESTIONS,
  SHIPPING_METHOD_SUGGESTIONS,
  type OrderJson,
} from '../../../../../shared/contracts/orders';
import { sameAddress } from '../../../../../shared/domain/address';
import { isEditable, TRACKING_STATES } from '../../../../../shared/domain/lifecycle';
import { DEFAULT_CURRENCY } from '../../../../../shared/domain/money';
import { useCreateOrderMutation, useUpdateOrderMutation } from '../../../api/orders';
import { datasheetPath } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { FormModal } from '../../../ui/FormModal';
import { SelectField } from '../../../ui/SelectField';
import { SuggestField } from '../../../ui/SuggestField';
import { TextField } from '../../../ui/TextField';
import { useApiErrorText } from '../../../ui/errors';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { AddressFields, addressForm, addressOfForm } from './AddressFields';
import { CustomerPicker, customerLine } from './CustomerPicker';

/** The form's text fields, named by their path in the request so the server's field errors land on them. */
type FieldPath =
  | 'customer.name'
  | 'customer.email'
  | 'customer.phone'
  | 'customer.company'
  | 'customer.taxNumber'
  | 'currency'
  | 'paymentMethod'
  | 'shippingMethod'
  | 'trackingNumber'
  | 'note';

/** The form's values: the order's own, or empty for a new order. */
const valuesOf = (order?: OrderJson): Record<FieldPath, string> => ({
  'customer.name': order?.customer?.name ?? '',
  'customer.email': order?.customer?.email ?? '',
  'customer.phone': order?.customer?.phone ?? '',
  'customer.company': order?.customer?.company ?? '',
  'customer.taxNumber': order?.customer?.taxNumber ?? '',
  currency: order?.currency ?? DEFAULT_CURRENCY,
  paymentMethod: order?.paymentMethod ?? '',
  shippingMethod: order?.shippingMethod ?? '',
  trackingNumber: order?.trackingNumber ?? '',
  note: order?.note ?? '',
});

const LANGUAGE_WORDS: Record<DocumentLanguage, string> = { hu: 'Hungarian', en: 'English' };

/** A document language's name in the admin's language: "Magyar", "English". */
export const documentLanguageLabel = (intl: IntlShape, language: DocumentLanguage) =>
  intl.formatMessage({ id: getTranslation(`order.language.${language}`), defaultMessage: LANGUAGE_WORDS[language] });

const SHIPPING_WORDS: Record<(typeof SHIPPING_METHOD_SUGGESTIONS)[number], string> = {
  courier: 'Courier',
  parcelLocker: 'Parcel locker',
  post: 'Post',
  pickup: 'Personal pick-up',
};
const PAYMENT_WORDS: Record<(typeof PAYMENT_METHOD_SUGGESTIONS)[number], string> = {
  transfer: 'Bank transfer',
  cashOnDelivery: 'Cash on delivery',
  card: 'Card',
  cash: 'Cash',
};

interface OrderDetailsFormProps {
  /** The order whose details are corrected; without it, a new order is created. */
  order?: OrderJson;
  onClose: () => void;
}

/**
 * The customer, the addresses and the header of an order: "New order" creates a draft with no
 * lines yet and opens its datasheet; on a datasheet the same form corrects them (the answer
 * replaces the order shown: api/orders.ts). A draft takes every field; once finalized only the
 * contact details (customer, addresses) are corrected, and the tracking number once fulfilled —
 * the server holds the same rule (server/src/features/orders/details.ts).
 */
export const OrderDetailsForm = ({ order, onClose }: OrderDetailsFormProps) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [createOrder, creating] = useCreateOrderMutation();
  const [updateOrder, updating] = useUpdateOrderMutation();
  const [values, setValues] = useState(() => valuesOf(order));
  const [billing, setBilling] = useState(() => addressForm(order?.billingAddress));
  const [shipping, setShipping] = useState(() => addressForm(order?.shippingAddress));
  // Goods go where the bill does, unless the order says otherwise.
  const [shipToBilling, setShipToBilling] = useState(() => !order || sameAddress(order.billingAddress, order.shippingAddress));
  // What the order's documents are written in: the default template's language.
  const [language, setLanguage] = useState<DocumentLanguage>(order?.language ?? DEFAULT_DOCUMENT_LANGUAGE);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // New order: an existing customer picked instead of a new one's details (for a role that may read customers).
  const [picked, setPicked] = useState<CustomerSummaryJson | null>(null);
  const {
    allowedActions: { canRead: canPick },
  } = useRBAC(PERMISSIONS.readCustomers);
  // Busy from the request until the form goes away: it closes, or the new draft's datasheet opens.
  const isSubmitting = creating.isLoading || creating.isSuccess || updating.isLoading || updating.isSuccess;
  // A webshop's order takes the corrections of a finalized one in any state: its header is the shop's.
  const fromShop = Boolean(order?.connection);
  const isDraft = !fromShop && (!order || isEditable(order.state));
  const canTrack = order !== undefined && TRACKING_STATES.includes(order.state);
  // Lines are priced in the currency: it is chosen before the first line.
  const currencyLocked = order !== undefined && order.items.length > 0;

  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });

  const pick = (customer: CustomerSummaryJson) => {
    setPicked(customer);
    // The picked customer's address, to check or correct: the order keeps its own from here.
    if (!addressOfForm(billing)) setBilling(addressForm(customer.address));
  };

  /** What the form sends beside the customer: a draft's every field, a finalized order's addresses (and tracking number). */
  const bodyOf = () => {
    // An empty field is sent as null (no value): the server would refuse an empty e-mail address.
    const given = (path: FieldPath) => values[path].trim() || null;
    const billingAddress = addressOfForm(billing);
    const shippingAddress = shipToBilling ? billingAddress : addressOfForm(shipping);
    // New order: no address typed lets the server take the picked customer's.
    const addresses = !order && !billingAddress && !shippingAddress ? {} : { billingAddress, shippingAddress };
    const tracking = canTrack ? { trackingNumber: given('trackingNumber') } : {};
    if (!isDraft) return { ...addresses, ...tracking };
    const currency = values.currency.trim().toUpperCase() || DEFAULT_CURRENCY;
    return {
      ...addresses,
      // A draft without lines changes its currency with its (no) lines: the server asks for both.
      ...(currencyLocked ? {} : { currency, ...(order && currency !== order.currency ? { items: [] } : {}) }),
      paymentMethod: given('paymentMethod'),
      shippingMethod: given('shippingMethod'),
      note: given('note'),
      language,
    };
  };

  const save = async () => {
    const created = (answer: OrderJson) => {
      navigate(datasheetPath(answer.documentId));
    };
    const done = ({ number }: OrderJson) =>
      formatMessage({ id: getTranslation('newOrder.created'), defaultMessage: 'Order {number} created' }, { number });
    if (!order && picked) {
      const { data, error } = await submit(createOrder({ customerId: picked.documentId, ...bodyOf(), items: [] }), { done });
      if (error) setErrors(fieldErrorsOf(error));
      else created(data);
      return;
    }
    if (!values['customer.name'].trim()) {
      setErrors({ 'customer.name': text('newOrder.nameRequired', "Enter the customer's name") });
      return;
    }
    const given = (path: FieldPath) => values[path].trim() || null;
    const customer = {
      name: values['customer.name'].trim(),
      email: given('customer.email'),
      phone: given('customer.phone'),
      company: given('customer.company'),
      taxNumber: given('customer.taxNumber'),
      // The customer's own address goes back as it is: the order's are its own (a new customer's is the billing one).
      ...(order ? { address: order.customer?.address ?? null } : {}),
    };
    if (order) {
      const { error } = await submit(updateOrder({ id: order.documentId, body: { customer, ...bodyOf() } }), {
        done: () => text('order.details.saved', 'Details saved'),
      });
      if (error) setErrors(fieldErrorsOf(error));
      else onClose();
      return;
    }
    const { data, error } = await submit(createOrder({ customer, ...bodyOf(), items: [] }), { done });
    if (error) setErrors(fieldErrorsOf(error));
    else created(data);
  };

  const field = (path: FieldPath) => ({
    name: path,
    value: values[path],
    error: errors[path],
    onChange: (value: string) => setValues((previous) => ({ ...previous, [path]: value })),
  });

  return (
    <FormModal
      title={order ? text('order.customer.title', 'Customer and order details') : text('newOrder.title', 'New order')}
      submitLabel={order ? text('common.save', 'Save') : text('newOrder.submit', 'Create draft')}
      submitting={isSubmitting}
      onSubmit={save}
      onClose={onClose}
    >
      <Grid.Root gap={4}>
        {!isDraft && order && (
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Typography variant="pi" textColor="neutral600">
              {fromShop
                ? formatMessage(
                    {
                      id: getTranslation('order.details.webshopHint'),
                      defaultMessage:
                        'This order follows its webshop ({connection}): its lines, amounts and state come from there. Correct its contact details and addresses here; each correction goes into the history, and a newer change in the shop overwrites it.',
                    },
                    { connection: order.connection!.name }
                  )
                : formatMessage(
                    {
                      id: getTranslation('order.details.lockedHint'),
                      defaultMessage:
                        'This order is in the state {state}: its lines and amounts stay as they are. Correct its contact details and addresses here; each correction goes into the history.',
                    },
                    { state: formatMessage({ id: getTranslation(`state.${order.state}`), defaultMessage: order.state }) }
                  )}
            </Typography>
          </Grid.Item>
        )}
        {!order && canPick && (
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {picked ? (
              <PickedCustomer customer={picked} error={errors.customerId} onChange={() => setPicked(null)} />
            ) : (
              <CustomerPicker onPick={pick} />
            )}
          </Grid.Item>
        )}
        {!picked && (
          <>
            <GridTextField {...field('customer.name')} label={text('newOrder.customer.name', 'Customer name')} required col={12} />
            <GridTextField {...field('customer.email')} label={text('newOrder.customer.email', 'Email')} type="email" />
            <GridTextField {...field('customer.phone')} label={text('newOrder.customer.phone', 'Phone')} type="tel" />
            <GridTextField {...field('customer.company')} label={text('newOrder.customer.company', 'Company')} />
            <GridTextField {...field('customer.taxNumber')} label={text('newOrder.customer.taxNumber', 'Tax number')} />
          </>
        )}
        <AddressFields
          path="billingAddress"
          title={text('order.billingAddress', 'Billing address')}
          value={billing}
          onChange={setBilling}
          errors={errors}
        />
        <Grid.Item col={12} direction="column" alignItems="flex-start">
          <Checkbox checked={shipToBilling} onCheckedChange={(checked) => setShipToBilling(checked === true)}>
            {text('order.shippingSameAsBilling', 'Ship to the billing address')}
          </Checkbox>
        </Grid.Item>
        {!shipToBilling && (
          <AddressFields
            path="shippingAddress"
            title={text('order.shippingAddress', 'Shipping address')}
            value={shipping}
            onChange={setShipping}
            errors={errors}
          />
        )}
        {canTrack && (
          <GridTextField
            {...field('trackingNumber')}
            label={text('order.trackingNumber', 'Tracking number')}
            hint={text('order.trackingNumber.hint', 'The number the carrier gave the parcel')}
            col={12}
          />
        )}
        {isDraft && (
          <>
            <Grid.Item col={4} xs={12} direction="column" alignItems="stretch">
              <SuggestField
                {...field('currency')}
                label={text('order.customer.currency', 'Currency')}
                hint={
                  currencyLocked
                    ? text('order.currency.locked', 'The lines are priced in it: remove them to change the currency.')
                    : text('order.currency.hint', 'Three letters (ISO 4217): HUF, EUR, USD…')
                }
                suggestions={COMMON_CURRENCIES}
                disabled={currencyLocked}
                maxLength={3}
              />
            </Grid.Item>
            <Grid.Item col={4} xs={12} direction="column" alignItems="stretch">
              <SuggestField
                {...field('paymentMethod')}
                label={text('order.paymentMethod', 'Payment method')}
                hint={text('order.methods.hint', 'Pick one or type your own')}
                suggestions={PAYMENT_METHOD_SUGGESTIONS.map((key) => text(`invoices.paymentMethod.${key}`, PAYMENT_WORDS[key]))}
                maxLength={128}
              />
            </Grid.Item>
            <Grid.Item col={4} xs={12} direction="column" alignItems="stretch">
              <SuggestField
                {...field('shippingMethod')}
                label={text('order.shippingMethod', 'Shipping method')}
                hint={text('order.methods.hint', 'Pick one or type your own')}
                suggestions={SHIPPING_METHOD_SUGGESTIONS.map((key) => text(`order.shippingMethod.${key}`, SHIPPING_WORDS[key]))}
                maxLength={128}
              />
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <SelectField
                name="language"
                label={text('order.language', 'Document language')}
                hint={text('order.language.hint', 'What the order’s documents are written in')}
                value={language}
                options={DOCUMENT_LANGUAGES.map((value) => ({ value, label: documentLanguageLabel(intl, value) }))}
                onChange={(value) => setLanguage(value as DocumentLanguage)}
                error={errors.language}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Field.Root name="note" error={errors.note}>
                <Field.Label>{text('newOrder.note', 'Note')}</Field.Label>
                <Textarea value={values.note} onChange={(event) => field('note').onChange(event.target.value)} />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </>
        )}
      </Grid.Root>
    </FormModal>
  );
};

/** The existing customer New order will be for, with a way back to the search. */
const PickedCustomer = ({ customer, error, onChange }: { customer: CustomerSummaryJson; error?: string; onChange: () => void }) => {
  const { formatMessage } = useIntl();
  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Flex justifyContent="space-between" gap={2}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: getTranslation('newOrder.picker.picked'), defaultMessage: 'Existing customer' })}
          </Typography>
          <Typography fontWeight="semiBold">{customerLine(customer)}</Typography>
          {error && (
            <Typography variant="pi" textColor="danger600">
              {error}
            </Typography>
          )}
        </Flex>
        <Button variant="tertiary" size="S" onClick={onChange}>
          {formatMessage({ id: getTranslation('newOrder.picker.change'), defaultMessage: 'Change' })}
        </Button>
      </Flex>
    </Box>
  );
};

/** Half a row by default, a whole row on narrow screens. */
const GridTextField = ({ col = 6, ...props }: ComponentProps<typeof TextField> & { col?: number }) => (
  <Grid.Item col={col} xs={12} direction="column" alignItems="stretch">
    <TextField {...props} />
  </Grid.Item>
);
