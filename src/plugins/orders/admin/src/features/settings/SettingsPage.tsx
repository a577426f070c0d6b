import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Settings } from '../../../../shared/contracts/settings';
import { FRESH } from '../../api/base';
import { useGetOrdersSettingsQuery, useUpdateOrdersSettingsMutation } from '../../api/settings';
import { PERMISSIONS } from '../../permissions';
import { Panel } from '../../ui/Card';
import { useApiErrorText } from '../../ui/errors';
import { LeaveGuard } from '../../ui/LeaveGuard';
import { getTranslation } from '../../ui/translations';
import { useSubmit } from '../../ui/useSubmit';
import { SettingsCustomStatuses, statusRow, type StatusRow } from './components/SettingsCustomStatuses';
import { SettingsInventory } from './components/SettingsInventory';
import { SettingsSegments } from './components/SettingsSegments';
import { SettingsUnits, unitRow, type UnitRow } from './components/SettingsUnits';
import { pinToRows } from './utils/rows';

/** What this page edits: the company and the invoices have pages of their own (company/, invoicing/). */
type EditedSettings = Omit<Settings, 'company' | 'invoicing'>;

interface SettingsForm extends Omit<EditedSettings, 'customStatuses' | 'units'> {
  statuses: StatusRow[];
  units: UnitRow[];
}

const formOf = (settings: Settings): SettingsForm => ({
  inventoryDriver: settings.inventoryDriver,
  allowNegativeStock: settings.allowNegativeStock,
  segments: settings.segments,
  statuses: settings.customStatuses.map((status) => statusRow(status, true)),
  units: settings.units.map(unitRow),
});

/** The settings in one shape and field order, without stray spaces: what is sent, and what is compared. */
const normalised = ({ inventoryDriver, allowNegativeStock, units, customStatuses, segments }: EditedSettings): EditedSettings => ({
  inventoryDriver,
  allowNegativeStock,
  units: units.map(({ unit, whole }) => ({ unit: unit.trim(), whole })),
  segments,
  customStatuses: customStatuses.map(({ key, labels, color }) => ({
    key: key.trim(),
    labels: { hu: labels.hu.trim(), en: labels.en.trim() },
    label: labels.hu.trim(),
    color: color.trim(),
  })),
});

const settingsOf = ({ statuses, ...form }: SettingsForm): EditedSettings => normalised({ ...form, customStatuses: statuses });

/** The form over the settings as saved, which the saved answer replaces (api/settings.ts). */
const SettingsEditor = ({ saved }: { saved: Settings }) => {
  const { formatMessage } = useIntl();
  const { fieldErrorsOf } = useApiErrorText();
  const submit = useSubmit();
  const [updateOrdersSettings, { isLoading: saving }] = useUpdateOrdersSettingsMutation();
  const {
    allowedActions: { canUpdate },
  } = useRBAC(PERMISSIONS.updateSettings);
  const [form, setForm] = useState(() => formOf(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const modified = JSON.stringify(settingsOf(form)) !== JSON.stringify(normalised(saved));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data: answer, error } = await submit(updateOrdersSettings(settingsOf(form)), {
      done: () => formatMessage({ id: getTranslation('common.saved'), defaultMessage: 'Saved' }),
    });
    if (error) {
      setErrors(pinToRows(pinToRows(fieldErrorsOf(error), 'customStatuses', form.statuses), 'units', form.units));
      return;
    }
    setForm(formOf(answer));
    setErrors({});
  };

  const title = formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'Orders settings' });

  return (
    <Page.Main aria-busy={saving}>
      <Page.Title>{title}</Page.Title>
      <LeaveGuard when={modified} />
      <form onSubmit={save} noValidate>
        <Layouts.Header
          title={title}
          subtitle={formatMessage({
            id: getTranslation('settings.subtitle'),
            defaultMessage:
              'How stock moves and its units are counted, the customers’ segments, and the custom statuses orders can be given',
          })}
          primaryAction={
            <Button type="submit" startIcon={<Check />} loading={saving} disabled={!canUpdate || !modified}>
              {formatMessage({ id: getTranslation('common.save'), defaultMessage: 'Save' })}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Panel>
              <SettingsInventory
                inventoryDriver={form.inventoryDriver}
                allowNegativeStock={form.allowNegativeStock}
                onChange={(patch) => setForm((previous) => ({ ...previous, ...patch }))}
                errors={errors}
                disabled={!canUpdate}
              />
            </Panel>
            <Panel>
              <SettingsUnits
                rows={form.units}
                onChange={(units) => setForm((previous) => ({ ...previous, units }))}
                errors={errors}
                disabled={!canUpdate}
              />
            </Panel>
            <Panel>
              <SettingsSegments
                segments={form.segments}
                onChange={(segments) => setForm((previous) => ({ ...previous, segments }))}
                errors={errors}
                disabled={!canUpdate}
              />
            </Panel>
            <Panel>
              <SettingsCustomStatuses
                rows={form.statuses}
                onChange={(statuses) => setForm((previous) => ({ ...previous, statuses }))}
                errors={errors}
                listError={errors.customStatuses}
                disabled={!canUpdate}
              />
            </Panel>
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};

/**
 * The form starts from the settings as the server has them now: while the page asks for them, a
 * copy another view still holds (the datasheet's) is not shown.
 */
const SettingsLoader = () => {
  const settings = useGetOrdersSettingsQuery(undefined, FRESH);
  if (settings.error) return <Page.Error />;
  if (!settings.currentData || settings.isFetching) return <Page.Loading />;
  return <SettingsEditor saved={settings.currentData} />;
};

/** Settings → Orders: the inventory driver, negative stock and the custom statuses. */
export const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <SettingsLoader />
  </Page.Protect>
);
