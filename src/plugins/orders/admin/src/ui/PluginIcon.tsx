import { Archive, Mail, ShoppingCart } from '@strapi/icons';

export const PluginIcon = () => <ShoppingCart />;
export const InventoryIcon = () => <Archive />;
export const InboxIcon = () => <Mail />;
