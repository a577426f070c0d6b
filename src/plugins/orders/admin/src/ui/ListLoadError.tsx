import { Button, EmptyStateLayout } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ErrorJson } from '../../../shared/contracts/errors';
import { useApiErrorText } from './errors';
import { getTranslation } from './translations';

interface ListLoadErrorProps {
  /** What could not be loaded, in the user's words ("The orders could not be loaded."). */
  message: string;
  error: ErrorJson;
  onRetry: () => void;
}

/**
 * A list that could not be loaded. Shown below its filters rather than as a whole-page error, so
 * that a filter the server refuses can be changed right there.
 */
export const ListLoadError = ({ message, error, onRetry }: ListLoadErrorProps) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  return (
    <EmptyStateLayout
      hasRadius
      shadow="tableShadow"
      icon={<WarningCircle width="16rem" />}
      content={`${message} ${errorText(error)}`}
      action={
        <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRetry}>
          {formatMessage({ id: getTranslation('list.retry'), defaultMessage: 'Try again' })}
        </Button>
      }
    />
  );
};
