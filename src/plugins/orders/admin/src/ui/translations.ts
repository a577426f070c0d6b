import { PLUGIN_ID } from '../pluginId';

/** Every key of the plugin's translations lives under "orders." in the admin's messages. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

export const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));
