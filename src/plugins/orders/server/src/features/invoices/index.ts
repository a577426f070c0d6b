/** Invoices: issued from fulfilled orders, numbered gaplessly per series and year, corrected by storno. */
import type { Core } from '@strapi/strapi';
import { getService } from '../../core/service';
import { ensureUniqueIndex } from '../../core/unique';
import invoice from './content-types/invoice/schema.json';
import invoiceCounter from './content-types/invoice-counter/schema.json';
import controller from './controller';
import { COUNTER_INDEX, invoicesRepository, NUMBER_INDEX } from './repository';
import routes from './routes';
import service, { PDF_JOB } from './service';

export default {
  contentTypes: { invoice: { schema: invoice }, 'invoice-counter': { schema: invoiceCounter } },
  services: { invoices: service },
  controllers: { invoices: controller },
  routes,
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureUniqueIndex(strapi, NUMBER_INDEX);
    await ensureUniqueIndex(strapi, COUNTER_INDEX);
    await invoicesRepository(strapi).ensureIndexes();
    getService(strapi, 'jobs').define<{ invoice: { documentId: string } }>(
      PDF_JOB,
      ({ data }) => getService(strapi, 'invoices').makePdf(data.invoice.documentId),
      { retryLimit: 3, retryDelaySeconds: 5, expireInSeconds: 300 }
    );
    // Sent in the issue's own transaction: a rolled-back issue makes no PDF.
    getService(strapi, 'events').sendOn('invoice.issued', PDF_JOB, ({ invoice }) => ({ invoice }));
  },
};
