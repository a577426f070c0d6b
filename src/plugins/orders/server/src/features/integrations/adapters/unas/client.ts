/**
 * UNAS's XML API, as much of it as reading orders needs: log in with the shop's API key for a
 * Bearer token (valid 2 hours, kept and reused until shortly before), then getOrder by key or by
 * modification time, page by page.
 */
import type { ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { AdapterError } from '../errors';
import { fetchText, HttpError, type Fetch } from '../http';
import { fields, textOf } from '../json';
import { readXml } from '../xml';
import { readOrders } from './order';

export type UnasClientErrorCode = 'loginRefused' | 'refused' | 'httpStatus' | 'malformedAnswer' | 'timeout' | 'tooLarge' | 'unreachable';

export class UnasClientError extends Error {
  constructor(
    readonly code: UnasClientErrorCode,
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'UnasClientError';
  }
}

export interface UnasClientOptions {
  apiBase: string;
  apiKey: string;
  fetch?: Fetch;
  /** The clock, for tests of the token's expiry. */
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface UnasClient {
  /** A token, fresh from UNAS or the one kept from before while it is still valid. */
  login(): Promise<string>;
  getOrder(key: string): Promise<ShopMessage[]>;
  /** Every order modified since `since`, read `limit` (≤ 500, UNAS's most) at a time. */
  getOrdersModifiedSince(since: Date, limit?: number): Promise<ShopMessage[]>;
  /** The order's getOrder answer as UNAS wrote it: the inbox keeps what a shop said before reading it. */
  getOrderAnswer(key: string): Promise<string>;
  /** The getOrder answers, page by page, for every order modified since `since`. */
  answersModifiedSince(since: Date, limit?: number): Promise<string[]>;
}

/** UNAS's tokens last 2 hours; one is renewed 5 minutes early, so that none expires mid-pull. */
export const TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;
export const TOKEN_MARGIN_MS = 5 * 60 * 1000;
export const MAX_PAGE = 500;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

const params = (values: Record<string, string | number>) =>
  `<?xml version="1.0" encoding="UTF-8" ?><Params>${Object.entries(values)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('')}</Params>`;

const asClientError = (error: unknown): never => {
  if (error instanceof HttpError) throw new UnasClientError(error.code, `UNAS: ${error.message}`, error.status);
  if (error instanceof AdapterError)
    throw new UnasClientError('malformedAnswer', `UNAS answered what is not an order list: ${error.message}`);
  throw error;
};

export const createUnasClient = (options: UnasClientOptions): UnasClient => {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const limits = { timeoutMs: options.timeoutMs ?? 30_000, maxBytes: options.maxBytes ?? 50 * 1024 * 1024 };
  const base = options.apiBase.replace(/\/+$/, '');
  let kept: { token: string; validUntil: number } | null = null;

  const post = async (path: string, body: string, token?: string): Promise<string> => {
    const headers: Record<string, string> = { 'content-type': 'application/xml' };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetchText(fetchFn, `${base}${path}`, { method: 'POST', headers, body }, limits).catch(asClientError);
  };

  const login = async (): Promise<string> => {
    if (kept && now() < kept.validUntil) return kept.token;
    const answer = await post('/shop/login', params({ ApiKey: options.apiKey })).catch((error: unknown) => {
      if (error instanceof UnasClientError && (error.status === 401 || error.status === 403)) {
        throw new UnasClientError('loginRefused', 'UNAS refused the API key', error.status);
      }
      throw error;
    });
    const token = tokenOf(answer);
    kept = { token, validUntil: now() + TOKEN_LIFETIME_MS - TOKEN_MARGIN_MS };
    return token;
  };

  const getAnswer = async (filter: Record<string, string | number>): Promise<string> => {
    const answer = await post('/shop/getOrder', params(filter), await login());
    const refusal = errorOf(answer);
    if (refusal !== null) {
      // An expired or revoked token is the likeliest cause: the next call logs in again.
      kept = null;
      throw new UnasClientError('refused', `UNAS refused getOrder: ${refusal}`);
    }
    return answer;
  };

  const read = (answer: string): ShopMessage[] => {
    try {
      return readOrders(answer);
    } catch (error) {
      return asClientError(error);
    }
  };

  const getOrders = async (filter: Record<string, string | number>) => read(await getAnswer(filter));

  /** The answers of every page of orders modified since `since`, and what each says. */
  const pagesSince = async (since: Date, limit: number) => {
    const pageSize = Math.min(Math.max(1, Math.floor(limit)), MAX_PAGE);
    const pages: Array<{ answer: string; messages: ShopMessage[] }> = [];
    for (let start = 0; ; start += pageSize) {
      // UNAS takes TimeModStart as a Unix timestamp in seconds.
      const answer = await getAnswer({ TimeModStart: Math.floor(since.getTime() / 1000), LimitStart: start, LimitNum: pageSize });
      const messages = read(answer);
      pages.push({ answer, messages });
      if (messages.length < pageSize) return pages;
    }
  };

  return {
    login,
    getOrder: (key) => getOrders({ Key: key }),
    getOrdersModifiedSince: async (since, limit = MAX_PAGE) => (await pagesSince(since, limit)).flatMap((page) => page.messages),
    getOrderAnswer: (key) => getAnswer({ Key: key }),
    answersModifiedSince: async (since, limit = MAX_PAGE) => (await pagesSince(since, limit)).map((page) => page.answer),
  };
};

/** The text of an `<Error>` answer, or null for any other. */
const errorOf = (answer: string): string | null => {
  const match = /^\s*(?:<\?xml[^>]*\?>\s*)?<Error>([\s\S]{0,500}?)<\/Error>/.exec(answer);
  return match ? match[1].replace(/<!\[CDATA\[|\]\]>/g, '').trim() : null;
};

/** The token of a login answer (`<Login><Token>…`), or why there is none. */
const tokenOf = (answer: string): string => {
  let document: Record<string, unknown>;
  try {
    document = readXml(answer, { lists: [] });
  } catch (error) {
    return asClientError(error);
  }
  const refusal = errorOf(answer);
  if (refusal !== null) throw new UnasClientError('loginRefused', `UNAS refused the login: ${refusal}`);
  const token = textOf(fields(document.Login).Token);
  if (token === null) throw new UnasClientError('malformedAnswer', 'UNAS answered the login without a token');
  return token;
};
