import { Archive, ChartCircle, PriceTag } from '@strapi/icons';
import type { WidgetArgs } from '@strapi/strapi/admin';
import { CUSTOMERS_PATH, INBOX_PATH, INVENTORY_PATH, INVOICES_PATH, menuPath, ORDERS_LIST_PATH } from './paths';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { CustomersIcon, InboxIcon, InventoryIcon, InvoicesIcon, PluginIcon } from './ui/PluginIcon';
import { prefixKeys } from './ui/translations';

type Locale = string;

interface AdminApp {
  registerPlugin: (plugin: { id: string; name: string }) => void;
  addMenuLink: (link: Record<string, unknown>) => void;
  createSettingSection: (section: Record<string, unknown>, links: Array<Record<string, unknown>>) => void;
  widgets: { register: (widgets: WidgetArgs[]) => void };
}

// Pages load as Strapi asks of a link's Component: a dynamic import answering { default }, not
// an async function (which it warns about, and will stop taking). The menu as MiniCRM's: Orders,
// then Inventory, then Customers, then Invoices; the webshops' Inbox last.
export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: menuPath(ORDERS_LIST_PATH),
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Orders' },
      Component: () => import('./features/orders/App').then((mod) => ({ default: mod.App })),
      permissions: PERMISSIONS.readOrders,
    });
    app.addMenuLink({
      to: menuPath(INVENTORY_PATH),
      icon: InventoryIcon,
      intlLabel: { id: `${PLUGIN_ID}.inventory.title`, defaultMessage: 'Inventory' },
      Component: () => import('./features/inventory/App').then((mod) => ({ default: mod.InventoryApp })),
      permissions: PERMISSIONS.readInventory,
    });
    app.addMenuLink({
      to: menuPath(CUSTOMERS_PATH),
      icon: CustomersIcon,
      intlLabel: { id: `${PLUGIN_ID}.customers.title`, defaultMessage: 'Customers' },
      Component: () => import('./features/customers/App').then((mod) => ({ default: mod.CustomersApp })),
      permissions: PERMISSIONS.readCustomers,
    });
    app.addMenuLink({
      to: menuPath(INVOICES_PATH),
      icon: InvoicesIcon,
      intlLabel: { id: `${PLUGIN_ID}.invoices.title`, defaultMessage: 'Invoices' },
      Component: () => import('./features/invoices/App').then((mod) => ({ default: mod.InvoicesApp })),
      permissions: PERMISSIONS.readInvoices,
    });
    app.addMenuLink({
      to: menuPath(INBOX_PATH),
      icon: InboxIcon,
      intlLabel: { id: `${PLUGIN_ID}.inbox.title`, defaultMessage: 'Inbox' },
      Component: () => import('./features/inbox/App').then((mod) => ({ default: mod.InboxApp })),
      permissions: PERMISSIONS.readInbox,
    });
    app.createSettingSection({ id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Orders' } }, [
      {
        id: 'settings',
        to: `${PLUGIN_ID}`,
        intlLabel: { id: `${PLUGIN_ID}.settings.title`, defaultMessage: 'Orders settings' },
        Component: () => import('./features/settings/SettingsPage').then((mod) => ({ default: mod.SettingsPage })),
        permissions: PERMISSIONS.readSettings,
      },
      {
        id: 'webshops',
        // Not `orders/webshops`: Strapi's settings menu marks a link active for every path under it
        // (its NavLink has no `end`), so "Orders settings" (`orders`) was highlighted here too.
        to: `${PLUGIN_ID}-webshops`,
        intlLabel: { id: `${PLUGIN_ID}.webshops.title`, defaultMessage: 'Webshops' },
        Component: () => import('./features/settings/webshops/WebshopsPage').then((mod) => ({ default: mod.WebshopsPage })),
        permissions: PERMISSIONS.readConnections,
      },
      {
        id: 'company',
        to: `${PLUGIN_ID}-company`,
        intlLabel: { id: `${PLUGIN_ID}.company.title`, defaultMessage: 'Company' },
        Component: () => import('./features/settings/company/CompanyPage').then((mod) => ({ default: mod.CompanyPage })),
        permissions: PERMISSIONS.readSettings,
      },
      {
        id: 'invoicing',
        to: `${PLUGIN_ID}-invoicing`,
        intlLabel: { id: `${PLUGIN_ID}.settings.invoicing.title`, defaultMessage: 'Invoicing' },
        Component: () => import('./features/settings/invoicing/InvoicingPage').then((mod) => ({ default: mod.InvoicingPage })),
        permissions: PERMISSIONS.readSettings,
      },
      {
        id: 'templates',
        to: `${PLUGIN_ID}-templates`,
        intlLabel: { id: `${PLUGIN_ID}.templates.title`, defaultMessage: 'Templates' },
        Component: () => import('./features/settings/templates/TemplatesPage').then((mod) => ({ default: mod.TemplatesPage })),
        permissions: PERMISSIONS.readSettings,
      },
    ]);
    // The home page's glance at the day. Strapi shows a widget only to an admin who holds its
    // permissions, so each asks for the area it shows; a widget's component is the component
    // itself (not { default }).
    app.widgets.register([
      {
        id: 'sales',
        pluginId: PLUGIN_ID,
        icon: ChartCircle,
        title: { id: `${PLUGIN_ID}.overview.sales.title`, defaultMessage: 'Sales' },
        link: { label: { id: `${PLUGIN_ID}.overview.sales.link`, defaultMessage: 'Orders' }, href: ORDERS_LIST_PATH },
        component: () => import('./features/overview/SalesWidget').then((mod) => mod.SalesWidget),
        permissions: PERMISSIONS.readOrders,
      },
      {
        id: 'open-orders',
        pluginId: PLUGIN_ID,
        icon: PriceTag,
        title: { id: `${PLUGIN_ID}.overview.open.title`, defaultMessage: 'Open orders' },
        component: () => import('./features/overview/OpenOrdersWidget').then((mod) => mod.OpenOrdersWidget),
        permissions: PERMISSIONS.readOrders,
      },
      {
        id: 'low-stock',
        pluginId: PLUGIN_ID,
        icon: Archive,
        title: { id: `${PLUGIN_ID}.overview.lowStock.title`, defaultMessage: 'Low stock' },
        link: { label: { id: `${PLUGIN_ID}.overview.lowStock.link`, defaultMessage: 'Inventory' }, href: INVENTORY_PATH },
        component: () => import('./features/overview/LowStockWidget').then((mod) => mod.LowStockWidget),
        permissions: PERMISSIONS.readInventory,
      },
    ]);
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: Locale[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
