import { Archive, ShoppingCart } from '@strapi/icons';

export const PluginIcon = () => <ShoppingCart />;
export const InventoryIcon = () => <Archive />;
