/** Orders: their lines, their lifecycle, their history, and the list that finds them. */
import historyEntry from './content-types/history-entry/schema.json';
import order from './content-types/order/schema.json';
import orderItem from './content-types/order-item/schema.json';
import bulk from './bulk';
import controller from './controller';
import ordersExport from './export';
import history from './history';
import { fillSortKeys } from '../../core/sort-keys';
import { ensureUniqueIndex } from '../../core/unique';
import { UID } from '../../core/uids';
import { addressBackfillMigration } from './address-backfill';
import { createListIndexes } from './indexes';
import { historyTableMigration, moveLegacyHistory } from './legacy-history';
import { fillSearchKeys } from './search-keys';
import routes from './routes';
import service from './service';
import shopOrders from './shop-orders';

export default {
  contentTypes: {
    order: { schema: order },
    'order-item': { schema: orderItem },
    'history-entry': { schema: historyEntry },
  },
  services: { orders: service, history, shopOrders, ordersBulk: bulk, ordersExport },
  controllers: { orders: controller },
  routes,
  /** Run by Strapi before its schema sync, oldest first (core/migrations.ts). */
  migrations: [historyTableMigration, addressBackfillMigration],
  async bootstrap({ strapi }: { strapi: import('@strapi/strapi').Core.Strapi }) {
    await moveLegacyHistory(strapi);
    await createListIndexes(strapi);
    await fillSearchKeys(strapi);
    // The customers', stock items' and orders' name sort keys: the customers' and inventory's bootstraps need none of them.
    await fillSortKeys(strapi);
    await ensureUniqueIndex(strapi, { uid: UID.order, attribute: 'number' });
    // One order per shop order, whatever the deliveries: the lock orders them, the index guards it.
    await ensureUniqueIndex(strapi, { uid: UID.order, attribute: 'externalKey' });
  },
};
