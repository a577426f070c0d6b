import { DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';

/**
 * The plugin's configuration in config/plugins.ts (`orders: { config: { … } }`), as opposed to
 * the settings a shop changes in the admin.
 */
export interface PluginConfig {
  /** The shop's time zone: the list's date filters mean its calendar days. */
  timeZone: string;
}

export default {
  default: { timeZone: DEFAULT_TIME_ZONE } satisfies PluginConfig,
  validator(config: PluginConfig) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
    } catch {
      throw new Error(`orders plugin: timeZone "${config.timeZone}" is not a known time zone (e.g. Europe/Budapest)`);
    }
  },
};
