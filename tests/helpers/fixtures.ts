import type { Core } from '@strapi/strapi';
import { RESERVING_STATES } from '../../src/plugins/orders/shared/domain/lifecycle';
import type { Api } from './strapi';

let skus = 0;

export const createStockItem = async (api: Api, fields: Record<string, unknown> = {}) => {
  skus += 1;
  const response = await api.post('/orders/stock-items', {
    sku: `SKU-${skus}`,
    name: `Item ${skus}`,
    unitPrice: '1000',
    vatRate: '27',
    onHand: '10',
    ...fields,
  });
  if (response.status !== 201) throw new Error(`stock item: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; sku: string; name: string; onHand: string };
};

export const createOrder = async (api: Api, items: Array<Record<string, unknown>>, fields: Record<string, unknown> = {}) => {
  const response = await api.post('/orders/orders', { customer: { name: 'Teszt Vevő' }, items, ...fields });
  if (response.status !== 201) throw new Error(`order: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; number: string; state: string };
};

export const act = (api: Api, orderId: string, action: string, body: object = {}) =>
  api.post(`/orders/orders/${orderId}/actions/${action}`, body);

export const onHand = async (api: Api, stockItemId: string): Promise<string> => {
  const response = await api.get(`/orders/stock-items/${stockItemId}`);
  return response.body.data.onHand;
};

export const setSettings = (api: Api, settings: Record<string, unknown>) => api.put('/orders/settings', settings);

/**
 * The ledger's promise: every item's on-hand quantity is the sum of its movements, and what it
 * shows reserved is what finalized orders' movements took of it.
 */
export const ledgerDisagreements = async (strapi: Core.Strapi) => {
  const items = await strapi.db.query('plugin::orders.stock-item').findMany({ select: ['id', 'sku', 'onHandMilli', 'reservedMilli'] });
  const disagreements: string[] = [];
  for (const item of items) {
    const movements = await strapi.db.query('plugin::orders.stock-movement').findMany({
      where: { stockItem: { id: item.id } },
      select: ['id', 'kind', 'quantityMilli'],
      populate: { order: { select: ['state'] } },
    });
    const sum = movements.reduce((total, movement) => total + BigInt(movement.quantityMilli), 0n);
    if (sum !== BigInt(item.onHandMilli)) disagreements.push(`${item.sku}: onHand ${item.onHandMilli}, movements ${sum}`);
    const reserved = movements
      .filter((movement) => movement.kind === 'order' && RESERVING_STATES.includes(movement.order?.state))
      .reduce((total, movement) => total - BigInt(movement.quantityMilli), 0n);
    if (reserved !== BigInt(item.reservedMilli ?? -1))
      disagreements.push(`${item.sku}: reserved ${item.reservedMilli}, finalized orders' movements ${reserved}`);
  }
  return disagreements;
};
