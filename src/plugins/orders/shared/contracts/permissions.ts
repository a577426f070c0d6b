/**
 * The admin RBAC actions of the plugin: one per button and per area, so that an administrator
 * decides per role who may press which button (Settings → Roles → Plugins → Orders).
 * Routes enforce them on the server; the admin reads the same list to enable its buttons.
 */
import type { OrderAction } from '../domain/lifecycle';

const PLUGIN = 'orders';

const orderActions = {
  read: 'Read',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  finalize: 'Finalize (Véglegesítés)',
  edit: 'Edit (Szerkesztés)',
  fulfil: 'Fulfil (Teljesítés)',
  succeed: 'Success (Sikeres)',
  fail: 'Failure (Sikertelen)',
  'custom-status': 'Set custom status',
} as const satisfies Record<string, string> & Record<OrderAction, string>;

const areas = {
  order: orderActions,
  inventory: { read: 'Read', manage: 'Manage (create, edit, adjust)' },
  settings: { read: 'Read', update: 'Update' },
  connection: { read: 'Read webshop connections', manage: 'Manage webshop connections (create, edit, rotate secret, sync, delete)' },
  inbox: { read: 'Read the webshop inbox', replay: 'Replay inbox entries' },
  customer: { read: 'Read customers (Ügyfelek megtekintése)', manage: 'Manage customers: edit, merge (Ügyfelek kezelése)' },
  document: {
    read: 'Read and download order documents (megrendelés-dokumentumok)',
    issue: 'Issue order documents: Reissue, Retry (újrakiállítás)',
  },
  invoice: {
    read: 'Read and download invoices, their PDF and NAV XML (számlák)',
    issue: 'Issue invoices (Számla kiállítása)',
    storno: 'Storno invoices (Sztornó)',
  },
} as const;

export type Area = keyof typeof areas;
export type ActionOf<A extends Area> = keyof (typeof areas)[A] & string;

/** The full action id that policies check: "plugin::orders.order.finalize". */
export const permission = <A extends Area>(area: A, action: ActionOf<A>): string => `plugin::${PLUGIN}.${area}.${action}`;

export const RBAC_ACTIONS = (Object.keys(areas) as Area[]).flatMap((area) =>
  Object.entries(areas[area]).map(([action, displayName]) => ({
    section: 'plugins',
    pluginName: PLUGIN,
    subCategory: area,
    uid: `${area}.${action}`,
    displayName,
  }))
);
