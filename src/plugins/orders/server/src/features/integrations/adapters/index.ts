/**
 * The webshop adapters, one per connection kind: pure functions from a delivery's bytes to what it
 * says (ShopMessage). No Strapi, no database: the inbox stores the raw delivery first, then asks
 * the adapter to verify and read it, and hands the messages to the engine.
 */
import type { ConnectionKind } from '../../../../../shared/domain/status-map';
import { AdapterError } from './errors';
import { HttpError } from './http';
import { shoprenter } from './shoprenter';
import type { Adapter } from './types';
import type { ShopMessage } from '../../../../../shared/contracts/normalized-order';
import { readOrders, unas, UnasClientError } from './unas';
import { woocommerce } from './woocommerce';
// './xml' alone is xml.ts, the safe XML reader; the custom shop's adapter is the folder.
import { readMiniCrmFeed, xml } from './xml/index';

export { AdapterError, ADAPTER_ERROR_CODES, type AdapterErrorCode } from './errors';
export type { Adapter, InboundRequest, Verdict } from './types';

export const adapters: Record<ConnectionKind, Adapter> = { woocommerce, shoprenter, unas, xml };

/** What we pull from a shop — UNAS's getOrder answers, a custom shop's feed — read as the shop wrote it. */
export const readPulled: Partial<Record<ConnectionKind, (body: Buffer) => ShopMessage[]>> = { unas: readOrders, xml: readMiniCrmFeed };

export { createUnasClient, UnasClientError, type UnasClient } from './unas';
export { fetchFeed } from './xml/feed';
export { fetchText, HttpError } from './http';

/**
 * Whether `error` is the shop's doing, named — a payload that cannot be read, an API or feed that
 * refused or failed — rather than a bug of ours: the inbox and a sync record it as it is.
 */
export const isShopError = (error: unknown): error is AdapterError | UnasClientError | HttpError =>
  error instanceof AdapterError || error instanceof UnasClientError || error instanceof HttpError;
