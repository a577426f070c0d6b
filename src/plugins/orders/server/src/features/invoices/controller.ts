/** Controllers only read the request and call the invoices service. */
import type { Core } from '@strapi/strapi';
import {
  invoiceListQuery,
  issueInvoiceInput,
  issueInvoicesInput,
  navZipQuery,
  stornoInput,
  type GetInvoice,
  type IssueInvoice,
  type IssueInvoices,
  type ListInvoices,
  type ListInvoiceSeries,
  type StornoInvoice,
} from '../../../../shared/contracts/invoices';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';
import { issueDocumentInput } from '../../../../shared/contracts/documents';
import { disposition } from '../documents/controller';

/** A file to download: never cached, never sniffed into something else. */
const sendFile = (ctx: Ctx, type: string, fileName: string, body: Buffer | string, inline = false) => {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', disposition(inline ? 'inline' : 'attachment', fileName));
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
};

const invoicesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const invoices = () => getService(strapi, 'invoices');
  return {
    async issue(ctx: Ctx) {
      const invoice = await invoices().issue(ctx.params.id, parse(issueInvoiceInput, ctx.request.body), actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: invoice } satisfies IssueInvoice.Response;
    },

    async issueMany(ctx: Ctx) {
      ctx.body = {
        data: await invoices().issueMany(parse(issueInvoicesInput, ctx.request.body), actorOf(ctx)),
      } satisfies IssueInvoices.Response;
    },

    async list(ctx: Ctx) {
      ctx.body = (await invoices().list(parse(invoiceListQuery, ctx.query))) satisfies ListInvoices.Response;
    },

    async series(ctx: Ctx) {
      ctx.body = { data: await invoices().series() } satisfies ListInvoiceSeries.Response;
    },

    async get(ctx: Ctx) {
      ctx.body = { data: await invoices().get(ctx.params.id) } satisfies GetInvoice.Response;
    },

    /** The PDF as it was made: shown in the browser, or saved with ?download=true. */
    async pdf(ctx: Ctx) {
      const { invoice, bytes } = await invoices().pdf(ctx.params.id);
      sendFile(ctx, 'application/pdf', invoice.pdf.fileName, bytes, ctx.query.download !== 'true');
      if (invoice.pdf.contentHash) ctx.set('ETag', `"${invoice.pdf.contentHash}"`);
    },

    /** Retry: a PDF that could not be made, made again. */
    async retryPdf(ctx: Ctx) {
      parse(issueDocumentInput, ctx.request.body);
      ctx.body = { data: await invoices().retryPdf(ctx.params.id) } satisfies GetInvoice.Response;
    },

    async navXml(ctx: Ctx) {
      const { fileName, xml } = await invoices().navXml(ctx.params.id);
      sendFile(ctx, 'application/xml; charset=utf-8', fileName, xml);
    },

    async navZip(ctx: Ctx) {
      const { fileName, zip } = await invoices().navZip(parse(navZipQuery, ctx.query));
      sendFile(ctx, 'application/zip', fileName, zip);
    },

    async storno(ctx: Ctx) {
      const { reason } = parse(stornoInput, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await invoices().storno(ctx.params.id, reason, actorOf(ctx)) } satisfies StornoInvoice.Response;
    },
  };
};

export default invoicesController;
