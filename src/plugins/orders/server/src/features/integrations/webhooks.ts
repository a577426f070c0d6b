/**
 * POST /api/orders/webhooks/:connectionId — one route of the Content API for every shop. No user
 * signs in here: each kind of shop proves itself its own way (its adapter's verify), and the
 * body is read as bytes, never parsed before the signature over them is checked.
 *
 * A verified delivery answers 200 once stored, even when processing it failed: the payload is
 * kept and the failure is ours to resolve (WooCommerce disables a webhook after five failures).
 */
import type { Core } from '@strapi/strapi';
import { bodyTooLarge, notFound, unauthorized } from '../../core/errors';
import type { Ctx } from '../../core/http';
import { readBytes } from '../../core/request';
import { getService } from '../../core/service';
import { adapters, type InboundRequest } from './adapters';

const textsOf = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value]] : [])));

const webhooks = ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Ctx) {
    const id = ctx.params.connectionId;
    const connection = await getService(strapi, 'connections').forInbound(id);
    if (!connection || !connection.enabled) throw notFound('connectionNotFound', `No enabled webshop connection ${id}`, { id });
    const limit: number = strapi.plugin('orders').config('webhookBodyLimit');
    if (Number(ctx.req.headers['content-length']) > limit) throw bodyTooLarge(limit);
    const request: InboundRequest = {
      body: await readBytes(ctx.req, limit),
      contentType: ctx.req.headers['content-type'] ?? null,
      headers: textsOf(ctx.req.headers),
      query: textsOf(ctx.query),
    };
    const inbox = getService(strapi, 'inbox');
    const verdict = adapters[connection.kind].verify(request, connection.secret);
    if (verdict === 'ping') {
      ctx.body = { data: { ping: true } };
      return;
    }
    if (verdict === 'unauthorized') {
      const message = connection.kind === 'shoprenter' ? 'The token in the URL is missing or wrong' : 'The signature is missing or wrong';
      await inbox.reject(connection, request, { code: 'badSignature', message });
      throw unauthorized('badSignature', message);
    }
    ctx.body = { data: await inbox.receive(connection, request) };
  },
});

export default webhooks;
