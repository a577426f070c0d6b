/** Controllers only parse the request and call the engine; they never write orders or stock. */
import type { Core } from '@strapi/strapi';
import {
  createOrderInput,
  customStatusInput,
  orderListQuery,
  transitionInput,
  updateOrderInput,
  type CreateOrder,
  type DeleteOrder,
  type GetOrder,
  type GetStockImpact,
  type ListOrders,
  type SetCustomStatus,
  type TransitionOrder,
  type UpdateOrder,
} from '../../../../shared/contracts/orders';
import { ORDER_ACTIONS, type OrderAction } from '../../../../shared/domain/lifecycle';
import { notFound } from '../../core/errors';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

const ordersController = ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => getService(strapi, 'orders');
  const transition = (action: OrderAction) => async (ctx: Ctx) => {
    const options = parse(transitionInput, ctx.request.body);
    ctx.body = { data: await engine().transition(ctx.params.id, action, options, actorOf(ctx)) } satisfies TransitionOrder.Response;
  };
  return {
    async list(ctx: Ctx) {
      ctx.body = (await engine().list(parse(orderListQuery, ctx.query))) satisfies ListOrders.Response;
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await engine().get(ctx.params.id) } satisfies GetOrder.Response;
    },
    async create(ctx: Ctx) {
      const order = await engine().create(parse(createOrderInput, ctx.request.body), actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: order } satisfies CreateOrder.Response;
    },
    async update(ctx: Ctx) {
      const order = await engine().update(ctx.params.id, parse(updateOrderInput, ctx.request.body), actorOf(ctx));
      ctx.body = { data: order } satisfies UpdateOrder.Response;
    },
    async delete(ctx: Ctx) {
      await engine().remove(ctx.params.id, actorOf(ctx));
      ctx.body = { data: { documentId: ctx.params.id } } satisfies DeleteOrder.Response;
    },
    async stockImpact(ctx: Ctx) {
      ctx.body = { data: await engine().stockImpact(ctx.params.id) } satisfies GetStockImpact.Response;
    },
    async customStatus(ctx: Ctx) {
      const { customStatus } = parse(customStatusInput, ctx.request.body);
      ctx.body = { data: await engine().setCustomStatus(ctx.params.id, customStatus, actorOf(ctx)) } satisfies SetCustomStatus.Response;
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

export default ordersController;
