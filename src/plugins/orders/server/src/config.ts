import { z } from 'zod';
import { DEFAULT_MAX_BODY_SIZE } from '../../shared/contracts/requests';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';
import { DEFAULT_JOBS_CONFIG, type JobsConfig } from './core/jobs';

/**
 * The plugin's configuration in config/plugins.ts (`orders: { config: { … } }`), as opposed to
 * the settings a shop changes in the admin.
 */
export interface PluginConfig {
  /** The shop's time zone: the list's date filters mean its calendar days. */
  timeZone: string;
  /** How this process runs jobs (core/jobs). */
  jobs: JobsConfig;
  /** The largest request body the admin API reads, in bytes; a larger one answers 413. */
  maxBodySize: number;
  /** The largest body a webshop may deliver to the webhook route, in bytes (default 5 MB). */
  webhookBodyLimit: number;
  /** How many days processed inbox entries are kept (failed ones stay until resolved). Default 90. */
  inboxRetentionDays: number;
  /**
   * What the credentials of webshop connections are encrypted with (core/secret-box.ts): the app
   * hands over its ENCRYPTION_KEY secret. Read when a credential is, not at start, so that an
   * admin build needs none.
   */
  encryptionKey: string;
}

const isTimeZone = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const bytes = (name: string) =>
  z
    .number({ error: `${name} must be a number of bytes` })
    .int(`${name} must be a whole number of bytes`)
    .min(1024, `${name} must be at least 1024 bytes`);

/**
 * What config/plugins may set, and nothing else: a host app's misspelt or retired option is an
 * error naming it at start, never silently ignored.
 */
const CONFIG = z.strictObject({
  timeZone: z
    .string()
    .refine(isTimeZone, { error: (issue) => `timeZone "${String(issue.input)}" is not a known time zone (e.g. Europe/Budapest)` }),
  jobs: z.strictObject({
    work: z.boolean({ error: 'jobs.work must be true or false' }),
    pollingIntervalSeconds: z
      .number({ error: 'jobs.pollingIntervalSeconds must be a number' })
      .min(0.1, 'jobs.pollingIntervalSeconds must be at least 0.1'),
  }),
  maxBodySize: bytes('maxBodySize'),
  webhookBodyLimit: bytes('webhookBodyLimit'),
  inboxRetentionDays: z
    .number({ error: 'inboxRetentionDays must be a number of days' })
    .int('inboxRetentionDays must be a whole number of days')
    .min(1, 'inboxRetentionDays must be at least 1'),
  encryptionKey: z.string({ error: 'encryptionKey must be a string' }),
});

/** The options an object of the configuration takes: the top level's, or jobs'. */
const optionsAt = (path: PropertyKey[]) => Object.keys(path[0] === 'jobs' ? CONFIG.shape.jobs.shape : CONFIG.shape).join(', ');

/** One line per problem, each naming its option. */
const problemsOf = (error: z.ZodError) =>
  error.issues.map((issue) => {
    const at = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${at ? `${at}.` : ''}${key} is not an option (the options are ${optionsAt(issue.path)})`).join('; ');
    }
    return at && !issue.message.includes(at) ? `${at}: ${issue.message}` : issue.message;
  });

export default {
  default: {
    timeZone: DEFAULT_TIME_ZONE,
    jobs: DEFAULT_JOBS_CONFIG,
    maxBodySize: DEFAULT_MAX_BODY_SIZE,
    webhookBodyLimit: 5 * 1024 * 1024,
    inboxRetentionDays: 90,
    encryptionKey: '',
  } satisfies PluginConfig,
  /** Strapi calls it at start with config/plugins' `orders.config` over the defaults. */
  validator(config: unknown) {
    const result = CONFIG.safeParse(config);
    if (!result.success) throw new Error(`orders plugin config (config/plugins): ${problemsOf(result.error).join('; ')}`);
  },
};
