/**
 * A custom shop's push: the MiniCRM-layout XML feed, or the JSON form of NormalizedOrder
 * (`{"orders":[…]}` or one order) and of SubscriptionNotice (`{"subscriptions":[…]}` or one
 * notice, told from an order by its `subscription`), signed with `X-Orders-Signature` = base64
 * HMAC-SHA256 of the body. The JSON is the contract itself: its schema is all the checking it needs.
 */
import type { ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { AdapterError, quote } from '../errors';
import { list, readJson } from '../json';
import { signedBy } from '../signature';
import { bodyFormat, header, type Adapter } from '../types';
import { validateNotice, validateOrder } from '../validate';
import { readMiniCrmFeed } from './order';

export { readMiniCrmFeed } from './order';
export { fetchFeed } from './feed';

export const xml: Adapter = {
  kind: 'xml',
  verify: (request, secret) => (signedBy(request.body, secret, header(request, 'x-orders-signature')) ? 'verified' : 'unauthorized'),
  deliveryId: (request) => header(request, 'x-orders-delivery-id'),
  read(request): ShopMessage[] {
    const format = bodyFormat(request);
    if (format === 'xml') return readMiniCrmFeed(request.body);
    if (format !== 'json') {
      throw new AdapterError(
        'unsupportedContentType',
        `a custom shop pushes XML or JSON, not ${quote(request.contentType ?? 'an untyped body')}`
      );
    }
    const body = readJson(request.body);
    if ('subscription' in body) return [{ type: 'subscription', notice: validateNotice(body) }];
    if (!('orders' in body) && !('subscriptions' in body)) return [{ type: 'order', order: validateOrder(body) }];
    return [
      ...list(body.orders).map((order, index): ShopMessage => ({ type: 'order', order: validateOrder(order, `orders[${index}]`) })),
      ...list(body.subscriptions).map((notice, index): ShopMessage => ({
        type: 'subscription',
        notice: validateNotice(notice, `subscriptions[${index}]`),
      })),
    ];
  },
};
