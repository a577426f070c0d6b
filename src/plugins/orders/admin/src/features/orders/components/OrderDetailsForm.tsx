import { Box, Button, Field, Flex, Grid, Textarea, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useState, type ComponentProps } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { CustomerSummaryJson } from '../../../../../shared/contracts/customers';
import { DEFAULT_DOCUMENT_LANGUAGE, DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../../shared/contracts/documents';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import { useCreateOrderMutation, useUpdateOrderMutation } from '../../../api/orders';
import { datasheetPath } from '../../../paths';
import { PERMISSIONS } from '../../../permissions';
import { FormModal } from '../../../ui/FormModal';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useApiErrorText } from '../../../ui/errors';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { CustomerPicker, customerLine } from './CustomerPicker';

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

const LANGUAGE_WORDS: Record<DocumentLanguage, string> = { hu: 'Hungarian', en: 'English' };

/** A document language's name in the admin's language: "Magyar", "English". */
export const documentLanguageLabel = (intl: IntlShape, language: DocumentLanguage) =>
  intl.formatMessage({ id: getTranslation(`order.language.${language}`), defaultMessage: LANGUAGE_WORDS[language] });

interface OrderDetailsFormProps {
  /** The draft whose details are corrected; without it, a new order is created. */
  order?: OrderJson;
  onClose: () => void;
}

/**
 * The customer, the note and the documents' language of an order: "New order" creates a draft with no lines yet, for a new
 * customer, and opens its datasheet; on a draft's datasheet the same form corrects them (the
 * answer replaces the order shown: api/orders.ts).
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

  const text = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(key), defaultMessage });

  const save = async () => {
    if (!order && picked) {
      const given = values.note.trim() || null;
      const { data: created, error } = await submit(createOrder({ customerId: picked.documentId, note: given, language, items: [] }), {
        done: ({ number }) =>
          formatMessage({ id: getTranslation('newOrder.created'), defaultMessage: 'Order {number} created' }, { number }),
      });
      if (error) setErrors(fieldErrorsOf(error));
      else navigate(datasheetPath(created.documentId));
      return;
    }
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
      const { error } = await submit(updateOrder({ id: order.documentId, body: { customer, note: given('note'), language } }), {
        done: () => text('order.details.saved', 'Details saved'),
      });
      if (error) setErrors(fieldErrorsOf(error));
      else onClose();
      return;
    }
    const { data: created, error } = await submit(createOrder({ customer, note: given('note'), language, items: [] }), {
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
        {!order && canPick && (
          <Grid.Item col={12} direction="column" alignItems="stretch">
            {picked ? (
              <PickedCustomer customer={picked} error={errors.customerId} onChange={() => setPicked(null)} />
            ) : (
              <CustomerPicker onPick={setPicked} />
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
