import type { Core } from '@strapi/strapi';
import type { SettingsInput } from '../contracts';
import type { InventoryDriver } from '../domain/stock-plan';

export interface CustomStatus {
  key: string;
  label: string;
  color: string;
}

export interface Settings {
  /** "orders": finalized orders hold stock; "invoices": issuing an invoice books it instead. */
  inventoryDriver: InventoryDriver;
  allowNegativeStock: boolean;
  customStatuses: CustomStatus[];
}

export const DEFAULT_SETTINGS: Settings = {
  inventoryDriver: 'orders',
  allowNegativeStock: false,
  customStatuses: [
    { key: 'processing', label: 'Feldolgozás alatt', color: '#0c75af' },
    { key: 'awaiting-confirmation', label: 'Visszaigazolásra vár', color: '#d9822f' },
    { key: 'in-delivery', label: 'Kiszállítás alatt', color: '#328048' },
  ],
};

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
