import { Button, Field, Flex, Grid, NumberInput, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { PAYMENT_METHODS, type InvoiceSeriesJson, type PaymentMethod } from '../../../../../shared/contracts/invoices';
import type { Invoicing } from '../../../../../shared/contracts/settings';
import { DEFAULT_TIME_ZONE, yearIn } from '../../../../../shared/domain/calendar';
import { FRESH } from '../../../api/base';
import { useListInvoiceSeriesQuery } from '../../../api/invoices';
import { useGetOrdersSettingsQuery, useUpdateOrdersSettingsMutation } from '../../../api/settings';
import { PERMISSIONS } from '../../../permissions';
import { Panel } from '../../../ui/Card';
import { useApiErrorText } from '../../../ui/errors';
import { LeaveGuard } from '../../../ui/LeaveGuard';
import { SelectField } from '../../../ui/SelectField';
import { getTranslation } from '../../../ui/translations';
import { useSubmit } from '../../../ui/useSubmit';
import { paymentMethodLabel } from '../../invoices/utils/words';
import { pinToRows } from '../utils/rows';
import { InvoiceSeriesTable, seriesRow, type SeriesRow } from './components/InvoiceSeriesTable';

interface InvoicingForm extends Omit<Invoicing, 'series'> {
  rows: SeriesRow[];
}

const formOf = (invoicing: Invoicing): InvoicingForm => ({
  rows: invoicing.series.map((series) => seriesRow(series, true)),
  defaultSeries: invoicing.defaultSeries,
  dueDays: invoicing.dueDays,
  paymentMethod: invoicing.paymentMethod,
});

/** The settings as sent, in one shape and field order, without stray spaces: what is compared too. */
const normalised = ({ series, defaultSeries, dueDays, paymentMethod }: Invoicing): Invoicing => ({
  series: series.map(({ key, name, pattern }) => ({ key: key.trim(), name: name.trim(), pattern: pattern.trim() })),
  defaultSeries,
  dueDays,
  paymentMethod,
});

const invoicingOf = ({ rows, ...form }: InvoicingForm): Invoicing => normalised({ ...form, series: rows });

/** The form over the invoicing settings as saved, which the saved answer replaces (api/settings.ts). */
const InvoicingEditor = ({ saved, series }: { saved: Invoicing; series: InvoiceSeriesJson[] }) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.invoicing.${key}`), defaultMessage });
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [update, { isLoading: saving }] = useUpdateOrdersSettingsMutation();
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.updateSettings);
  const [form, setForm] = useState(() => formOf(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const modified = JSON.stringify(invoicingOf(form)) !== JSON.stringify(normalised(saved));
  const set = (patch: Partial<InvoicingForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const disabled = !canUpdate;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data: answer, error } = await submit(update({ invoicing: invoicingOf(form) }), {
      done: () => formatMessage({ id: getTranslation('common.saved'), defaultMessage: 'Saved' }),
    });
    if (error) {
      const byPath = pinToRows(fieldErrorsOf(error), 'invoicing.series', form.rows);
      setErrors(Object.fromEntries(Object.entries(byPath).map(([path, text]) => [path.replace(/^invoicing\./, ''), text])));
      return;
    }
    setForm(formOf(answer.invoicing));
    setErrors({});
  };

  const title = t('title', 'Invoicing');
  return (
    <Page.Main aria-busy={saving}>
      <Page.Title>{title}</Page.Title>
      <LeaveGuard when={modified} />
      <form onSubmit={save} noValidate>
        <Layouts.Header
          title={title}
          subtitle={t('subtitle', 'The series that number the invoices, and what a new invoice starts from')}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={saving} disabled={disabled || !modified}>
              {formatMessage({ id: getTranslation('common.save'), defaultMessage: 'Save' })}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Panel>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography variant="delta" tag="h2">
                    {t('series.title', 'Series')}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {t(
                      'series.explain',
                      "Each series numbers its invoices without gaps and starts again every year. Its pattern holds '{year}' and '{seq}' once each ('{seq:5}': five digits). A saved series' key cannot change: its invoices keep it."
                    )}
                  </Typography>
                </Flex>
                <InvoiceSeriesTable
                  rows={form.rows}
                  onChange={(rows) => set({ rows })}
                  saved={series}
                  year={yearIn(new Date(), DEFAULT_TIME_ZONE)}
                  errors={errors}
                  listError={errors.series}
                  disabled={disabled}
                />
              </Flex>
            </Panel>
            <Panel>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {t('defaults.title', 'A new invoice')}
                </Typography>
                <Grid.Root gap={5}>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <SelectField
                      name="defaultSeries"
                      label={t('defaultSeries', 'Default series')}
                      value={form.defaultSeries}
                      onChange={(defaultSeries) => set({ defaultSeries })}
                      options={form.rows
                        .filter((row) => row.key.trim())
                        .map((row) => ({ value: row.key.trim(), label: row.name.trim() || row.key.trim() }))}
                      error={errors.defaultSeries}
                      disabled={disabled}
                    />
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Field.Root
                      name="dueDays"
                      error={errors.dueDays}
                      hint={t('dueDays.hint', 'The due date: the issue date plus these days')}
                    >
                      <Field.Label>{t('dueDays', 'Payment due after (days)')}</Field.Label>
                      <NumberInput value={form.dueDays} onValueChange={(value) => set({ dueDays: value ?? 0 })} disabled={disabled} />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <SelectField
                      name="paymentMethod"
                      label={t('paymentMethod', 'Default payment method')}
                      value={form.paymentMethod}
                      onChange={(value) => set({ paymentMethod: value as PaymentMethod })}
                      options={PAYMENT_METHODS.map((method) => ({ value: method, label: paymentMethodLabel(method, formatMessage) }))}
                      error={errors.paymentMethod}
                      disabled={disabled}
                    />
                  </Grid.Item>
                </Grid.Root>
              </Flex>
            </Panel>
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

/**
 * The form starts from the settings as the server has them now. The series' next numbers only
 * feed the preview: should they fail to load, the preview counts every series from 1.
 */
const InvoicingLoader = () => {
  const settings = useGetOrdersSettingsQuery(undefined, FRESH);
  const series = useListInvoiceSeriesQuery(undefined, FRESH);
  if (settings.error) return <Page.Error />;
  if (!settings.currentData || settings.isFetching || series.isLoading) return <Page.Loading />;
  return <InvoicingEditor saved={settings.currentData.invoicing} series={series.data ?? []} />;
};

/** Settings → Orders → Invoicing (Számlázás): the number series and a new invoice's defaults. */
export const InvoicingPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <InvoicingLoader />
  </Page.Protect>
);
