import type { IntlShape } from 'react-intl';
import type { OrderConnectionJson } from '../../../../../shared/contracts/orders';
import { CONNECTION_KINDS } from '../../../../../shared/domain/status-map';
import { getTranslation } from '../../../ui/translations';
import { connectionKindLabel, connectionName } from './webshop';

/** Where orders come from: by hand, or a webshop of one of the kinds (a webshop order's source is its connection's kind). */
export const SOURCES: readonly string[] = ['manual', ...CONNECTION_KINDS];

/** An order's source in the admin's words: "manual" is ours to translate, a webshop kind has its name, anything else shows as it is. */
export const sourceLabel = (source: string, formatMessage: IntlShape['formatMessage']) =>
  source === 'manual'
    ? formatMessage({ id: getTranslation('source.manual'), defaultMessage: 'Manual' })
    : connectionKindLabel(source, formatMessage);

/** Where this order came from: a webshop order by its connection's name, any other by its source. */
export const orderSourceText = (
  order: { source: string; connection: OrderConnectionJson | null },
  formatMessage: IntlShape['formatMessage']
): string => (order.connection ? connectionName(order.connection, formatMessage) : sourceLabel(order.source, formatMessage));
