/** The plugin's configuration is checked at start: a wrong or unknown option is an error naming it. */
import config from '../../src/plugins/orders/server/src/config';

const valid = () => structuredClone(config.default);
const problemOf = (change: (options: Record<string, unknown>) => void) => {
  const options = valid() as unknown as Record<string, unknown>;
  change(options);
  try {
    config.validator(options);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

test('the defaults pass, and so does a host app setting every option', () => {
  expect(problemOf(() => {})).toBeNull();
  expect(
    problemOf((options) =>
      Object.assign(options, { timeZone: 'Europe/Vienna', jobs: { work: false, pollingIntervalSeconds: 0.5 }, inboxRetentionDays: 30 })
    )
  ).toBeNull();
});

test.each([
  [
    'an unknown option',
    (o: Record<string, unknown>) => (o.timezone = 'Europe/Budapest'),
    /timezone is not an option \(the options are timeZone, jobs,/,
  ],
  [
    'an unknown option of jobs',
    (o: Record<string, unknown>) => ((o.jobs as Record<string, unknown>).enabled = false),
    /jobs\.enabled is not an option \(the options are work, pollingIntervalSeconds\)/,
  ],
  [
    'an unknown time zone',
    (o: Record<string, unknown>) => (o.timeZone = 'Europe/Budapesht'),
    /timeZone "Europe\/Budapesht" is not a known time zone/,
  ],
  ['a body limit that is not a number', (o: Record<string, unknown>) => (o.maxBodySize = '1mb'), /maxBodySize must be a number of bytes/],
  ['a body limit too small', (o: Record<string, unknown>) => (o.webhookBodyLimit = 10), /webhookBodyLimit must be at least 1024 bytes/],
  [
    'retention of a fraction of a day',
    (o: Record<string, unknown>) => (o.inboxRetentionDays = 1.5),
    /inboxRetentionDays must be a whole number of days/,
  ],
  [
    'jobs switched with a string',
    (o: Record<string, unknown>) => ((o.jobs as Record<string, unknown>).work = 'yes'),
    /jobs\.work must be true or false/,
  ],
  [
    'polling too fast',
    (o: Record<string, unknown>) => ((o.jobs as Record<string, unknown>).pollingIntervalSeconds = 0),
    /jobs\.pollingIntervalSeconds must be at least 0\.1/,
  ],
])('%s is refused, named', (_, change, message) => {
  const problem = problemOf(change);
  expect(problem).toMatch(/^orders plugin config \(config\/plugins\): /);
  expect(problem).toMatch(message);
});
