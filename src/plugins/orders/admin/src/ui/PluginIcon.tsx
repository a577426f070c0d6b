import { Archive, Mail, ShoppingCart, User } from '@strapi/icons';

export const PluginIcon = () => <ShoppingCart />;
export const InventoryIcon = () => <Archive />;
export const InboxIcon = () => <Mail />;
export const CustomersIcon = () => <User />;
