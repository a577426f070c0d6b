/**
 * A webshop connection as the inbound side needs it: everything to verify a delivery, map its
 * status and pull the shop, secrets decrypted. Only the server ever sees this shape; the admin
 * API answers ConnectionJson, where the UNAS API key and the feed password are write-only.
 */
import type { ConnectionKind, StatusMapEntry } from '../../../../shared/domain/status-map';

export interface Connection {
  id: number;
  documentId: string;
  name: string;
  kind: ConnectionKind;
  enabled: boolean;
  /** Whether its orders are issued an order document when they first reach finalized. */
  issueDocuments: boolean;
  /** The shared secret: WooCommerce's and the XML push's HMAC key, UNAS's webhook key, Shoprenter's ?token=. */
  secret: string;
  statusMap: StatusMapEntry[];
  /** The shop's own address, for links to an order in its admin (WooCommerce, Shoprenter). */
  shopUrl: string | null;
  unas: { apiBase: string; apiKey: string } | null;
  feed: { url: string; username: string | null; password: string | null; intervalMinutes: number } | null;
  /** Until when the last successful pull read the shop: UNAS's next TimeModStart. */
  lastSyncedAt: Date | null;
}
