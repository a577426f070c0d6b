/**
 * The inbox: every payload a webshop sent or we pulled, kept raw before it was read, with what
 * became of it — and the door to replay it.
 */
import { z } from 'zod';
import { text } from './fields';
import { pageQuery, type Answer, type ListAnswer } from './pages';

/**
 * received: stored, not yet read (or being read) · processed: applied, linked to its orders and customers ·
 * failed: could not be applied, the error named; replay once its cause is fixed · duplicate: the
 * same delivery or bytes as one already processed · ignored: older than what the order already
 * shows, or nothing to apply · rejected: refused before being read (wrong signature or token).
 */
export const INBOX_STATES = ['received', 'processed', 'failed', 'duplicate', 'ignored', 'rejected'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export const inboxListQuery = z.object({
  connection: text(64).optional(),
  state: z.enum(INBOX_STATES).optional(),
  /** An order's documentId: the entries that created or changed it. */
  order: text(64).optional(),
  /** A customer's documentId: the entries whose newsletter notices set them. */
  customer: text(64).optional(),
  ...pageQuery,
});
export type InboxListQuery = z.infer<typeof inboxListQuery>;

export interface InboxEntryJson {
  documentId: string;
  connection: { documentId: string; name: string };
  kind: string;
  origin: 'push' | 'pull';
  topic: string | null;
  deliveryId: string | null;
  contentType: string | null;
  bodySize: number;
  /** A refused body is kept only up to its first 64 KB. */
  truncated: boolean;
  state: InboxState;
  error: { code: string; message: string; path?: string } | null;
  flags: string[];
  attempts: number;
  orders: Array<{ documentId: string; number: string }>;
  /** The customers the entry's newsletter notices set (or made). */
  customers: Array<{ documentId: string; name: string }>;
  receivedAt: string;
  processedAt: string | null;
}

/** One entry with what was sent: the body as text (or base64 when it is not UTF-8), and the headers that matter. */
export interface InboxEntryDetailJson extends InboxEntryJson {
  headers: Record<string, string>;
  body: { text: string | null; base64: string | null };
}

export declare namespace ListInbox {
  type Query = z.input<typeof inboxListQuery>;
  type Response = ListAnswer<InboxEntryJson>;
}

export declare namespace GetInboxEntry {
  type Response = Answer<InboxEntryDetailJson>;
}

export declare namespace ReplayInboxEntry {
  type Response = Answer<InboxEntryDetailJson>;
}
