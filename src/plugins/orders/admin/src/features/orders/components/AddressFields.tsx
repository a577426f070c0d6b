import { Box, Grid, Typography } from '@strapi/design-system';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { AddressJson } from '../../../../../shared/contracts/customers';
import { TextField } from '../../../ui/TextField';
import { getTranslation } from '../../../ui/translations';

export const ADDRESS_PARTS = ['postalCode', 'city', 'street', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
export type AddressForm = Record<AddressPart, string>;

/** The form's values of an address: empty texts where it has none. */
export const addressForm = (address: AddressJson | null | undefined): AddressForm => ({
  postalCode: address?.postalCode ?? '',
  city: address?.city ?? '',
  street: address?.street ?? '',
  country: address?.country ?? '',
});

/** The address as the server takes it: empty parts as null, an address without any part as null. */
export const addressOfForm = (form: AddressForm): AddressJson | null => {
  const address = Object.fromEntries(ADDRESS_PARTS.map((part) => [part, form[part].trim() || null])) as AddressJson;
  return ADDRESS_PARTS.some((part) => address[part]) ? address : null;
};

/** Settings → Company words the same parts: one label per part. */
const LABELS: Record<AddressPart, [id: string, defaultMessage: string]> = {
  postalCode: ['company.field.postalCode', 'Postal code'],
  city: ['company.field.city', 'City'],
  street: ['company.field.street', 'Street address'],
  country: ['company.field.country', 'Country (two letters)'],
};

interface AddressFieldsProps {
  /** The address's path in the request ("billingAddress"): the server's field errors land on its parts. */
  path: string;
  title: string;
  value: AddressForm;
  onChange: (value: AddressForm) => void;
  errors: Partial<Record<string, string>>;
}

/** An address's four parts under its title, as a group named by it (a screen reader, a test, finds "Billing address"). */
export const AddressFields = ({ path, title, value, onChange, errors }: AddressFieldsProps) => {
  const { formatMessage } = useIntl();
  const titleId = useId();
  return (
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Box role="group" aria-labelledby={titleId}>
        <Box paddingBottom={2}>
          <Typography id={titleId} variant="sigma" textColor="neutral600">
            {title}
          </Typography>
        </Box>
        <Grid.Root gap={4}>
          {ADDRESS_PARTS.map((part) => (
            <Grid.Item key={part} col={part === 'street' || part === 'city' ? 8 : 4} xs={12} direction="column" alignItems="stretch">
              <TextField
                name={`${path}.${part}`}
                label={formatMessage({ id: getTranslation(LABELS[part][0]), defaultMessage: LABELS[part][1] })}
                value={value[part]}
                error={errors[`${path}.${part}`]}
                maxLength={part === 'country' ? 2 : undefined}
                onChange={(next) => onChange({ ...value, [part]: part === 'country' ? next.toUpperCase() : next })}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
      </Box>
    </Grid.Item>
  );
};
