import { TextButton } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { SEGMENTS } from '../../../../../../shared/domain/segments';
import { segmentLabel } from '../../../../ui/SegmentBadge';
import { getTranslation } from '../../../../ui/translations';
import { FilterSelect } from '../../../orders/list/components/OrdersListFilters';
import type { ConnectionOption } from '../../../orders/utils/webshop';
import type { CustomersListFilter, CustomersListFilters as Filters } from '../hooks/useCustomersListQuery';

interface Props {
  filters: Filters;
  /** The webshop connections; none (or a role that may not read them): no connection filter. */
  connections: ConnectionOption[];
  onChange: (changes: Filters) => void;
  onClear: () => void;
}

/** The filters above the customers list: segment and the webshop connection they came from. */
export const CustomersFilters = ({ filters, connections, onChange, onClear }: Props) => {
  const { formatMessage } = useIntl();
  const set = (key: CustomersListFilter) => (value: string | undefined) => onChange({ [key]: value });
  return (
    <>
      <FilterSelect
        label={formatMessage({ id: getTranslation('customers.filter.segment'), defaultMessage: 'Segment' })}
        value={filters.segment}
        onChange={set('segment')}
        options={SEGMENTS.map((segment) => ({ value: segment, label: segmentLabel(segment, formatMessage) }))}
      />
      {connections.length > 0 && (
        <FilterSelect
          label={formatMessage({ id: getTranslation('list.filter.connection'), defaultMessage: 'Webshop connection' })}
          value={filters.connection}
          onChange={set('connection')}
          options={connections}
        />
      )}
      {Object.values(filters).some(Boolean) && (
        <TextButton startIcon={<Cross />} onClick={onClear}>
          {formatMessage({ id: getTranslation('list.filter.clear'), defaultMessage: 'Clear filters' })}
        </TextButton>
      )}
    </>
  );
};
