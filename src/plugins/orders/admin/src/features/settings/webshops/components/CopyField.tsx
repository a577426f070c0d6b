import { Field, IconButton } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../../ui/translations';

/** A read-only value to paste into the shop (its secret, the inbound URL), with a copy button. */
export const CopyField = ({ name, label, value, hint }: { name: string; label: string; value: string; hint?: string }) => {
  const { formatMessage } = useIntl();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const copyValue = async () => {
    const copied = await copy(value);
    toggleNotification({
      type: copied ? 'success' : 'warning',
      message: formatMessage(
        copied
          ? { id: getTranslation('webshops.copied'), defaultMessage: 'Copied to the clipboard' }
          : { id: getTranslation('webshops.copyFailed'), defaultMessage: 'Could not copy: select the text and copy it by hand' }
      ),
    });
  };
  return (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Field.Input
        readOnly
        value={value}
        onFocus={(event) => event.target.select()}
        endAction={
          <IconButton
            label={formatMessage({ id: getTranslation('webshops.copy'), defaultMessage: 'Copy' })}
            variant="ghost"
            onClick={copyValue}
          >
            <Duplicate />
          </IconButton>
        }
      />
      <Field.Hint />
    </Field.Root>
  );
};
