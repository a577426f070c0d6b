import type { IntlShape } from 'react-intl';
import { getTranslation } from '../../../ui/translations';

/** Where orders come from; webshop integrations will add theirs here. */
export const SOURCES = ['manual'];

/** An order's source in the admin's words: "manual" is ours to translate, a webshop's name is not. */
export const sourceLabel = (source: string, formatMessage: IntlShape['formatMessage']) =>
  source === 'manual' ? formatMessage({ id: getTranslation('source.manual'), defaultMessage: 'Manual' }) : source;
