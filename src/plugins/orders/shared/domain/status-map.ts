/**
 * How a shop's order status becomes a lifecycle state: each connection keeps a table of
 * external status → state (and optionally a custom status), seeded with its kind's defaults and
 * editable in the admin. A status the table does not know keeps the order's state and is flagged.
 */
import type { OrderState } from './lifecycle';

export const CONNECTION_KINDS = ['woocommerce', 'shoprenter', 'unas', 'xml'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** `ignored`: the shop's order is not one yet (WooCommerce's checkout-draft) and creates nothing. */
export type MappedState = OrderState | 'ignored';

export interface StatusMapEntry {
  /** Matched against the shop's status code, then its name (case-insensitive), then its type. */
  external: string;
  state: MappedState;
  customStatus?: string | null;
}

/** A shop's status as it sent it: WooCommerce's slug, Shoprenter's id and name, UNAS's id, name and type. */
export interface ShopStatus {
  code: string;
  name: string | null;
  type: string | null;
}

export const DEFAULT_STATUS_MAPS: Record<ConnectionKind, StatusMapEntry[]> = {
  woocommerce: [
    { external: 'pending', state: 'draft' },
    { external: 'processing', state: 'finalized' },
    { external: 'on-hold', state: 'finalized' },
    { external: 'completed', state: 'fulfilled' },
    { external: 'cancelled', state: 'failed' },
    { external: 'failed', state: 'failed' },
    { external: 'refunded', state: 'failed' },
    { external: 'trash', state: 'failed' },
    { external: 'checkout-draft', state: 'ignored' },
  ],
  // Shoprenter's statuses are the shop's own; only 1, "Pending", is the same everywhere.
  shoprenter: [{ external: '1', state: 'finalized' }],
  // UNAS's statuses are the shop's own too, but each has one of four types.
  unas: [
    { external: 'open_normal', state: 'finalized' },
    { external: 'open_prepare', state: 'finalized' },
    { external: 'close_ok', state: 'successful' },
    { external: 'close_fault', state: 'failed' },
  ],
  xml: [
    { external: 'Draft', state: 'draft' },
    { external: 'Issued', state: 'finalized' },
    { external: 'Completed', state: 'fulfilled' },
    { external: 'Paid', state: 'successful' },
    { external: 'Failed', state: 'failed' },
  ],
};

const same = (a: string, b: string | null) => b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The entry for the shop's status, or null when the table does not know it. */
export const mapStatus = (map: readonly StatusMapEntry[], status: ShopStatus): StatusMapEntry | null =>
  map.find((entry) => entry.external === status.code) ??
  map.find((entry) => same(entry.external, status.name)) ??
  map.find((entry) => same(entry.external, status.type)) ??
  null;
