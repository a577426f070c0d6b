import { Flex, Grid, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../../shared/contracts/invoices';
import type { OrderJson } from '../../../../../shared/contracts/orders';
import type { Invoicing } from '../../../../../shared/contracts/settings';
import { useIssueInvoiceMutation } from '../../../api/invoices';
import { invoicePath } from '../../../paths';
import { DayField } from '../../../ui/DayField';
import { useApiErrorText } from '../../../ui/errors';
import { FormModal } from '../../../ui/FormModal';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { ISSUE_FIELDS, issueFormOf, issueRequestOf, today, type IssueForm } from '../utils/invoicing';
import { paymentMethodLabel } from '../utils/words';

interface Props {
  order: OrderJson;
  /** Undefined for a role that may not read the settings: the server's defaults then apply. */
  invoicing?: Invoicing;
  onClose: () => void;
}

/**
 * Invoice (Számla): the invoice's dates, payment method, series and — for a foreign currency —
 * the exchange rate, each starting from the settings' defaults. A refusal's field errors show at
 * their fields; the seller's or the buyer's (missing company details, a buyer's tax number) above.
 * Once issued, the invoice's own page shows it.
 */

/** The invoice's three days, each a day field of its own. */
const DAYS = [
  ['issueDate', 'Issue date'],
  ['fulfilmentDate', 'Fulfilment date'],
  ['dueDate', 'Due date'],
] as const;

export const IssueInvoiceDialog = ({ order, invoicing, onClose }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(`invoices.${key}`), defaultMessage }, values);
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const navigate = useNavigate();
  const [issue, { isLoading }] = useIssueInvoiceMutation();
  const [form, setForm] = useState(() => issueFormOf(order, invoicing, today()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const foreign = order.currency !== 'HUF';

  const set = (key: keyof IssueForm) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  const others = Object.entries(errors).filter(([path]) => !(ISSUE_FIELDS as readonly string[]).includes(path));

  const send = async () => {
    const answer = await submit(issue({ id: order.documentId, body: issueRequestOf(form, order.currency) }), {
      done: (invoice) => t('issue.done', 'Invoice {number} issued', { number: invoice.number }),
    });
    if (answer.error) return setErrors(fieldErrorsOf(answer.error));
    navigate(invoicePath(answer.data.documentId));
  };

  return (
    <FormModal
      title={t('issue.title', 'Invoice order {number}', { number: order.number })}
      submitLabel={t('issue.confirm', 'Issue invoice')}
      submitting={isLoading}
      onSubmit={send}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {!invoicing && (
          <Typography variant="pi" textColor="neutral600">
            {t('issue.noSettings', 'Your role may not read the settings: the invoice takes their defaults.')}
          </Typography>
        )}
        {others.map(([path, text]) => (
          <Typography key={path} textColor="danger600">
            {text}
          </Typography>
        ))}
        <Grid.Root gap={4}>
          {DAYS.map(([name, label]) => (
            <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
              <DayField name={name} label={t(`field.${name}`, label)} day={form[name]} onChange={set(name)} error={errors[name]} />
            </Grid.Item>
          ))}
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SelectField
              name="paymentMethod"
              label={t('field.paymentMethod', 'Payment method')}
              value={form.paymentMethod}
              onChange={(value) => set('paymentMethod')(value as PaymentMethod)}
              options={PAYMENT_METHODS.map((method) => ({ value: method, label: paymentMethodLabel(method, formatMessage) }))}
              error={errors.paymentMethod}
            />
          </Grid.Item>
          {invoicing && invoicing.series.length > 1 && (
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <SelectField
                name="series"
                label={t('field.series', 'Series')}
                value={form.series}
                onChange={set('series')}
                options={invoicing.series.map(({ key, name }) => ({ value: key, label: name }))}
                error={errors.series}
              />
            </Grid.Item>
          )}
          {foreign && (
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <TextField
                name="exchangeRate"
                label={t('field.exchangeRate', 'Exchange rate (HUF per unit)')}
                hint={t('issue.exchangeRateHint', 'HUF per 1 {currency}', { currency: order.currency })}
                value={form.exchangeRate}
                onChange={set('exchangeRate')}
                error={errors.exchangeRate}
                inputMode="decimal"
                required
              />
            </Grid.Item>
          )}
        </Grid.Root>
      </Flex>
    </FormModal>
  );
};
