/**
 * UNAS's webhook is a notice, signed with `X-Unas-Hmac`: the order it names is then read with the
 * XML API (client.ts), so that what is stored is UNAS's own record, not the notice's summary.
 */
import type { ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { AdapterError, quote } from '../errors';
import { readJson, textOf } from '../json';
import { signedBy } from '../signature';
import { bodyFormat, header, type Adapter } from '../types';

export { readOrders } from './order';
export { createUnasClient, UnasClientError, TOKEN_LIFETIME_MS, TOKEN_MARGIN_MS, type UnasClient } from './client';

/** UNAS names the order `orderID` ("69312-465741", its getOrder Key); the others are its older or documented spellings. */
const KEY_FIELDS = ['orderID', 'orderId', 'orderKey', 'order_key', 'Key', 'key'] as const;

export const unas: Adapter = {
  kind: 'unas',
  verify: (request, secret) => (signedBy(request.body, secret, header(request, 'x-unas-hmac')) ? 'verified' : 'unauthorized'),
  deliveryId: () => null,
  read(request): ShopMessage[] {
    if (bodyFormat(request) !== 'json') {
      throw new AdapterError('unsupportedContentType', `UNAS's webhook is JSON, not ${quote(request.contentType ?? 'an untyped body')}`);
    }
    const body = readJson(request.body);
    const key = KEY_FIELDS.map((field) => textOf(body[field])).find((value) => value !== null);
    if (!key)
      throw new AdapterError(
        'missingExternalId',
        `orderID: the notice names no order (fields: ${Object.keys(body).slice(0, 10).join(', ')})`,
        'orderID'
      );
    return [{ type: 'fetch', externalId: key }];
  },
};
