import { DatePicker, MultiSelect, MultiSelectOption, SingleSelect, SingleSelectOption, TextButton } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { joinStates } from '../../../../../../shared/contracts/orders';
import { customStatusLabel, type CustomStatus } from '../../../../../../shared/contracts/settings';
import { ORDER_STATES } from '../../../../../../shared/domain/lifecycle';
import { dateOf, dayOf } from '../../../../ui/days';
import { getTranslation } from '../../../../ui/translations';
import { sourceLabel, SOURCES } from '../../utils/source';
import type { ConnectionOption } from '../../utils/webshop';
import type { OrdersListFilter, OrdersListFilters as Filters } from '../hooks/useOrdersListQuery';

type Option = { value: string; label: string };

const withCurrent = (options: Option[], current: string | undefined): Option[] =>
  current && !options.some(({ value }) => value === current) ? [...options, { value: current, label: current }] : options;

interface Props {
  filters: Filters;
  customStatuses: CustomStatus[];
  /** The webshop connections to filter by; none (no connection, or a role that may not read them): no filter. */
  connections: ConnectionOption[];
  onChange: (changes: Filters) => void;
  onClear: () => void;
}

/** The filters above the orders list: state, custom status, source, webshop connection and the creation date range. */
export const OrdersListFilters = ({ filters, customStatuses, connections, onChange, onClear }: Props) => {
  const { formatMessage, locale } = useIntl();
  const set = (key: OrdersListFilter) => (value: string | undefined) => onChange({ [key]: value });

  // A value in the URL that the lists do not know (a status removed from the settings, settings this
  // role cannot read, a future source) stays choosable, shown as is, so the filter never looks empty.
  const statusOptions = withCurrent(
    customStatuses.map((status) => ({ value: status.key, label: customStatusLabel(status, locale) })),
    filters.customStatus
  );
  const sourceOptions = withCurrent(
    SOURCES.map((source) => ({ value: source, label: sourceLabel(source, formatMessage) })),
    filters.source
  );

  // A fragment: the filters wrap in the action bar's row beside the search.
  return (
    <>
      <StatesFilter
        label={formatMessage({ id: getTranslation('list.filter.state'), defaultMessage: 'State' })}
        value={filters.state}
        onChange={set('state')}
        options={withCurrentStates(
          ORDER_STATES.map((state) => ({
            value: state,
            label: formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: state }),
          })),
          filters.state
        )}
      />
      <FilterSelect
        label={formatMessage({ id: getTranslation('list.filter.customStatus'), defaultMessage: 'Custom status' })}
        value={filters.customStatus}
        onChange={set('customStatus')}
        options={statusOptions}
      />
      <FilterSelect
        label={formatMessage({ id: getTranslation('list.filter.source'), defaultMessage: 'Source' })}
        value={filters.source}
        onChange={set('source')}
        options={sourceOptions}
      />
      {connections.length > 0 && (
        <FilterSelect
          label={formatMessage({ id: getTranslation('list.filter.connection'), defaultMessage: 'Webshop connection' })}
          value={filters.connection}
          onChange={set('connection')}
          options={connections}
        />
      )}
      {/* Each end of the range offers only the days the other allows: a range never ends before it starts. */}
      <DayFilter
        label={formatMessage({ id: getTranslation('list.filter.from'), defaultMessage: 'From date' })}
        day={filters.from}
        latest={filters.to}
        onChange={set('from')}
      />
      <DayFilter
        label={formatMessage({ id: getTranslation('list.filter.to'), defaultMessage: 'To date' })}
        day={filters.to}
        earliest={filters.from}
        onChange={set('to')}
      />
      {Object.values(filters).some(Boolean) && (
        <TextButton startIcon={<Cross />} onClick={onClear}>
          {formatMessage({ id: getTranslation('list.filter.clear'), defaultMessage: 'Clear filters' })}
        </TextButton>
      )}
    </>
  );
};

/** What every filter of the bar is: small, named by its placeholder, cleared with its own cross. */
const useFilterLook = (label: string, onChange: (value: undefined) => void) => {
  const { formatMessage } = useIntl();
  return {
    size: 'S' as const,
    'aria-label': label,
    placeholder: label,
    onClear: () => onChange(undefined),
    clearLabel: formatMessage({ id: getTranslation('list.filter.clearOne'), defaultMessage: 'Clear' }),
  };
};

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
}

/** A select whose placeholder is its name, cleared with its own cross. */
export const FilterSelect = ({ label, value, options, onChange }: FilterSelectProps) => {
  const look = useFilterLook(label, onChange);
  return (
    <SingleSelect
      {...look}
      value={value ?? null}
      onChange={(next) => onChange(String(next))}
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

/** The states of the URL's `state=` (comma-separated, as the server takes them). */
const statesOf = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

/** As withCurrent, for each state of the URL: one the server does not know is shown as is (and refused, the list says so). */
const withCurrentStates = (options: Option[], current: string | undefined) =>
  statesOf(current).reduce((all, state) => withCurrent(all, state), options);

/**
 * The state filter: one state or several (the home page's sales are three), kept in the URL as
 * one comma-separated `state=`; none chosen is no filter.
 */
const StatesFilter = ({ label, value, options, onChange }: FilterSelectProps) => {
  const look = useFilterLook(label, onChange);
  const chosen = statesOf(value);
  return (
    <MultiSelect
      {...look}
      value={chosen}
      // In the options' (the lifecycle's) order, whatever the order they were ticked in: one list, one URL.
      onChange={(next) =>
        onChange(next.length ? joinStates(options.map((option) => option.value).filter((state) => next.includes(state))) : undefined)
      }
      customizeContent={(states = []) =>
        `${label}: ${states.map((state) => options.find((option) => option.value === state)?.label ?? state).join(', ')}`
      }
    >
      {options.map((option) => (
        <MultiSelectOption key={option.value} value={option.value}>
          {option.label}
        </MultiSelectOption>
      ))}
    </MultiSelect>
  );
};

/** A day (YYYY-MM-DD) picked on the calendar: ui/days.ts converts it. */
interface DayFilterProps {
  label: string;
  day: string | undefined;
  /** The first and last days it offers (the range's other end). */
  earliest?: string;
  latest?: string;
  onChange: (day: string | undefined) => void;
}

export const DayFilter = ({ label, day, earliest, latest, onChange }: DayFilterProps) => {
  const { locale } = useIntl();
  const look = useFilterLook(label, onChange);
  const value = useMemo(() => dateOf(day), [day]);
  return (
    <DatePicker
      {...look}
      locale={locale}
      minDate={dateOf(earliest)}
      maxDate={dateOf(latest)}
      value={value}
      onChange={(date) => onChange(date ? dayOf(date) : undefined)}
    />
  );
};
