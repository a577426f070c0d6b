/** Controllers only parse the request and call the engine; they never write orders or stock. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RefusalCode } from '../../../../shared/contracts/errors';
import {
  bulkOrdersInput,
  createOrderInput,
  orderCsvQuery,
  orderXlsxQuery,
  customStatusInput,
  orderListQuery,
  transitionInput,
  updateOrderInput,
  type BulkAction,
  type BulkOrders,
  type CreateOrder,
  type DeleteOrder,
  type GetOrder,
  type GetStockImpact,
  type ListOrders,
  type SetCustomStatus,
  type TransitionOrder,
  type UpdateOrder,
} from '../../../../shared/contracts/orders';
import { permission } from '../../../../shared/contracts/permissions';
import { ORDER_ACTIONS, type OrderAction } from '../../../../shared/domain/lifecycle';
import { notFound } from '../../core/errors';
import { disposition } from '../documents/controller';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

/** The permission a bulk action needs: the one its button needs on the datasheet. */
const permissionOf = (action: BulkAction) => permission('order', action === 'customStatus' ? 'custom-status' : action);

/** A file to download, streamed: never cached, never sniffed into something else. */
const sendFile = (ctx: Ctx, type: string, fileName: string, body: NodeJS.ReadableStream) => {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', disposition('attachment', fileName));
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "megrendelesek.csv", "orders-lines.xlsx": what the reader's language calls the file. */
const fileNameOf = (language: 'hu' | 'en', rows: 'orders' | 'lines', extension: string) =>
  `${language === 'hu' ? 'megrendelesek' : 'orders'}${rows === 'lines' ? (language === 'hu' ? '-tetelek' : '-lines') : ''}.${extension}`;

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
    /** One action for many orders: refused whole (403) when the admin's role may not press its button. */
    async bulk(ctx: Ctx) {
      const input = parse(bulkOrdersInput, ctx.request.body);
      const needed = permissionOf(input.action);
      if (!ctx.state.userAbility.can(needed)) {
        // A PolicyError, the one 403 Strapi's router lets through with its message and details (it blanks a ForbiddenError).
        throw new errors.PolicyError(`Your role may not ${input.action} orders: it needs the permission ${needed}`, {
          code: 'actionForbidden' satisfies RefusalCode,
          action: input.action,
          permission: needed,
        });
      }
      ctx.body = { data: await getService(strapi, 'ordersBulk').run(input, actorOf(ctx)) } satisfies BulkOrders.Response;
    },
    async exportCsv(ctx: Ctx) {
      const query = parse(orderCsvQuery, ctx.query);
      sendFile(
        ctx,
        'text/csv; charset=utf-8',
        fileNameOf(query.language, query.rows, 'csv'),
        await getService(strapi, 'ordersExport').csv(query)
      );
    },
    async exportXlsx(ctx: Ctx) {
      const query = parse(orderXlsxQuery, ctx.query);
      sendFile(ctx, XLSX, fileNameOf(query.language, query.rows, 'xlsx'), await getService(strapi, 'ordersExport').xlsx(query));
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
