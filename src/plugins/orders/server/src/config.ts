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

export default {
  default: {
    timeZone: DEFAULT_TIME_ZONE,
    jobs: DEFAULT_JOBS_CONFIG,
    maxBodySize: DEFAULT_MAX_BODY_SIZE,
    webhookBodyLimit: 5 * 1024 * 1024,
    inboxRetentionDays: 90,
    encryptionKey: '',
  } satisfies PluginConfig,
  validator(config: PluginConfig) {
    if (!Number.isSafeInteger(config.maxBodySize) || config.maxBodySize < 1024) {
      throw new Error(`orders plugin: maxBodySize must be a whole number of bytes, at least 1024, not ${String(config.maxBodySize)}`);
    }
    if (!Number.isSafeInteger(config.webhookBodyLimit) || config.webhookBodyLimit < 1024) {
      throw new Error(
        `orders plugin: webhookBodyLimit must be a whole number of bytes, at least 1024, not ${String(config.webhookBodyLimit)}`
      );
    }
    if (!Number.isSafeInteger(config.inboxRetentionDays) || config.inboxRetentionDays < 1) {
      throw new Error(
        `orders plugin: inboxRetentionDays must be a whole number of days, at least 1, not ${String(config.inboxRetentionDays)}`
      );
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
    } catch {
      throw new Error(`orders plugin: timeZone "${config.timeZone}" is not a known time zone (e.g. Europe/Budapest)`);
    }
    const polling = config.jobs?.pollingIntervalSeconds;
    if (polling !== undefined && !(polling >= 0.1)) {
      throw new Error(`orders plugin: jobs.pollingIntervalSeconds must be at least 0.1 (not ${polling})`);
    }
  },
};
