import type { Core } from '@strapi/strapi';
import type { ListCustomStatuses, GetSettings, UpdateSettings } from '../../../../shared/contracts/settings';
import { settingsInput } from '../../../../shared/contracts/settings';
import type { Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';

const settingsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings');
  return {
    async get(ctx: Ctx) {
      ctx.body = { data: await settings().get() } satisfies GetSettings.Response;
    },
    /** The custom statuses alone: whoever reads orders needs their labels and colours. */
    async customStatuses(ctx: Ctx) {
      ctx.body = { data: (await settings().get()).customStatuses } satisfies ListCustomStatuses.Response;
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await settings().update(parse(settingsInput, ctx.request.body)) } satisfies UpdateSettings.Response;
    },
  };
};

export default settingsController;
