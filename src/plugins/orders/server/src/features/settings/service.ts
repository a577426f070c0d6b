import type { Core } from '@strapi/strapi';
import {
  DEFAULT_SETTINGS,
  EMPTY_COMPANY,
  readCustomStatus,
  type Company,
  type Settings,
  type SettingsInput,
} from '../../../../shared/contracts/settings';
import { invalidField } from '../../core/errors';

/** What a company as the request gave it (every field checked) becomes: the fields it left out are emptied. */
const companyOf = (input: NonNullable<SettingsInput['company']>): Company => {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { ...EMPTY_COMPANY, ...given, address: input.address ?? null };
};

const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'orders', key: 'settings' });

  /** The logo must be a file of the Media Library: documents read it from there. */
  const checkLogo = async (logo: number | null) => {
    if (logo === null) return;
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: logo }, select: ['id'] });
    if (!file) throw invalidField('company.logo', 'unknownFile', `no Media Library file ${logo}`, { id: String(logo) });
  };

  return {
    /** The settings as saved, with the defaults of what was never saved (a database from before a setting existed). */
    async get(): Promise<Settings> {
      const stored = (await store().get({})) as Partial<Settings> | null;
      return {
        ...DEFAULT_SETTINGS,
        ...stored,
        company: { ...EMPTY_COMPANY, ...stored?.company },
        // Saved before labels per language: a single label, read as both languages'.
        customStatuses: (stored?.customStatuses ?? DEFAULT_SETTINGS.customStatuses).map(readCustomStatus),
      };
    },

    /** Merges the fields given; the others keep their value. The company is given whole. */
    async update(patch: SettingsInput): Promise<Settings> {
      const { company, ...rest } = patch;
      const { customStatuses, ...others } = rest;
      const settings: Settings = { ...(await this.get()), ...others };
      if (customStatuses) settings.customStatuses = customStatuses.map(readCustomStatus);
      if (company) {
        settings.company = companyOf(company);
        await checkLogo(settings.company.logo);
      }
      await store().set({ value: settings });
      return settings;
    },
  };
};

export default createSettingsService;
