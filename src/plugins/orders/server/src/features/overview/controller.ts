/** Controllers only parse the request and call the overview service. */
import type { Core } from '@strapi/strapi';
import { overviewQuery, type GetLowStock, type GetOrdersOverview } from '../../../../shared/contracts/overview';
import type { Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

const overviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const overview = () => getService(strapi, 'overview');
  return {
    async orders(ctx: Ctx) {
      const { day } = parse(overviewQuery, ctx.query);
      ctx.body = { data: await overview().orders(day) } satisfies GetOrdersOverview.Response;
    },
    async lowStock(ctx: Ctx) {
      ctx.body = { data: await overview().lowStock() } satisfies GetLowStock.Response;
    },
  };
};

export default overviewController;
