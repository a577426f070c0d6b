/**
 * Pulling a custom shop's feed: one GET with Basic authentication, bounded in time and size.
 */
import { fetchText, type Fetch, type HttpLimits } from '../http';

export interface FeedCredentials {
  username: string | null;
  password: string | null;
}

/** A feed of 10 000 orders is some 30 MB; one of 100 MB is not a small shop's. */
export const FEED_LIMITS: HttpLimits = { timeoutMs: 60_000, maxBytes: 100 * 1024 * 1024 };

/**
 * The feed as the shop wrote it — the inbox keeps it before anyone reads it (readMiniCrmFeed);
 * throws HttpError for the transfer.
 */
export const fetchFeed = async (
  url: string,
  { username, password }: FeedCredentials,
  fetchFn: Fetch = fetch,
  limits = FEED_LIMITS
): Promise<string> => {
  const headers: Record<string, string> = { accept: 'application/xml, text/xml' };
  if (username !== null) headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
  return fetchText(fetchFn, url, { method: 'GET', headers }, limits);
};
