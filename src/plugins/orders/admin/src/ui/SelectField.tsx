import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

interface SelectFieldProps {
  name: string;
  label: string;
  /** '' for none chosen. */
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}

/** A labelled select with its hint and its error, as TextField lays out a text input. */
export const SelectField = ({ name, label, value, options, onChange, error, hint, disabled }: SelectFieldProps) => (
  <Field.Root name={name} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value || undefined} onChange={(next: string | number) => onChange(String(next))} disabled={disabled}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
