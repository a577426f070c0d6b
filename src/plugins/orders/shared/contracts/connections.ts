/**
 * Webshop connections (webshop-kapcsolat), Settings → Orders → Webshops: which shop sends or is
 * pulled for orders, the secret it signs with, and how its statuses map to the lifecycle.
 * The UNAS API key and the feed password are write-only: an answer says only whether one is kept.
 */
import { z } from 'zod';
import { ORDER_STATES } from '../domain/lifecycle';
import { CONNECTION_KINDS, type ConnectionKind, type MappedState, type StatusMapEntry } from '../domain/status-map';
import type { FieldErrorCode, Problem } from './errors';
import { ours, text } from './fields';
import type { Answer } from './pages';

export const MAPPED_STATES = [...ORDER_STATES, 'ignored'] as const satisfies readonly MappedState[];

/** How often a pulled shop (XML feed, UNAS) is read, in minutes. */
export const PULL_INTERVAL = { min: 5, max: 1440, default: 15 } as const;

/** The kinds the server pulls orders from on a schedule; the others push them (webhooks). */
export const PULLED_KINDS = ['unas', 'xml'] as const satisfies readonly ConnectionKind[];
export const isPulled = (kind: ConnectionKind): boolean => (PULLED_KINDS as readonly string[]).includes(kind);

const MAX_URL = 2000;

/** Whether `value` is an absolute http: or https: address. */
export const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
};

const httpUrl = text(MAX_URL).refine(isHttpUrl, { message: 'must be an http:// or https:// address', ...ours('notUrl') });

const statusMapEntry = z.strictObject({
  external: text(200).min(1),
  state: z.enum(MAPPED_STATES),
  customStatus: text(64).min(1).nullable().optional(),
});

export const statusMapInput = z
  .array(statusMapEntry)
  .max(200)
  .refine((entries) => new Set(entries.map((entry) => entry.external)).size === entries.length, {
    message: 'each external status may be listed once',
    ...ours('duplicateKeys'),
  });

const interval = z.number().int().min(PULL_INTERVAL.min).max(PULL_INTERVAL.max);

/** UNAS's API: its base address and the shop's API key (write-only; on update, left out keeps it). */
const unasInput = z.strictObject({
  apiBase: httpUrl,
  apiKey: text(500).min(1).optional(),
  intervalMinutes: interval.optional(),
});

/** An XML feed to pull: its address and basic-auth login (the password write-only; null clears it). */
const feedInput = z.strictObject({
  url: httpUrl,
  username: text(200).nullable().optional(),
  password: z.string().max(500).nullable().optional(),
  intervalMinutes: interval.optional(),
});

const fields = {
  name: text(100).min(1),
  enabled: z.boolean().optional(),
  /** Whether the shop's orders are issued an order document when they first reach finalized (default off: the shop sends its own). */
  issueDocuments: z.boolean().optional(),
  statusMap: statusMapInput.optional(),
  shopUrl: httpUrl.nullable().optional(),
  unas: unasInput.nullable().optional(),
  feed: feedInput.nullable().optional(),
};

/** What a connection of a kind holds, as the per-kind rules read it. */
export interface KindFields {
  shopUrl?: string | null;
  unas?: { apiKey?: string | null } | null;
  feed?: object | null;
}

/**
 * What a kind needs and what it cannot have: WooCommerce and Shoprenter their shop's address,
 * UNAS its API (the key too, once), XML optionally a feed (an XML shop may only push).
 * Read for a create's body, and for a stored connection with an update's changes on top.
 */
export const kindProblems = (kind: ConnectionKind, given: KindFields): Array<Problem & { path: string }> => {
  const problems: Array<Problem & { path: string }> = [];
  const required = (path: string) => problems.push({ path, code: 'required', message: `is required for a ${kind} connection` });
  const notForKind = (path: string) =>
    problems.push({ path, code: 'notForKind' satisfies FieldErrorCode, message: `is not for a ${kind} connection`, values: { kind } });
  if ((kind === 'woocommerce' || kind === 'shoprenter') && !given.shopUrl) required('shopUrl');
  if (kind === 'unas') {
    if (!given.unas) required('unas');
    else if (!given.unas.apiKey) required('unas.apiKey');
  } else if (given.unas) notForKind('unas');
  if (kind !== 'xml' && given.feed) notForKind('feed');
  return problems;
};

export const createConnectionInput = z.strictObject({ ...fields, kind: z.enum(CONNECTION_KINDS) }).superRefine((input, ctx) => {
  for (const { path, code, message, values } of kindProblems(input.kind, input)) {
    ctx.addIssue({ code: 'custom', path: path.split('.'), message, ...ours(code, values) });
  }
});

/** Fields left out keep their value. `kind` may be repeated but never changed (`kindChanged`). */
export const updateConnectionInput = z.strictObject({
  ...fields,
  name: fields.name.optional(),
  kind: z.enum(CONNECTION_KINDS).optional(),
});

export type CreateConnectionInput = z.infer<typeof createConnectionInput>;
export type UpdateConnectionInput = z.infer<typeof updateConnectionInput>;

/** How the last sync (a pull, or "Sync now") went. */
export interface LastSync {
  at: string;
  ok: boolean;
  error: string | null;
}

/** A connection as the admin API answers it: never the UNAS API key or the feed password. */
export interface ConnectionJson {
  documentId: string;
  name: string;
  kind: ConnectionKind;
  enabled: boolean;
  /** Whether its orders are issued an order document when they first reach finalized. */
  issueDocuments: boolean;
  /** The shared secret the shop signs its webhooks with (Shoprenter: the token of the inbound URL). */
  secret: string;
  /** What to paste into the shop's webhook settings. */
  inboundUrl: string;
  statusMap: StatusMapEntry[];
  shopUrl: string | null;
  unas: { apiBase: string; hasApiKey: boolean; intervalMinutes: number } | null;
  feed: { url: string; username: string | null; hasPassword: boolean; intervalMinutes: number } | null;
  lastSync: LastSync | null;
  lastSyncedAt: string | null;
  /** How many requests to the inbound URL were refused (a wrong signature or token), kept or not. */
  rejectedCount: number;
  createdAt: string;
  updatedAt: string;
}

export declare namespace ListConnections {
  type Response = Answer<ConnectionJson[]>;
}

export declare namespace GetConnection {
  type Response = Answer<ConnectionJson>;
}

export declare namespace CreateConnection {
  type Request = z.input<typeof createConnectionInput>;
  type Response = Answer<ConnectionJson>;
}

export declare namespace UpdateConnection {
  type Request = z.input<typeof updateConnectionInput>;
  type Response = Answer<ConnectionJson>;
}

export declare namespace DeleteConnection {
  type Response = Answer<{ documentId: string }>;
}

export declare namespace RotateSecret {
  type Response = Answer<ConnectionJson>;
}

export declare namespace SyncConnection {
  /** The connection with its lastSync after the sync. */
  type Response = Answer<ConnectionJson>;
}
