import { Field } from '@strapi/design-system';

interface TextFieldProps extends Omit<Field.InputProps, 'name' | 'value' | 'onChange'> {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem to show under the field: ours, or the server's for this field. */
  error?: string;
  hint?: string;
  required?: boolean;
}

/** A labelled text input with its hint and its error, as every form of the plugin lays them out. */
export const TextField = ({ name, label, value, onChange, error, hint, required, ...input }: TextFieldProps) => (
  <Field.Root name={name} error={error} hint={hint} required={required}>
    <Field.Label>{label}</Field.Label>
    <Field.Input {...input} value={value} onChange={(event) => onChange(event.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
