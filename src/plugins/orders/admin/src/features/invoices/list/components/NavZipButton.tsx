import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useInvoiceFiles } from '../../../../api/invoices';
import { DownloadButton } from '../../../../ui/DownloadButton';
import { getTranslation } from '../../../../ui/translations';

/**
 * "NAV XML (ZIP)": the InvoiceData XML of every invoice issued in the list's date range, for the
 * accountant or a NAV data request. The server asks for both ends, so until both are picked the
 * button says what it needs.
 */
export const NavZipButton = ({ from, to }: { from?: string; to?: string }) => {
  const { formatMessage } = useIntl();
  const files = useInvoiceFiles();
  return (
    <Flex gap={2}>
      {(!from || !to) && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('invoices.navZip.needsRange'),
            defaultMessage: 'Pick the issue dates to download their XML',
          })}
        </Typography>
      )}
      <DownloadButton
        label={formatMessage({ id: getTranslation('invoices.navZip'), defaultMessage: 'NAV XML (ZIP)' })}
        fileName={`nav-${from}-${to}.zip`}
        download={from && to ? () => files.navZip({ from, to }) : undefined}
      />
    </Flex>
  );
};
