/** Controllers only parse the request and call the inventory; they never write stock themselves. */
import type { Core } from '@strapi/strapi';
import {
  adjustmentInput,
  createStockItemInput,
  exportQuery,
  movementListQuery,
  stockItemListQuery,
  updateStockItemInput,
  type AdjustStock,
  type CreateStockItem,
  type GetStockItem,
  type ListMovements,
  type ListStockItems,
  type UpdateStockItem,
} from '../../../../shared/contracts/inventory';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

const stockItemsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const inventory = () => getService(strapi, 'inventory');
  return {
    async list(ctx: Ctx) {
      ctx.body = (await inventory().list(parse(stockItemListQuery, ctx.query))) satisfies ListStockItems.Response;
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await inventory().get(ctx.params.id) } satisfies GetStockItem.Response;
    },
    async create(ctx: Ctx) {
      const item = await inventory().create(parse(createStockItemInput, ctx.request.body), actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: item } satisfies CreateStockItem.Response;
    },
    async update(ctx: Ctx) {
      const item = await inventory().update(ctx.params.id, parse(updateStockItemInput, ctx.request.body));
      ctx.body = { data: item } satisfies UpdateStockItem.Response;
    },
    async adjust(ctx: Ctx) {
      const item = await inventory().adjust(ctx.params.id, parse(adjustmentInput, ctx.request.body), actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: item } satisfies AdjustStock.Response;
    },
    async exportCsv(ctx: Ctx) {
      const query = parse(exportQuery, ctx.query);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="keszlet.csv"');
      ctx.body = await inventory().exportCsv(query);
    },
    async movements(ctx: Ctx) {
      ctx.body = (await inventory().movements(ctx.params.id, parse(movementListQuery, ctx.query))) satisfies ListMovements.Response;
    },
  };
};

export default stockItemsController;
