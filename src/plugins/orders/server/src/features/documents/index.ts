/** Order documents: the PDF a finalized order is issued as, kept version by version. */
import type { Core } from '@strapi/strapi';
import { ensureUniqueIndex } from '../../core/unique';
import { getService } from '../../core/service';
import document from './content-types/document/schema.json';
import documentTemplate from './content-types/document-template/schema.json';
import controller from './controller';
import { documentsRepository, ISSUE_KEY_INDEX } from './repository';
import routes from './routes';
import service, { ISSUE_JOB, type IssueJobData } from './service';
import templateController from './template-controller';
import { templatesRepository } from './template-repository';
import templateService from './template-service';

export default {
  contentTypes: { document: { schema: document }, 'document-template': { schema: documentTemplate } },
  services: { documents: service, documentTemplates: templateService },
  controllers: { documents: controller, documentTemplates: templateController },
  routes,
  /** Ends the renderer's thread before Strapi closes. */
  destroy({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'documents').stop();
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await documentsRepository(strapi).ensureVersionIndex();
    await ensureUniqueIndex(strapi, ISSUE_KEY_INDEX);
    await templatesRepository(strapi).ensureVersionIndex();
    getService(strapi, 'jobs').define<IssueJobData>(
      ISSUE_JOB,
      ({ id, data }) => getService(strapi, 'documents').issueOnFinalize(data, id),
      {
        retryLimit: 3,
        retryDelaySeconds: 5,
        expireInSeconds: 300,
      }
    );
    // Sent in the change's own transaction: a refused or rolled-back finalize issues nothing.
    const events = getService(strapi, 'events');
    events.sendOn('order.transitioned', ISSUE_JOB, ({ order, to, actor }): IssueJobData | null =>
      to === 'finalized' ? { order, actor } : null
    );
    // A webshop's order reaching finalized: the job asks its connection whether it is issued one.
    events.sendOn('order.synced', ISSUE_JOB, ({ order, from, to, actor, connection, issueDocuments }): IssueJobData | null =>
      issueDocuments && to === 'finalized' && from !== 'finalized' ? { order, actor, connection } : null
    );
  },
};
