/** Customers: who orders, a person or a company; their segments, kept current from their orders. */
import customer from './content-types/customer/schema.json';
import segmentChange from './content-types/segment-change/schema.json';
import type { Core } from '@strapi/strapi';
import { getService } from '../../core/service';
import { ensureUniqueIndex } from '../../core/unique';
import { UID } from '../../core/uids';
import controller from './controller';
import { createCustomerListIndexes } from './indexes';
import routes from './routes';
import segments, { DAILY_JOB } from './segments';
import service from './service';
import subscriptions from './subscriptions';

export default {
  contentTypes: { customer: { schema: customer }, 'customer-segment-change': { schema: segmentChange } },
  services: { customers: service, segments, subscriptions },
  controllers: { customers: controller },
  routes,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // A webshop's customer is one customer per shop customer id, however many orders arrive at once.
    await ensureUniqueIndex(strapi, { uid: UID.customer, attribute: 'externalKey' });
    await createCustomerListIndexes(strapi);
    getService(strapi, 'segments').start();
  },

  /** After the jobs have started: customers from before segments get theirs now, not at the next midnight. */
  async afterJobsStarted({ strapi }: { strapi: Core.Strapi }) {
    if (await getService(strapi, 'customers').anyUnsegmented()) {
      await getService(strapi, 'jobs').send(DAILY_JOB, {}, { key: 'unsegmented' });
    }
  },
};
