/**
 * Controllers only parse the request and call the engine; they never write orders or stock.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { adminActor } from '../actor';
import {
  adjustmentInput,
  createStockItemInput,
  exportQuery,
  movementListQuery,
  stockItemListQuery,
  updateStockItemInput,
} from '../../../shared/contracts/inventory';
import {
  createOrderInput,
  customStatusInput,
  orderListQuery,
  transitionInput,
  updateOrderInput,
} from '../../../shared/contracts/orders';
import { settingsInput } from '../../../shared/contracts/settings';
import { ORDER_ACTIONS, type OrderAction } from '../../../shared/domain/lifecycle';
import { notFound } from '../errors';
import { getService } from '../utils';
import { parse } from '../validation';

type Ctx = Context & { params: Record<string, string>; request: Context['request'] & { body?: unknown } };

const actor = (ctx: Ctx) => adminActor(ctx.state.user);

const orders = ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getService(strapi, 'orders');
  const transition = (action: OrderAction) => async (ctx: Ctx) => {
    const options = parse(transitionInput, ctx.request.body);
    ctx.body = { data: await engine().transition(ctx.params.id, action, options, actor(ctx)) };
  };
  return {
    async list(ctx: Ctx) {
      ctx.body = await engine().list(parse(orderListQuery, ctx.query));
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await engine().get(ctx.params.id) };
    },
    async create(ctx: Ctx) {
      const order = await engine().create(parse(createOrderInput, ctx.request.body), actor(ctx));
      ctx.status = 201;
      ctx.body = { data: order };
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await engine().update(ctx.params.id, parse(updateOrderInput, ctx.request.body), actor(ctx)) };
    },
    async delete(ctx: Ctx) {
      await engine().remove(ctx.params.id);
      ctx.body = { data: { documentId: ctx.params.id } };
    },
    async stockImpact(ctx: Ctx) {
      ctx.body = { data: await engine().stockImpact(ctx.params.id) };
    },
    async customStatus(ctx: Ctx) {
      const { customStatus } = parse(customStatusInput, ctx.request.body);
      ctx.body = { data: await engine().setCustomStatus(ctx.params.id, customStatus, actor(ctx)) };
    },
    ...Object.fromEntries(ORDER_ACTIONS.map((action) => [action, transition(action)])),
    async unknownAction(ctx: Ctx) {
      throw notFound('unknownAction', `Unknown action "${ctx.params.action}": the actions are ${ORDER_ACTIONS.join(', ')}`, {
        action: ctx.params.action,
        actions: ORDER_ACTIONS,
      });
    },
  };
};

const stockItems = ({ strapi }: { strapi: Core.Strapi }) => {
  const inventory = () => getService(strapi, 'inventory');
  return {
    async list(ctx: Ctx) {
      ctx.body = await inventory().list(parse(stockItemListQuery, ctx.query));
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await inventory().get(ctx.params.id) };
    },
    async create(ctx: Ctx) {
      const item = await inventory().create(parse(createStockItemInput, ctx.request.body), actor(ctx));
      ctx.status = 201;
      ctx.body = { data: item };
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await inventory().update(ctx.params.id, parse(updateStockItemInput, ctx.request.body)) };
    },
    async adjust(ctx: Ctx) {
      const item = await inventory().adjust(ctx.params.id, parse(adjustmentInput, ctx.request.body), actor(ctx));
      ctx.status = 201;
      ctx.body = { data: item };
    },
    async exportCsv(ctx: Ctx) {
      const { separator } = parse(exportQuery, ctx.query);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="keszlet.csv"');
      ctx.body = await inventory().exportCsv(separator);
    },
    async movements(ctx: Ctx) {
      const { page, pageSize } = parse(movementListQuery, ctx.query);
      ctx.body = await inventory().movements(ctx.params.id, { page, pageSize });
    },
  };
};

const settings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'settings').get() };
  },
  /** The custom statuses alone: whoever reads orders needs their labels and colours. */
  async customStatuses(ctx: Ctx) {
    ctx.body = { data: (await getService(strapi, 'settings').get()).customStatuses };
  },
  async update(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'settings').update(parse(settingsInput, ctx.request.body)) };
  },
});

export default { orders, 'stock-items': stockItems, settings };
