import { Button, type ButtonProps } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApiErrorText } from './errors';
import { saveAs } from './files';
import { getTranslation } from './translations';
import { useSubmit } from './useSubmit';

interface DownloadButtonProps extends Pick<ButtonProps, 'variant' | 'size' | 'disabled'> {
  label: string;
  fileName: string;
  /** Asks the server for the file (through the admin's fetch client: a plain link has no token); none: disabled. */
  download?: () => Promise<{ data: Blob }>;
}

/** A button that saves a file the admin API answers, and says why when it cannot. */
export const DownloadButton = ({ label, fileName, download, variant = 'secondary', disabled, ...button }: DownloadButtonProps) => {
  const { formatMessage } = useIntl();
  const { errorText } = useApiErrorText();
  const submit = useSubmit();
  const [loading, setLoading] = useState(false);

  const save = async () => {
    if (!download) return;
    setLoading(true);
    const { data: file } = await submit(download(), {
      // A failed blob request carries no server message: the fetch client keeps only the status.
      failed: (problem) =>
        formatMessage(
          { id: getTranslation('invoices.download.failed'), defaultMessage: 'The download failed ({reason}).' },
          { reason: problem.status === 0 || problem.status === 403 ? errorText(problem) : `HTTP ${problem.status}` }
        ),
    });
    setLoading(false);
    if (file) saveAs(file, fileName);
  };

  return (
    <Button {...button} variant={variant} startIcon={<Download />} onClick={save} loading={loading} disabled={disabled || !download}>
      {label}
    </Button>
  );
};
