import { useId } from 'react';
import { TextField } from './TextField';

interface SuggestFieldProps {
  name: string;
  label: string;
  value: string;
  /** Offered as the user types (the browser's own list); any other text is taken too. */
  suggestions: readonly string[];
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
  maxLength?: number;
}

/** A free text with suggestions: the list a shop usually picks from, and room for its own words. */
export const SuggestField = ({ suggestions, ...field }: SuggestFieldProps) => {
  const listId = useId();
  return (
    <>
      <TextField {...field} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
    </>
  );
};
