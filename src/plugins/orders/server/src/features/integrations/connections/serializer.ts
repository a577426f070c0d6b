/** A connection's JSON: never its UNAS API key or feed password, only whether one is kept. */
import { PULL_INTERVAL, type ConnectionJson } from '../../../../../shared/contracts/connections';
import { DEFAULT_STATUS_MAPS } from '../../../../../shared/domain/status-map';
import { isoOf } from '../../../core/database';
import type { ConnectionRow } from './repository';

/**
 * Where the shop delivers its webhooks: the plugin's public webhook route. Shoprenter cannot sign
 * its deliveries, so it carries the secret as a token in the address instead.
 */
export const inboundUrlOf = (publicUrl: string, row: Pick<ConnectionRow, 'documentId' | 'kind' | 'secret'>) => {
  const url = `${publicUrl.replace(/\/+$/, '')}/api/orders/webhooks/${encodeURIComponent(row.documentId)}`;
  return row.kind === 'shoprenter' ? `${url}?token=${encodeURIComponent(row.secret)}` : url;
};

export const serializeConnection = (row: ConnectionRow, publicUrl: string): ConnectionJson => {
  const interval = row.pullIntervalMinutes ?? PULL_INTERVAL.default;
  return {
    documentId: row.documentId,
    name: row.name,
    kind: row.kind,
    enabled: Boolean(row.enabled),
    issueDocuments: Boolean(row.issueDocuments),
    secret: row.secret,
    inboundUrl: inboundUrlOf(publicUrl, row),
    statusMap: row.statusMap ?? DEFAULT_STATUS_MAPS[row.kind],
    shopUrl: row.shopUrl ?? null,
    unas: row.unasApiBase ? { apiBase: row.unasApiBase, hasApiKey: Boolean(row.unasApiKey), intervalMinutes: interval } : null,
    feed: row.feedUrl
      ? { url: row.feedUrl, username: row.feedUsername ?? null, hasPassword: Boolean(row.feedPassword), intervalMinutes: interval }
      : null,
    lastSync: row.lastSync ?? null,
    lastSyncedAt: row.lastSyncedAt == null ? null : isoOf(row.lastSyncedAt),
    rejectedCount: row.rejectedCount ?? 0,
    createdAt: isoOf(row.createdAt),
    updatedAt: isoOf(row.updatedAt),
  };
};
