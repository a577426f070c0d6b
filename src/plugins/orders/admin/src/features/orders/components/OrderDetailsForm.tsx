import { Field, Grid, Textarea } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type ComponentProps } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { apiErrorOf, useOrdersApi, type OrderJson } from '../../../api/orders';
import { useApiErrorText } from '../../../ui/errors';
import { getTranslation } from '../../../ui/translations';
import { FormModal } from '../../../ui/FormModal';
import { datasheetPath } from '../list/hooks/useOrdersListQuery';
import { TextField } from '../../../ui/TextField';

/** The customer's fields, named by their path in the request so the server's field errors land on them. */
const CUSTOMER_FIELDS = ['name', 'email', 'phone', 'company', 'taxNumber'] as const;
type CustomerField = (typeof CUSTOMER_FIELDS)[number];
type FieldPath = `customer.${CustomerField}` | 'note';

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
  /** Told the draft as saved. */
  onSaved?: (order: OrderJson) => void;
}

/**
 * The customer and the note of an order: "New order" creates a draft with no lines yet, for a new
 * customer, and opens its datasheet; on a draft's datasheet the same form corrects them.
 */
export const OrderDetailsForm = ({ order, onClose, onSaved }: OrderDetailsFormProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { errorText, fieldErrorsOf } = useApiErrorText();
  const navigate = useNavigate();
  const api = useOrdersApi();
  const [values, setValues] = useState(() => valuesOf(order));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });

  const submit = async () => {
    if (!values['customer.name'].trim()) {
      setErrors({ 'customer.name': text('newOrder.nameRequired', "Enter the customer's name") });
      return;
    }
    // An empty field is sent as null (no value): the server would refuse an empty e-mail address.
    const given = (path: FieldPath) => values[path].trim() || null;
    const customer = Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, given(`customer.${field}`)]));
    setSubmitting(true);
    try {
      if (order) {
        onSaved?.(await api.updateOrder(order.documentId, { customer, note: given('note') }));
        toggleNotification({ type: 'success', message: text('order.details.saved', 'Details saved') });
        onClose();
        return;
      }
      const created = await api.createOrder({ customer, note: given('note'), items: [] });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('newOrder.created'), defaultMessage: 'Order {number} created' }, { number: created.number }),
      });
      navigate(datasheetPath(created.documentId));
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(fieldErrorsOf(problem));
      toggleNotification({ type: 'danger', message: errorText(problem) });
      setSubmitting(false);
    }
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
      onSubmit={submit}
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
