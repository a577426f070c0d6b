export const PLUGIN_ID = 'orders';
