/**
 * What the webshop tests share: connections made through the admin API, and deliveries signed
 * as each shop signs them, to this test's app process or to another one's URL.
 */
import { createHmac } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import type { TestApp } from './strapi';

export const webshopFixture = (name: string) => readFileSync(join(__dirname, '../fixtures/webshops', name), 'utf8');

/** base64 HMAC-SHA256 of the exact bytes: WooCommerce's, UNAS's and the custom shops' signature. */
export const sign = (body: string | Buffer, secret: string) => createHmac('sha256', secret).update(body).digest('base64');

export interface Connection {
  documentId: string;
  secret: string;
  inboundUrl: string;
}

export const inboundPath = (connection: Pick<Connection, 'documentId'>) => `/api/orders/webhooks/${connection.documentId}`;

/** A WooCommerce delivery of `order` (or of these exact bytes) to `server`, signed as WooCommerce signs it. */
export const deliverWooTo = (
  server: Parameters<typeof request>[0],
  connection: Pick<Connection, 'documentId' | 'secret'>,
  order: object | string,
  { topic = 'order.updated', deliveryId = `d-${process.pid}-${Date.now()}`, secret = connection.secret } = {}
) => {
  const body = typeof order === 'string' ? order : JSON.stringify(order);
  return request(server)
    .post(inboundPath(connection))
    .set({
      'content-type': 'application/json',
      'x-wc-webhook-topic': topic,
      'x-wc-webhook-delivery-id': deliveryId,
      'x-wc-webhook-signature': sign(body, secret),
    })
    .send(body);
};

let connections = 0;

export const webshops = (app: () => TestApp) => {
  /** This process's server, or another process's base URL. */
  const http = (server = '') => request(server || app().strapi.server.httpServer);
  let deliveries = 0;

  return {
    http,

    /** A connection of `kind`, with a shop URL where the kind takes one. */
    async connect(kind: string, fields: Record<string, unknown> = {}): Promise<Connection> {
      connections += 1;
      const response = await app().admin.post('/orders/connections', {
        name: `Bolt ${process.pid}-${connections}`,
        kind,
        ...(kind === 'woocommerce' || kind === 'shoprenter' ? { shopUrl: 'https://bolt.example.hu' } : {}),
        ...fields,
      });
      if (response.status !== 201) throw new Error(`connection: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.data;
    },

    /** A WooCommerce delivery of `order` (or of these exact bytes), signed as WooCommerce signs it. */
    deliverWoo(
      connection: Connection,
      order: object | string,
      { topic = 'order.updated', deliveryId = `d-${process.pid}-${++deliveries}`, secret = connection.secret, server = '' } = {}
    ) {
      return deliverWooTo(server || app().strapi.server.httpServer, connection, order, { topic, deliveryId, secret });
    },
  };
};
