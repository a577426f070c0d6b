/**
 * The inventory as CSV, through Strapi's fetch client rather than RTK Query: the answer is a file
 * for the browser to save, not data for the cache (a Blob has no place in the admin's store).
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/** Every stock item as CSV (";"-separated, UTF-8 with BOM, as Hungarian Excel opens it). */
export const useStockItemsCsv = () => {
  const { get } = useFetchClient();
  return useCallback(async () => ({ data: (await get('/orders/stock-items/export.csv', { responseType: 'blob' })).data }), [get]);
};

/** The customers the list's filters find, as CSV for Excel. */
export const useCustomersCsv = () => {
  const { get } = useFetchClient();
  return useCallback(
    async (query: string) => ({ data: (await get(`/orders/customers/export.csv${query}`, { responseType: 'blob' })).data }),
    [get]
  );
};
