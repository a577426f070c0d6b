/**
 * Document templates (Settings → Orders → Templates): the list, saves (each a new version),
 * retiring; and the preview, a PDF, through Strapi's fetch client (a file, not data for the cache).
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import type {
  CreateTemplate,
  ListTemplates,
  PreviewTemplate,
  RetireTemplate,
  TemplateJson,
  UpdateTemplate,
} from '../../../shared/contracts/templates';
import { NOT_KEPT, pluginApi, type Change } from './base';

export const templatesApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    listTemplates: build.query<TemplateJson[], void>({
      query: () => '/orders/templates',
      transformResponse: (answer: ListTemplates.Response) => answer.data,
      providesTags: ['DocumentTemplate'],
      keepUnusedDataFor: NOT_KEPT,
    }),
    createTemplate: build.mutation<TemplateJson, CreateTemplate.Request>({
      query: (data) => ({ url: '/orders/templates', method: 'POST', data }),
      transformResponse: (answer: CreateTemplate.Response) => answer.data,
      invalidatesTags: (template) => (template ? ['DocumentTemplate'] : []),
    }),
    updateTemplate: build.mutation<TemplateJson, Change<UpdateTemplate.Request>>({
      query: ({ id, body }) => ({ url: `/orders/templates/${id}`, method: 'PUT', data: body }),
      transformResponse: (answer: UpdateTemplate.Response) => answer.data,
      invalidatesTags: (template) => (template ? ['DocumentTemplate'] : []),
    }),
    retireTemplate: build.mutation<RetireTemplate.Response, string>({
      query: (key) => ({ url: `/orders/templates/${key}`, method: 'DELETE' }),
      invalidatesTags: (answer) => (answer ? ['DocumentTemplate'] : []),
    }),
  }),
});

export const { useListTemplatesQuery, useCreateTemplateMutation, useUpdateTemplateMutation, useRetireTemplateMutation } = templatesApi;

/** A definition filled from an order, as a PDF (the server answers it base64 in JSON: the client reads a POST's answer as JSON). */
export const useTemplatePreview = () => {
  const { post } = useFetchClient();
  return useCallback(
    async (body: PreviewTemplate.Request) => {
      const { data: answer } = await post<PreviewTemplate.Response>('/orders/templates/preview', body);
      const bytes = Uint8Array.from(atob(answer.data.base64), (character) => character.charCodeAt(0));
      return { data: new Blob([bytes], { type: answer.data.contentType }) };
    },
    [post]
  );
};
