/** Controllers only read the request and call the documents service. */
import type { Core } from '@strapi/strapi';
import type { IssueDocument, ListDocuments } from '../../../../shared/contracts/documents';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';
import { issueDocumentInput } from '../../../../shared/contracts/documents';

/** RFC 6266's filename parameter, ASCII, with the UTF-8 name beside it. */
export const disposition = (kind: 'inline' | 'attachment', fileName: string) =>
  `${kind}; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const documentsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => getService(strapi, 'documents');
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await documents().list(ctx.params.id) } satisfies ListDocuments.Response;
    },

    /** Reissue (the next version) or Retry (the failed newest version made again). */
    async issue(ctx: Ctx) {
      parse(issueDocumentInput, ctx.request.body);
      const document = await documents().reissue(ctx.params.id, actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: document } satisfies IssueDocument.Response;
    },

    /** The PDF as it was issued: shown in the browser, or saved with ?download=true. */
    async pdf(ctx: Ctx) {
      const { document, bytes } = await documents().pdf(ctx.params.id);
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', disposition(ctx.query.download === 'true' ? 'attachment' : 'inline', document.fileName));
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      if (document.contentHash) ctx.set('ETag', `"${document.contentHash}"`);
      ctx.body = bytes;
    },
  };
};

export default documentsController;
