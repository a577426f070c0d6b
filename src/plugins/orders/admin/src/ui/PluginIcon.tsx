import { Archive, Files, Mail, PriceTag, User } from '@strapi/icons';

// Each menu entry its own picture; the shopping cart is the Marketplace's.
export const PluginIcon = () => <PriceTag />;
export const InventoryIcon = () => <Archive />;
export const InboxIcon = () => <Mail />;
export const CustomersIcon = () => <User />;
export const InvoicesIcon = () => <Files />;
