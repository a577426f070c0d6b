/** Controllers only read the request and call the templates (and, for a preview, the documents) service. */
import type { Core } from '@strapi/strapi';
import {
  createTemplateInput,
  previewTemplateInput,
  updateTemplateInput,
  type CreateTemplate,
  type ListTemplates,
  type PreviewTemplate,
  type RetireTemplate,
  type UpdateTemplate,
} from '../../../../shared/contracts/templates';
import { actorOf, type Ctx } from '../../core/http';
import { getService } from '../../core/service';
import { parse } from '../../core/validation';
import type { CustomTemplate } from './templates/custom-template';
import { checkTemplate } from './template-service';

const templatesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => getService(strapi, 'documentTemplates');
  return {
    async list(ctx: Ctx) {
      ctx.body = { data: await templates().list() } satisfies ListTemplates.Response;
    },
    async create(ctx: Ctx) {
      const template = await templates().create(parse(createTemplateInput, ctx.request.body), actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: template } satisfies CreateTemplate.Response;
    },
    async update(ctx: Ctx) {
      ctx.body = {
        data: await templates().update(ctx.params.id, parse(updateTemplateInput, ctx.request.body), actorOf(ctx)),
      } satisfies UpdateTemplate.Response;
    },
    async retire(ctx: Ctx) {
      await templates().retire(ctx.params.id);
      ctx.body = { data: { key: ctx.params.id } } satisfies RetireTemplate.Response;
    },
    /**
     * The template filled from an order (or an invoice template from an invoice), as the PDF the
     * editor shows, base64 in JSON (the admin's client reads a POST's answer as JSON); kept nowhere.
     */
    async preview(ctx: Ctx) {
      const { definition, order, invoice } = parse(previewTemplateInput, ctx.request.body);
      checkTemplate(definition, invoice ? 'invoice' : 'order');
      const template = definition as CustomTemplate;
      const pdf = invoice
        ? await getService(strapi, 'invoices').preview(invoice, template)
        : await getService(strapi, 'documents').preview(order!, template);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: { contentType: 'application/pdf', base64: pdf.toString('base64') } } satisfies PreviewTemplate.Response;
    },
  };
};

export default templatesController;
