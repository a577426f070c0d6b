import { Button, Field, Grid, Modal, Textarea, TextInput } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { apiErrorOf, fieldErrorsOf, useOrdersApi } from '../api';
import { getTranslation } from '../utils/translations';
import { datasheetPath } from './OrdersListQuery';

/** The customer's fields, named by their path in the request so the server's field errors land on them. */
const CUSTOMER_FIELDS = ['name', 'email', 'phone', 'company', 'taxNumber'] as const;
type CustomerField = (typeof CUSTOMER_FIELDS)[number];
type FieldPath = `customer.${CustomerField}` | 'note';

const EMPTY: Record<FieldPath, string> = {
  'customer.name': '',
  'customer.email': '',
  'customer.phone': '',
  'customer.company': '',
  'customer.taxNumber': '',
  note: '',
};

/** Creates a draft order with no lines yet, for a new customer, and opens its datasheet. */
export const NewOrderForm = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const api = useOrdersApi();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values['customer.name'].trim()) {
      setErrors({ 'customer.name': text('newOrder.nameRequired', "Enter the customer's name") });
      return;
    }
    // Empty optional fields are left out: the server checks what it is given (an empty email is invalid).
    const given = (path: FieldPath) => values[path].trim() || undefined;
    const customer = Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, given(`customer.${field}`)]));
    setSubmitting(true);
    try {
      const order = await api.createOrder({ customer, note: given('note'), items: [] });
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('newOrder.created'), defaultMessage: 'Order {number} created' }, { number: order.number }),
      });
      navigate(datasheetPath(order.documentId));
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(fieldErrorsOf(problem));
      toggleNotification({ type: 'danger', message: problem.message });
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
    <form onSubmit={submit} noValidate>
      <Modal.Header>
        <Modal.Title>{text('newOrder.title', 'New order')}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Grid.Root gap={4}>
          <TextField {...field('customer.name')} label={text('newOrder.customer.name', 'Customer name')} required col={12} />
          <TextField {...field('customer.email')} label={text('newOrder.customer.email', 'Email')} type="email" />
          <TextField {...field('customer.phone')} label={text('newOrder.customer.phone', 'Phone')} type="tel" />
          <TextField {...field('customer.company')} label={text('newOrder.customer.company', 'Company')} />
          <TextField {...field('customer.taxNumber')} label={text('newOrder.customer.taxNumber', 'Tax number')} />
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root name="note" error={errors.note}>
              <Field.Label>{text('newOrder.note', 'Note')}</Field.Label>
              <Textarea value={values.note} onChange={(event) => field('note').onChange(event.target.value)} />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{text('common.cancel', 'Cancel')}</Button>
        </Modal.Close>
        <Button type="submit" loading={isSubmitting}>
          {text('newOrder.submit', 'Create draft')}
        </Button>
      </Modal.Footer>
    </form>
  );
};

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  required?: boolean;
  type?: string;
  col?: number;
}

const TextField = ({ name, label, value, error, onChange, required, type = 'text', col = 6 }: TextFieldProps) => (
  <Grid.Item col={col} xs={12} direction="column" alignItems="stretch">
    <Field.Root name={name} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      <TextInput type={type} value={value} onChange={(event) => onChange(event.target.value)} />
      <Field.Error />
    </Field.Root>
  </Grid.Item>
);
