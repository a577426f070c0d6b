/** Controllers only parse the request and call the connections service. */
import type { Core } from '@strapi/strapi';
import {
  createConnectionInput,
  updateConnectionInput,
  type CreateConnection,
  type DeleteConnection,
  type GetConnection,
  type ListConnections,
  type RotateSecret,
  type SyncConnection,
  type UpdateConnection,
} from '../../../../../shared/contracts/connections';
import type { Ctx } from '../../../core/http';
import { getService } from '../../../core/service';
import { parse } from '../../../core/validation';

const connectionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const connections = () => getService(strapi, 'connections');
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await connections().list() } satisfies ListConnections.Response;
    },
    async get(ctx: Ctx) {
      ctx.body = { data: await connections().get(ctx.params.id) } satisfies GetConnection.Response;
    },
    async create(ctx: Ctx) {
      const connection = await connections().create(parse(createConnectionInput, ctx.request.body));
      ctx.status = 201;
      ctx.body = { data: connection } satisfies CreateConnection.Response;
    },
    async update(ctx: Ctx) {
      ctx.body = {
        data: await connections().update(ctx.params.id, parse(updateConnectionInput, ctx.request.body)),
      } satisfies UpdateConnection.Response;
    },
    async delete(ctx: Ctx) {
      await connections().remove(ctx.params.id);
      ctx.body = { data: { documentId: ctx.params.id } } satisfies DeleteConnection.Response;
    },
    async rotateSecret(ctx: Ctx) {
      ctx.body = { data: await connections().rotateSecret(ctx.params.id) } satisfies RotateSecret.Response;
    },
    async sync(ctx: Ctx) {
      ctx.body = { data: await connections().sync(ctx.params.id) } satisfies SyncConnection.Response;
    },
  };
};

export default connectionsController;
