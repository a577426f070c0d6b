import type { Core } from '@strapi/strapi';
import { inboxListQuery } from '../../../../../shared/contracts/inbox';
import type { Ctx } from '../../../core/http';
import { getService } from '../../../core/service';
import { parse } from '../../../core/validation';

const inboxController = ({ strapi }: { strapi: Core.Strapi }) => {
  const inbox = () => getService(strapi, 'inbox');
  return {
    async list(ctx: Ctx) {
      ctx.body = await inbox().list(parse(inboxListQuery, ctx.query));
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await inbox().get(ctx.params.id) };
    },
    async replay(ctx: Ctx) {
      ctx.body = { data: await inbox().replay(ctx.params.id) };
    },
  };
};

export default inboxController;
