import type { InboxEntryDetailJson, InboxEntryJson } from '../../../../../shared/contracts/inbox';
import { isoOf } from '../../../core/database';
import type { InboxEntryRow } from './repository';

export const serializeEntry = (row: InboxEntryRow): InboxEntryJson => ({
  documentId: row.documentId,
  connection: { documentId: row.connection, name: row.connectionName },
  kind: row.kind,
  origin: row.origin,
  topic: row.topic ?? null,
  deliveryId: row.deliveryId ?? null,
  contentType: row.contentType ?? null,
  bodySize: row.bodySize,
  truncated: Boolean(row.truncated),
  state: row.state,
  error: row.error ?? null,
  flags: row.flags ?? [],
  attempts: row.attempts,
  orders: (row.orders ?? []).map(({ documentId, number }) => ({ documentId, number })),
  customers: (row.customers ?? []).map(({ documentId, name }) => ({ documentId, name })),
  receivedAt: isoOf(row.receivedAt),
  processedAt: row.processedAt ? isoOf(row.processedAt) : null,
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text when it is UTF-8 (JSON and XML are), else only its base64. */
const bodyOf = (base64: string | null): InboxEntryDetailJson['body'] => {
  if (base64 === null) return { text: null, base64: null };
  try {
    return { text: utf8.decode(Buffer.from(base64, 'base64')), base64: null };
  } catch {
    return { text: null, base64 };
  }
};

export const serializeEntryDetail = (row: InboxEntryRow): InboxEntryDetailJson => ({
  ...serializeEntry(row),
  headers: row.headers ?? {},
  body: bodyOf(row.body ?? null),
});
