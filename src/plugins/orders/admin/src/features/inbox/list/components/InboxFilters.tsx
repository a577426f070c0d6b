import { SingleSelect, SingleSelectOption, TextButton } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { INBOX_STATES } from '../../../../../../shared/contracts/inbox';
import { getTranslation } from '../../../../ui/translations';
import type { InboxFilter, InboxFilters as Filters } from '../hooks/useInboxListQuery';

type Option = { value: string; label: string };

interface Props {
  filters: Filters;
  /** The webshop connections to choose from: all of them, or those of the entries shown when the role cannot list connections. */
  connections: Option[];
  onChange: (changes: Filters) => void;
  onClear: () => void;
}

/** The filters above the inbox: the webshop connection and the state. */
export const InboxFilters = ({ filters, connections, onChange, onClear }: Props) => {
  const { formatMessage } = useIntl();
  const set = (key: InboxFilter) => (value: string | undefined) => onChange({ [key]: value });
  // A connection in the URL that the list does not know (deleted, or not readable) stays choosable, shown as its id.
  const connectionOptions =
    filters.connection && !connections.some(({ value }) => value === filters.connection)
      ? [...connections, { value: filters.connection, label: filters.connection }]
      : connections;

  return (
    <>
      <FilterSelect
        label={formatMessage({ id: getTranslation('inbox.filter.connection'), defaultMessage: 'Webshop connection' })}
        value={filters.connection}
        onChange={set('connection')}
        options={connectionOptions}
      />
      <FilterSelect
        label={formatMessage({ id: getTranslation('inbox.filter.state'), defaultMessage: 'State' })}
        value={filters.state}
        onChange={set('state')}
        options={INBOX_STATES.map((state) => ({
          value: state,
          label: formatMessage({ id: getTranslation(`inbox.state.${state}`), defaultMessage: state }),
        }))}
      />
      {Object.values(filters).some(Boolean) && (
        <TextButton startIcon={<Cross />} onClick={onClear}>
          {formatMessage({ id: getTranslation('list.filter.clear'), defaultMessage: 'Clear filters' })}
        </TextButton>
      )}
    </>
  );
};

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
}

/** A select whose placeholder is its name, cleared with its own cross. */
const FilterSelect = ({ label, value, options, onChange }: FilterSelectProps) => {
  const { formatMessage } = useIntl();
  return (
    <SingleSelect
      size="S"
      aria-label={label}
      placeholder={label}
      value={value ?? null}
      onChange={(next) => onChange(String(next))}
      onClear={() => onChange(undefined)}
      clearLabel={formatMessage({ id: getTranslation('list.filter.clearOne'), defaultMessage: 'Clear' })}
      customizeContent={() => `${label}: ${options.find((option) => option.value === value)?.label ?? value}`}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
