/** Settings → Orders, and the custom statuses that whoever reads orders may read. */
import type { CustomStatus, GetSettings, ListCustomStatuses, Settings, UpdateSettings } from '../../../shared/contracts/settings';
import { NOT_KEPT, pluginApi, showAnswer } from './base';

export const settingsApi = pluginApi.injectEndpoints({
  endpoints: (build) => ({
    getOrdersSettings: build.query<Settings, void>({
      query: () => '/orders/settings',
      transformResponse: (answer: GetSettings.Response) => answer.data,
      providesTags: ['OrderSettings'],
      keepUnusedDataFor: NOT_KEPT,
    }),
    updateOrdersSettings: build.mutation<Settings, UpdateSettings.Request>({
      query: (data) => ({ url: '/orders/settings', method: 'PUT', data }),
      transformResponse: (answer: UpdateSettings.Response) => answer.data,
      // The answer is the settings as saved: they replace the ones the page shows.
      onQueryStarted: showAnswer((_body: UpdateSettings.Request, settings: Settings): unknown =>
        settingsApi.util.updateQueryData('getOrdersSettings', undefined, () => settings)
      ),
      // A series' pattern makes its next number.
      invalidatesTags: (settings) => (settings ? ['CustomStatus', 'InvoiceSeries'] : []),
    }),
    /** The custom statuses alone: readable by whoever reads orders, unlike the settings. */
    listCustomStatuses: build.query<CustomStatus[], void>({
      query: () => '/orders/custom-statuses',
      transformResponse: (answer: ListCustomStatuses.Response) => answer.data,
      providesTags: ['CustomStatus'],
      keepUnusedDataFor: NOT_KEPT,
    }),
  }),
});

export const { useGetOrdersSettingsQuery, useUpdateOrdersSettingsMutation, useListCustomStatusesQuery } = settingsApi;
