import type { ShopMessage } from '../../../../../shared/contracts/normalized-order';
import type { ConnectionKind } from '../../../../../shared/domain/status-map';

/** One delivery as the webhook route received it: the exact bytes, before anything parsed them. */
export interface InboundRequest {
  body: Buffer;
  contentType: string | null;
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
}

/** `ping`: WooCommerce's unsigned hello when a webhook is saved; it must get 200 and changes nothing. */
export type Verdict = 'verified' | 'ping' | 'unauthorized';

export interface Adapter {
  kind: ConnectionKind;
  /** Whether the delivery is the shop's, compared in constant time. */
  verify(request: InboundRequest, secret: string): Verdict;
  /** The shop's id of this delivery, where it sends one, so that a retried delivery is applied once. */
  deliveryId(request: InboundRequest): string | null;
  /** What the payload says; throws AdapterError. */
  read(request: InboundRequest): ShopMessage[];
}

/** A header by name, whatever case the caller used for its keys. */
export const header = (request: InboundRequest, name: string): string | null => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted && value !== undefined) return value;
  return null;
};

/** The media type without its parameters: "application/json; charset=utf-8" → "application/json". */
export const mediaType = (contentType: string | null): string | null => contentType?.split(';')[0].trim().toLowerCase() || null;

export type BodyFormat = 'json' | 'xml' | 'form';

/** What the Content-Type says the body is; a missing one is told by the body's first character. */
export const bodyFormat = (request: InboundRequest): BodyFormat | null => {
  const type = mediaType(request.contentType);
  if (type === 'application/json' || type?.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type?.endsWith('+xml')) return 'xml';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type !== null) return null;
  const first = request.body.toString('utf8', 0, Math.min(request.body.length, 64)).trimStart()[0];
  return first === '{' || first === '[' ? 'json' : first === '<' ? 'xml' : null;
};
