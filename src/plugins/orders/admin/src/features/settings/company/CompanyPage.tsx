import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Company, CompanyInput } from '../../../../../shared/contracts/settings';
import { FRESH } from '../../../api/base';
import { useGetOrdersSettingsQuery, useUpdateOrdersSettingsMutation } from '../../../api/settings';
import { PERMISSIONS } from '../../../permissions';
import { Panel } from '../../../ui/Card';
import { useApiErrorText } from '../../../ui/errors';
import { TextField } from '../../../ui/TextField';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { CompanyLogo } from './components/CompanyLogo';

/** The text fields of the form, in the order they show; the address's are flattened. */
const FIELDS = [
  ['name', 'Company name'],
  ['taxNumber', 'Tax number'],
  ['euVatNumber', 'EU VAT number'],
  ['bankAccount', 'Bank account number'],
  ['country', 'Country (two letters)'],
  ['postalCode', 'Postal code'],
  ['city', 'City'],
  ['street', 'Street address'],
  ['email', 'E-mail'],
  ['phone', 'Phone'],
  ['website', 'Website'],
] as const;

type TextKey = (typeof FIELDS)[number][0];
type CompanyForm = Record<TextKey, string> & { logo: number | null };

const ADDRESS_KEYS = ['country', 'postalCode', 'city', 'street'] as const;

const formOf = (company: Company): CompanyForm => ({
  name: company.name ?? '',
  taxNumber: company.taxNumber ?? '',
  euVatNumber: company.euVatNumber ?? '',
  bankAccount: company.bankAccount ?? '',
  country: company.address?.country ?? '',
  postalCode: company.address?.postalCode ?? '',
  city: company.address?.city ?? '',
  street: company.address?.street ?? '',
  email: company.email ?? '',
  phone: company.phone ?? '',
  website: company.website ?? '',
  logo: company.logo,
});

const orNull = (text: string) => text.trim() || null;

/** The company as the server takes it: empty fields as null, the address as one. */
const inputOf = (form: CompanyForm): CompanyInput => {
  const address = Object.fromEntries(ADDRESS_KEYS.map((key) => [key, orNull(form[key])]));
  return {
    name: orNull(form.name),
    taxNumber: orNull(form.taxNumber),
    euVatNumber: orNull(form.euVatNumber),
    bankAccount: orNull(form.bankAccount),
    address: Object.values(address).some(Boolean) ? address : null,
    email: orNull(form.email),
    phone: orNull(form.phone),
    website: orNull(form.website),
    logo: form.logo,
  };
};

/** The server names an address field "company.address.city"; the form has it as "city". */
const fieldOf = (path: string) => path.replace(/^company\.(address\.)?/, '');

const CompanyEditor = ({ saved }: { saved: Company }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`company.${key}`), defaultMessage });
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [update, { isLoading: saving }] = useUpdateOrdersSettingsMutation();
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.updateSettings);
  const [form, setForm] = useState(() => formOf(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const modified = JSON.stringify(inputOf(form)) !== JSON.stringify(inputOf(formOf(saved)));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data: answer, error } = await submit(update({ company: inputOf(form) }), {
      done: () => formatMessage({ id: getTranslation('common.saved'), defaultMessage: 'Saved' }),
    });
    if (error) {
      setErrors(Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([path, text]) => [fieldOf(path), text])));
      return;
    }
    setForm(formOf(answer.company));
    setErrors({});
  };

  const title = t('title', 'Company');
  return (
    <Page.Main aria-busy={saving}>
      <Page.Title>{title}</Page.Title>
      <form onSubmit={save} noValidate>
        <Layouts.Header
          title={title}
          subtitle={t('subtitle', 'The seller on every order document and invoice')}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={saving} disabled={!canUpdate || !modified}>
              {formatMessage({ id: getTranslation('common.save'), defaultMessage: 'Save' })}
            </Button>
          }
        />
        <Layouts.Content>
          <Panel>
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Typography variant="delta" tag="h2">
                {t('details', 'Seller details')}
              </Typography>
              <Grid.Root gap={5}>
                {FIELDS.map(([key, label]) => (
                  <Grid.Item key={key} col={6} s={12} direction="column" alignItems="stretch">
                    <TextField
                      name={key}
                      label={t(`field.${key}`, label)}
                      value={form[key]}
                      onChange={(value) => setForm((previous) => ({ ...previous, [key]: value }))}
                      error={errors[key]}
                      disabled={!canUpdate}
                    />
                  </Grid.Item>
                ))}
              </Grid.Root>
              <Box>
                <CompanyLogo
                  logo={form.logo}
                  onChange={(logo) => setForm((previous) => ({ ...previous, logo }))}
                  error={errors.logo}
                  disabled={!canUpdate}
                />
              </Box>
            </Flex>
          </Panel>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

const CompanyLoader = () => {
  const settings = useGetOrdersSettingsQuery(undefined, FRESH);
  if (settings.error) return <Page.Error />;
  if (!settings.currentData || settings.isFetching) return <Page.Loading />;
  return <CompanyEditor saved={settings.currentData.company} />;
};

/** Settings → Orders → Company: us, as documents and invoices name the seller. */
export const CompanyPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <CompanyLoader />
  </Page.Protect>
);
