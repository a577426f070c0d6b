import { Button, Flex, Typography } from '@strapi/design-system';
import { FilePdf } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import type { Settings } from '../../../../../shared/contracts/settings';
import { PERMISSIONS } from '../../../permissions';
import { getTranslation } from '../../../ui/translations';
import { canBeInvoiced, validInvoiceOf } from '../utils/invoicing';
import { IssueInvoiceDialog } from './IssueInvoiceDialog';

interface Props {
  order: OrderJson;
  settings?: Settings;
  /** Holds the button back, e.g. while the page has unsaved line changes. */
  disabled?: boolean;
}

/**
 * "Invoice" (Számla) on the order's datasheet, for a role that may issue invoices: pressable once
 * the order is fulfilled or successful and has no invoice in force; otherwise it says why not.
 */
export const OrderInvoiceButton = ({ order, settings, disabled = false }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`invoices.issue.${key}`), defaultMessage }, values);
  const {
    allowedActions: { canIssue },
    isLoading,
  } = useRBAC(PERMISSIONS.issueInvoices);
  const [open, setOpen] = useState(false);
  if (isLoading || !canIssue) return null;

  const invoice = validInvoiceOf(order);
  const why = invoice
    ? t('invoiced', 'The order has a valid invoice: {number}', { number: invoice.number })
    : !canBeInvoiced(order)
      ? t('notYet', 'An order is invoiced once it is fulfilled')
      : undefined;

  return (
    <Flex gap={2}>
      {why && (
        <Typography variant="pi" textColor="neutral600">
          {why}
        </Typography>
      )}
      <Button variant="secondary" startIcon={<FilePdf />} disabled={disabled || Boolean(why)} onClick={() => setOpen(true)}>
        {t('button', 'Invoice')}
      </Button>
      {open && canBeInvoiced(order) && <IssueInvoiceDialog order={order} invoicing={settings?.invoicing} onClose={() => setOpen(false)} />}
    </Flex>
  );
};
