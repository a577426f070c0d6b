import { useIntl } from 'react-intl';
import type { Problem } from '../utils/lines';
import { getTranslation } from '../utils/translations';

/** What is wrong with a field, in the admin's language; the server's own words when it refused. */
export const useProblemText = () => {
  const { formatMessage } = useIntl();
  return (problem: Problem | undefined, serverMessage: string | undefined): string | undefined => {
    if (!problem) return serverMessage;
    switch (problem.kind) {
      case 'required':
        return formatMessage({ id: getTranslation('items.problem.required'), defaultMessage: 'Required' });
      case 'notNumber':
        return formatMessage({ id: getTranslation('items.problem.notNumber'), defaultMessage: 'Not a number' });
      case 'decimals':
        return formatMessage(
          {
            id: getTranslation('items.problem.decimals'),
            defaultMessage: '{max, plural, =0 {Whole numbers only} one {At most # decimal} other {At most # decimals}}',
          },
          { max: problem.max }
        );
      case 'notPositive':
        return formatMessage({ id: getTranslation('items.problem.notPositive'), defaultMessage: 'Must be more than 0' });
      case 'percent':
        return formatMessage({ id: getTranslation('items.problem.percent'), defaultMessage: 'Between 0 and 100' });
    }
  };
};
