import { Checkbox, Field, Flex, Grid, NumberInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ORDER_STATES } from '../../../../../shared/domain/lifecycle';
import type { Band, SegmentRules } from '../../../../../shared/domain/segments';
import { getTranslation } from '../../../ui/translations';

interface Props {
  segments: SegmentRules;
  onChange: (segments: SegmentRules) => void;
  errors: Record<string, string>;
  disabled: boolean;
}

type BandName = 'oneTime' | 'repeat' | 'loyal';
const BANDS: BandName[] = ['oneTime', 'repeat', 'loyal'];

/** The customers' segments: which states of an order count, and each band's days. */
export const SettingsSegments = ({ segments, onChange, errors, disabled }: Props) => {
  const { formatMessage, locale } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.segments.${key}`), defaultMessage });

  const setBand = (band: BandName, patch: Partial<Band>) => onChange({ ...segments, [band]: { ...segments[band], ...patch } });
  const toggleState = (state: (typeof ORDER_STATES)[number], counted: boolean) =>
    onChange({
      ...segments,
      countedStates: ORDER_STATES.filter((s) => (s === state ? counted : segments.countedStates.includes(s))),
    });

  /** A whole number of days or orders; an emptied field is sent as 0, which the server refuses at that field. */
  const number = (path: string, label: string, value: number, set: (value: number) => void) => (
    <Field.Root name={`segments.${path}`} error={errors[`segments.${path}`]}>
      <Field.Label>{label}</Field.Label>
      <NumberInput value={value} onValueChange={(next) => set(next ?? 0)} step={1} locale={locale} disabled={disabled} />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="delta" tag="h2">
          {t('title', 'Customer segments')}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t(
            'explain',
            'Segments are computed from the counted orders and the days since the last one; a change applies to everyone at the next daily pass.'
          )}
        </Typography>
        {errors.segments && (
          <Typography variant="pi" textColor="danger600">
            {errors.segments}
          </Typography>
        )}
      </Flex>
      <Field.Root name="segments.countedStates" error={errors['segments.countedStates']}>
        <Field.Label>{t('counted', 'Orders that count')}</Field.Label>
        <Flex gap={4} wrap="wrap">
          {ORDER_STATES.map((state) => (
            <Checkbox
              key={state}
              checked={segments.countedStates.includes(state)}
              onCheckedChange={(checked) => toggleState(state, checked === true)}
              disabled={disabled}
            >
              {formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: state })}
            </Checkbox>
          ))}
        </Flex>
        <Field.Error />
      </Field.Root>
      {BANDS.map((band) => (
        <Grid.Root key={band} gap={4}>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            <Typography fontWeight="semiBold">{t(`band.${band}`, band)}</Typography>
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            {band === 'oneTime' ? (
              <Typography variant="pi" textColor="neutral600">
                {t('band.oneTime.orders', 'From 1 order')}
              </Typography>
            ) : (
              number(`${band}.fromOrders`, t('fromOrders', 'From orders'), segments[band].fromOrders, (fromOrders) =>
                setBand(band, { fromOrders })
              )
            )}
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            {number(`${band}.activeDays`, t('activeDays', 'Active up to days'), segments[band].activeDays, (activeDays) =>
              setBand(band, { activeDays })
            )}
          </Grid.Item>
          <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
            {number(`${band}.passiveDays`, t('passiveDays', 'Passive up to days, then lost'), segments[band].passiveDays, (passiveDays) =>
              setBand(band, { passiveDays })
            )}
          </Grid.Item>
        </Grid.Root>
      ))}
      <Grid.Root gap={4}>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          <Typography fontWeight="semiBold">{t('band.none', 'No order yet')}</Typography>
        </Grid.Item>
        <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
          {number('inactiveAfterDays', t('inactiveAfterDays', 'Inactive after days'), segments.inactiveAfterDays, (inactiveAfterDays) =>
            onChange({ ...segments, inactiveAfterDays })
          )}
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
};
