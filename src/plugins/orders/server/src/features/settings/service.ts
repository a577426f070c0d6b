import type { Core } from '@strapi/strapi';
import { DEFAULT_SETTINGS, type Settings, type SettingsInput } from '../../../../shared/contracts/settings';

const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'orders', key: 'settings' });

  return {
    async get(): Promise<Settings> {
      const stored = (await store().get({})) as Partial<Settings> | null;
      return { ...DEFAULT_SETTINGS, ...stored };
    },

    /** Merges the fields given; the others keep their value. */
    async update(patch: SettingsInput): Promise<Settings> {
      const settings: Settings = { ...(await this.get()), ...patch };
      await store().set({ value: settings });
      return settings;
    },
  };
};

export default createSettingsService;
