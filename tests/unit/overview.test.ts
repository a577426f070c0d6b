/** The glance at the day's pure side: the days it covers, its sums per currency, the chart's bars. */
import { chartBars } from '../../src/plugins/orders/admin/src/features/overview/utils/chart';
import en from '../../src/plugins/orders/admin/src/translations/en.json';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { coveredDays, glanceOf, SERIES_DAYS } from '../../src/plugins/orders/shared/domain/overview';

describe('coveredDays', () => {
  test('the chart’s 30 days, when the month began within them', () => {
    const days = coveredDays('2026-11-15');
    expect(days).toHaveLength(SERIES_DAYS);
    expect([days[0], days.at(-1)]).toEqual(['2026-10-17', '2026-11-15']);
  });

  test('back to the first of the month, when it began before them (the 31st)', () => {
    const days = coveredDays('2026-12-31');
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2026-12-01');
  });

  test('across a year’s end and a leap day', () => {
    expect(coveredDays('2027-01-05')[0]).toBe('2026-12-07');
    expect(coveredDays('2028-03-01')).toContain('2028-02-29');
  });
});

describe('glanceOf', () => {
  const row = (day: string, currency: string, orders: number, grossMinor: bigint) => ({ day, currency, orders, grossMinor });

  test('sums per currency in integers, beyond what a float keeps exactly', () => {
    const big = 2n ** 60n;
    const glance = glanceOf('2026-12-31', [
      row('2026-12-31', 'HUF', 2, big),
      row('2026-12-31', 'HUF', 1, 1n),
      row('2026-12-31', 'EUR', 1, 1250n),
      row('2026-12-01', 'HUF', 4, 10n),
      row('2026-11-30', 'HUF', 8, 100n),
    ]);
    expect(glance.day).toEqual([
      { currency: 'EUR', orders: 1, grossMinor: 1250n },
      { currency: 'HUF', orders: 3, grossMinor: big + 1n },
    ]);
    expect(glance.month).toEqual([
      { currency: 'EUR', orders: 1, grossMinor: 1250n },
      { currency: 'HUF', orders: 7, grossMinor: big + 11n },
    ]);
    expect(glance.series).toHaveLength(SERIES_DAYS);
    expect(glance.series[0]).toEqual({ day: '2026-12-02', sales: [] });
  });
});

describe('chartBars', () => {
  const series = [
    { day: '2026-11-13', sales: [] },
    { day: '2026-11-14', sales: [{ currency: 'HUF', orders: 1, revenue: '3000' }] },
    {
      day: '2026-11-15',
      sales: [
        { currency: 'EUR', orders: 2, revenue: '99999.99' },
        { currency: 'HUF', orders: 3, revenue: '9000' },
      ],
    },
  ];

  test('each day’s share of the highest, in the chart’s currency alone', () => {
    expect(chartBars(series, 'HUF')).toEqual([
      { day: '2026-11-13', orders: 0, revenue: '0', share: 0 },
      { day: '2026-11-14', orders: 1, revenue: '3000', share: 33.3 },
      { day: '2026-11-15', orders: 3, revenue: '9000', share: 100 },
    ]);
  });

  test('no sales at all: every bar empty, none divided by zero', () => {
    expect(chartBars([{ day: '2026-11-15', sales: [] }], 'HUF')).toEqual([{ day: '2026-11-15', orders: 0, revenue: '0', share: 0 }]);
  });
});

test('every message of the glance has both languages', () => {
  const keys = (messages: Record<string, string>) =>
    Object.keys(messages)
      .filter((key) => key.startsWith('overview.'))
      .sort();
  expect(keys(hu)).toEqual(keys(en));
  expect(keys(en).length).toBeGreaterThan(10);
});
