import { DatePicker, Field } from '@strapi/design-system';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { dateOf, dayOf } from './days';
import { getTranslation } from './translations';

interface DayFieldProps {
  name: string;
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  day: string;
  onChange: (day: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** A labelled day on the calendar with its hint and error, as Strapi's own date inputs lay it out. */
export const DayField = ({ name, label, day, onChange, error, hint, required }: DayFieldProps) => {
  const { formatMessage, locale } = useIntl();
  const value = useMemo(() => dateOf(day), [day]);
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        locale={locale}
        value={value}
        onChange={(date) => onChange(date ? dayOf(date) : '')}
        onClear={required ? undefined : () => onChange('')}
        clearLabel={formatMessage({ id: getTranslation('list.filter.clearOne'), defaultMessage: 'Clear' })}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
