/** The inventory (Készlet): stock items, and the ledger of every change of their stock. */
import stockItem from './content-types/stock-item/schema.json';
import stockMovement from './content-types/stock-movement/schema.json';
import controller from './controller';
import ledger from './ledger';
import { fillMovementCauses } from './movement-causes';
import routes from './routes';
import type { Core } from '@strapi/strapi';
import { getService } from '../../core/service';
import { ensureUniqueIndex } from '../../core/unique';
import service, { SKU_INDEX } from './service';

export default {
  contentTypes: { 'stock-item': { schema: stockItem }, 'stock-movement': { schema: stockMovement } },
  services: { inventory: service, ledger },
  controllers: { 'stock-items': controller },
  routes,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureUniqueIndex(strapi, SKU_INDEX);
    await fillMovementCauses(strapi);
    await getService(strapi, 'ledger').countReservations();
  },
};
