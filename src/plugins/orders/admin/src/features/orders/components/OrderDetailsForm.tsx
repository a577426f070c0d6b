import { Field, Grid, Textarea } from '@strapi/design-system';
import { useState, type ComponentProps } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import { useCreateOrderMutation, useUpdateOrderMutation } from '../../../api/orders';
import { datasheetPath } from '../../../paths';
import { FormModal } from '../../../ui/FormModal';
import { TextField } from '../../../ui/TextField';
import { useApiErrorText } from '../../../ui/errors';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';

/** The form's fields, named by their path in the request so the server's field errors land on them. */
type FieldPath = 'customer.name' | 'customer.email' | 'customer.phone' | 'customer.company' | 'customer.taxNumber' | 'note';

/** The form's values: a draft's own, or empty for a new order. */
const valuesOf = (order?: OrderJson): Record<FieldPath, string> => ({
  'customer.name': order?.customer?.name ?? '',
  'customer.email': order?.customer?.email ?? '',
  'customer.phone': order?.customer?.phone ?? '',
  'customer.company': order?.customer?.company ?? '',
  'customer.taxNumber': order?.customer?.taxNumber ?? '',
  note: order?.note ?? '',
});

interface OrderDetailsFormProps {
  /** The draft whose details are corrected; without it, a new order is created. */
  order?: OrderJson;
  onClose: () => void;
}

/**
 * The customer and the note of an order: "New order" creates a draft with no lines yet, for a new
 * customer, and opens its datasheet; on a draft's datasheet the same form corrects them (the
 * answer replaces the order shown: api/orders.ts).
 */
export const OrderDetailsForm = ({ order, onClose }: OrderDetailsFormProps) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [createOrder, creating] = useCreateOrderMutation();
  const [updateOrder, updating] = useUpdateOrderMutation();
  const [values, setValues] = useState(() => valuesOf(order));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  // Busy from the request until the form goes away: it closes, or the new draft's datasheet opens.
  const isSubmitting = creating.isLoading || creating.isSuccess || updating.isLoading || updating.isSuccess;

  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });

  const save = async () => {
    if (!values['customer.name'].trim()) {
      setErrors({ 'customer.name': text('newOrder.nameRequired', "Enter the customer's name") });
      return;
    }
    // An empty field is sent as null (no value): the server would refuse an empty e-mail address.
    const given = (path: FieldPath) => values[path].trim() || null;
    const customer = {
      name: values['customer.name'].trim(),
      email: given('customer.email'),
      phone: given('customer.phone'),
      company: given('customer.company'),
      taxNumber: given('customer.taxNumber'),
    };
    if (order) {
      const { error } = await submit(updateOrder({ id: order.documentId, body: { customer, note: given('note') } }), {
        done: () => text('order.details.saved', 'Details saved'),
      });
      if (error) setErrors(fieldErrorsOf(error));
      else onClose();
      return;
    }
    const { data: created, error } = await submit(createOrder({ customer, note: given('note'), items: [] }), {
      done: ({ number }) => formatMessage({ id: getTranslation('newOrder.created'), defaultMessage: 'Order {number} created' }, { number }),
    });
    if (error) setErrors(fieldErrorsOf(error));
    else navigate(datasheetPath(created.documentId));
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
        <GridTextField {...field('customer.name')} label={text('newOrder.customer.name', 'Customer name')} required col={12} />
        <GridTextField {...field('customer.email')} label={text('newOrder.customer.email', 'Email')} type="email" />
        <GridTextField {...field('customer.phone')} label={text('newOrder.customer.phone', 'Phone')} type="tel" />
        <GridTextField {...field('customer.company')} label={text('newOrder.customer.company', 'Company')} />
        <GridTextField {...field('customer.taxNumber')} label={text('newOrder.customer.taxNumber', 'Tax number')} />
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="note" error={errors.note}>
            <Field.Label>{text('newOrder.note', 'Note')}</Field.Label>
            <Textarea value={values.note} onChange={(event) => field('note').onChange(event.target.value)} />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
    </FormModal>
  );
};

/** Half a row by default, a whole row on narrow screens. */
const GridTextField = ({ col = 6, ...props }: ComponentProps<typeof TextField> & { col?: number }) => (
  <Grid.Item col={col} xs={12} direction="column" alignItems="stretch">
    <TextField {...props} />
  </Grid.Item>
);
