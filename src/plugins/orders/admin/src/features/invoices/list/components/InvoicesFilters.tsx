import { TextButton } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { INVOICE_STATES, type InvoiceSeriesJson } from '../../../../../../shared/contracts/invoices';
import { getTranslation } from '../../../../ui/translations';
import { DayFilter, FilterSelect } from '../../../orders/list/components/OrdersListFilters';
import type { InvoicesListFilter, InvoicesListFilters as Filters } from '../hooks/useInvoicesListQuery';

interface Props {
  filters: Filters;
  /** The series of the settings; one alone is no choice, so it gets no filter. */
  series: InvoiceSeriesJson[];
  onChange: (changes: Filters) => void;
  onClear: () => void;
}

/** The filters above the invoices list: state, series and the issue date's range. */
export const InvoicesFilters = ({ filters, series, onChange, onClear }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`invoices.filter.${key}`), defaultMessage });
  const set = (key: InvoicesListFilter) => (value: string | undefined) => onChange({ [key]: value });
  return (
    <>
      <FilterSelect
        label={t('state', 'State')}
        value={filters.state}
        onChange={set('state')}
        options={INVOICE_STATES.map((state) => ({
          value: state,
          label: formatMessage({ id: getTranslation(`invoices.state.${state}`), defaultMessage: state }),
        }))}
      />
      {(series.length > 1 || filters.series) && (
        <FilterSelect
          label={t('series', 'Series')}
          value={filters.series}
          onChange={set('series')}
          options={series.map(({ key, name }) => ({ value: key, label: name }))}
        />
      )}
      {/* Each end of the range offers only the days the other allows: a range never ends before it starts. */}
      <DayFilter label={t('from', 'Issued from')} day={filters.from} latest={filters.to} onChange={set('from')} />
      <DayFilter label={t('to', 'Issued until')} day={filters.to} earliest={filters.from} onChange={set('to')} />
      {Object.values(filters).some(Boolean) && (
        <TextButton startIcon={<Cross />} onClick={onClear}>
          {formatMessage({ id: getTranslation('list.filter.clear'), defaultMessage: 'Clear filters' })}
        </TextButton>
      )}
    </>
  );
};
