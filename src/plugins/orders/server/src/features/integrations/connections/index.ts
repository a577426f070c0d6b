/** Webshop connections (webshop-kapcsolat): Settings → Orders → Webshops, and what the inbound side reads. */
import type { Core } from '@strapi/strapi';
import { ensureUniqueIndex } from '../../../core/unique';
import connection from './content-types/connection/schema.json';
import controller from './controller';
import routes from './routes';
import service, { NAME_INDEX } from './service';

export default {
  contentTypes: { connection: { schema: connection } },
  services: { connections: service },
  controllers: { connections: controller },
  routes,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureUniqueIndex(strapi, NAME_INDEX);
  },
};
