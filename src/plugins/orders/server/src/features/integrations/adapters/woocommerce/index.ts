/**
 * WooCommerce's webhooks: the REST v3 order as the body of order.created/updated/restored,
 * `{"id":N}` for order.deleted, and an unsigned form-encoded ping when the webhook is saved.
 */
import type { ShopMessage } from '../../../../../../shared/contracts/normalized-order';
import { AdapterError, quote } from '../errors';
import { fields, readJson, textOf } from '../json';
import { signedBy } from '../signature';
import { bodyFormat, header, type Adapter, type InboundRequest } from '../types';
import { readWooCommerceOrder } from './order';

const ORDER_TOPICS = new Set(['order.created', 'order.updated', 'order.restored']);

const isPing = (request: InboundRequest) => bodyFormat(request) === 'form' && /^webhook_id=\d+$/.test(request.body.toString('utf8').trim());

export const woocommerce: Adapter = {
  kind: 'woocommerce',

  verify(request, secret) {
    const signature = header(request, 'x-wc-webhook-signature');
    if (signature === null && isPing(request)) return 'ping';
    return signedBy(request.body, secret, signature) ? 'verified' : 'unauthorized';
  },

  deliveryId: (request) => header(request, 'x-wc-webhook-delivery-id'),

  read(request): ShopMessage[] {
    if (isPing(request)) return [];
    if (bodyFormat(request) !== 'json') {
      throw new AdapterError('unsupportedContentType', `WooCommerce sends JSON, not ${quote(request.contentType ?? 'an untyped body')}`);
    }
    const body = readJson(request.body);
    const topic = header(request, 'x-wc-webhook-topic');
    if (topic === 'order.deleted') return [{ type: 'deleted', externalId: deletedId(body) }];
    if (topic !== null && !ORDER_TOPICS.has(topic)) {
      throw new AdapterError('unsupportedTopic', `the topic ${quote(topic)} is not an order's; set the webhook to order.* topics`);
    }
    return [{ type: 'order', order: readWooCommerceOrder(body) }];
  },
};

const deletedId = (body: Record<string, unknown>): string => {
  const id = textOf(fields(body).id);
  if (id === null) throw new AdapterError('missingExternalId', 'id: order.deleted names no order id', 'id');
  return id;
};
