/** Controllers only parse the request and call the customers service. */
import type { Core } from '@strapi/strapi';
import {
  customerExportQuery,
  customerListQuery,
  mergeCustomerInput,
  updateCustomerInput,
  type GetCustomer,
  type GetSegmentOverview,
  type ListCustomers,
  type MergeCustomer,
  type UpdateCustomer,
} from '../../../../shared/contracts/customers';
import type { Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

const customersController = ({ strapi }: { strapi: Core.Strapi }) => {
  const customers = () => getService(strapi, 'customers');
  return {
    async list(ctx: Ctx) {
      ctx.body = (await customers().list(parse(customerListQuery, ctx.query))) satisfies ListCustomers.Response;
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await customers().get(ctx.params.id) } satisfies GetCustomer.Response;
    },
    async update(ctx: Ctx) {
      ctx.body = {
        data: await customers().update(ctx.params.id, parse(updateCustomerInput, ctx.request.body)),
      } satisfies UpdateCustomer.Response;
    },
    async merge(ctx: Ctx) {
      const { into } = parse(mergeCustomerInput, ctx.request.body);
      ctx.body = { data: await customers().merge(ctx.params.id, into) } satisfies MergeCustomer.Response;
    },
    async overview(ctx: Ctx) {
      ctx.body = { data: await customers().overview() } satisfies GetSegmentOverview.Response;
    },
    async exportCsv(ctx: Ctx) {
      const query = parse(customerExportQuery, ctx.query);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="ugyfelek.csv"');
      ctx.body = await customers().exportCsv(query);
    },
  };
};

export default customersController;
