/**
 * The admin API as the pages use it: typed answers, one place for the URLs. Requests go through
 * Strapi's useFetchClient (admin JWT, base URL); errors come back as Strapi's {error: {…}}.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { ErrorJson, FieldErrorJson } from '../../../shared/contracts/errors';
import type { MovementJson, StockItemJson } from '../../../shared/contracts/inventory';
import type { OrderJson, OrderSummaryJson, StockImpactLine } from '../../../shared/contracts/orders';
import type { ListAnswer } from '../../../shared/contracts/pages';
import type { CustomStatus, Settings } from '../../../shared/contracts/settings';

export type { CustomStatus, MovementJson, OrderJson, OrderSummaryJson, Settings, StockImpactLine, StockItemJson };
export type { OrderItemJson } from '../../../shared/contracts/orders';
export type { ListAnswer, Pagination } from '../../../shared/contracts/pages';
export type { Shortage } from '../../../shared/contracts/errors';

/** A field the server found at fault (a 400's details.errors). */
export type FieldError = FieldErrorJson;

/** What the server said when it refused; status 0 means no answer at all. */
export type ApiError = ErrorJson;

export const apiErrorOf = (error: unknown): ApiError => {
  const failure = error as { status?: number; response?: { status?: number; data?: { error?: ApiError } } } | undefined;
  const refusal = failure?.response?.data?.error;
  if (refusal) return { ...refusal, details: refusal.details ?? {} };
  return {
    // Strapi's fetch client keeps the status of an answer it could not read (a blob request's).
    status: failure?.response?.status ?? failure?.status ?? 0,
    name: 'Error',
    message: error instanceof Error ? error.message : String(error),
    details: {},
  };
};

export const toQuery = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const useOrdersApi = () => {
  const { get, post, put, del } = useFetchClient();
  return {
    listOrders: async (query: Record<string, string | number | undefined>) =>
      (await get<ListAnswer<OrderSummaryJson>>(`/orders/orders${toQuery(query)}`)).data,
    getOrder: async (id: string) => (await get<{ data: OrderJson }>(`/orders/orders/${id}`)).data.data,
    createOrder: async (body: object) => (await post<{ data: OrderJson }>('/orders/orders', body)).data.data,
    updateOrder: async (id: string, body: object) => (await put<{ data: OrderJson }>(`/orders/orders/${id}`, body)).data.data,
    deleteOrder: async (id: string) => del(`/orders/orders/${id}`),
    act: async (id: string, action: string, body: object = {}) =>
      (await post<{ data: OrderJson }>(`/orders/orders/${id}/actions/${action}`, body)).data.data,
    setCustomStatus: async (id: string, customStatus: string | null) =>
      (await put<{ data: OrderJson }>(`/orders/orders/${id}/custom-status`, { customStatus })).data.data,
    stockImpact: async (id: string) => (await get<{ data: StockImpactLine[] }>(`/orders/orders/${id}/stock-impact`)).data.data,

    listStockItems: async (query: Record<string, string | number | undefined>) =>
      (await get<ListAnswer<StockItemJson>>(`/orders/stock-items${toQuery(query)}`)).data,
    getStockItem: async (id: string) => (await get<{ data: StockItemJson }>(`/orders/stock-items/${id}`)).data.data,
    createStockItem: async (body: object) => (await post<{ data: StockItemJson }>('/orders/stock-items', body)).data.data,
    updateStockItem: async (id: string, body: object) => (await put<{ data: StockItemJson }>(`/orders/stock-items/${id}`, body)).data.data,
    adjustStock: async (id: string, body: { delta: string; reason: string }) =>
      (await post<{ data: StockItemJson }>(`/orders/stock-items/${id}/adjustments`, body)).data.data,
    /** Every stock item as CSV (";"-separated, UTF-8 with BOM, as Hungarian Excel opens it). */
    exportStockItemsCsv: async () => (await get('/orders/stock-items/export.csv', { responseType: 'blob' })).data,
    listMovements: async (id: string, query: Record<string, string | number | undefined>) =>
      (await get<ListAnswer<MovementJson>>(`/orders/stock-items/${id}/movements${toQuery(query)}`)).data,

    /** The custom statuses alone: readable by whoever reads orders, unlike the settings. */
    listCustomStatuses: async () => (await get<{ data: CustomStatus[] }>('/orders/custom-statuses')).data.data,
    getSettings: async () => (await get<{ data: Settings }>('/orders/settings')).data.data,
    updateSettings: async (body: Partial<Settings>) => (await put<{ data: Settings }>('/orders/settings', body)).data.data,
  };
};

/** Loads with `load` whenever `deps` change; `reload` loads again. */
export const useLoad = <T,>(load: () => Promise<T>, deps: unknown[]) => {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const run = useCallback(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error: apiErrorOf(error), loading: false })
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
};
