import { Grid } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CustomerDetailJson } from '../../../../../../shared/contracts/customers';
import { useUpdateCustomerMutation } from '../../../../api/customers';
import { FormModal } from '../../../../ui/FormModal';
import { TextField } from '../../../../ui/TextField';
import { useApiErrorText } from '../../../../ui/errors';
import { getTranslation } from '../../../../ui/translations';
import { useSubmit } from '../../../../ui/useSubmit';

/** The fields, named as the request names them, so that the server's field errors land on them. */
const FIELDS = ['name', 'email', 'phone', 'company', 'taxNumber'] as const;
type FieldName = (typeof FIELDS)[number];

const LABELS: Record<FieldName, [id: string, defaultMessage: string]> = {
  name: ['newOrder.customer.name', 'Customer name'],
  email: ['newOrder.customer.email', 'Email'],
  phone: ['newOrder.customer.phone', 'Phone'],
  company: ['newOrder.customer.company', 'Company'],
  taxNumber: ['newOrder.customer.taxNumber', 'Tax number'],
};

/** Corrects a customer's contact data; the address goes back as it is (the request takes the data whole). */
export const CustomerContactForm = ({ customer, onClose }: { customer: CustomerDetailJson; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [updateCustomer, updating] = useUpdateCustomerMutation();
  const [values, setValues] = useState<Record<FieldName, string>>(
    () => Object.fromEntries(FIELDS.map((field) => [field, customer[field] ?? ''])) as Record<FieldName, string>
  );
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const text = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  const save = async () => {
    if (!values.name.trim()) {
      setErrors({ name: text('newOrder.nameRequired', "Enter the customer's name") });
      return;
    }
    // An empty field is sent as null: the server would refuse an empty e-mail address.
    const given = (field: FieldName) => values[field].trim() || null;
    const body = {
      name: values.name.trim(),
      email: given('email'),
      phone: given('phone'),
      company: given('company'),
      taxNumber: given('taxNumber'),
      address: customer.address,
    };
    const { error } = await submit(updateCustomer({ id: customer.documentId, body }), {
      done: () => text('customer.contact.saved', 'Contact data saved'),
    });
    if (error) setErrors(fieldErrorsOf(error));
    else onClose();
  };

  return (
    <FormModal
      title={text('customer.contact.edit', 'Edit contact data')}
      submitLabel={text('common.save', 'Save')}
      submitting={updating.isLoading}
      onSubmit={save}
      onClose={onClose}
    >
      <Grid.Root gap={4}>
        {FIELDS.map((field) => (
          <Grid.Item key={field} col={field === 'name' ? 12 : 6} xs={12} direction="column" alignItems="stretch">
            <TextField
              name={field}
              label={text(...LABELS[field])}
              value={values[field]}
              error={errors[field]}
              required={field === 'name'}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              onChange={(value) => setValues((previous) => ({ ...previous, [field]: value }))}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
    </FormModal>
  );
};
