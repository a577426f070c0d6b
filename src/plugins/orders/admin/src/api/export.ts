/**
 * Spreadsheets, through Strapi's fetch client rather than RTK Query: the answer is a file for the
 * browser to save, not data for the cache (a Blob has no place in the admin's store). Each is
 * written in the admin's language — column names and decimal marks as the reader's Excel reads them.
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { CsvLanguage } from '../../../shared/domain/csv';
import { toQuery } from './base';

/** The export's language: Hungarian for a Hungarian admin, English for any other. */
const useCsvLanguage = (): CsvLanguage => (useIntl().locale.startsWith('hu') ? 'hu' : 'en');

/** A spreadsheet of `path` (CSV or XLSX) in the reader's language. */
const useCsv = (path: string) => {
  const { get } = useFetchClient();
  const language = useCsvLanguage();
  return useCallback(
    async (query: object = {}) => ({ data: (await get(`${path}${toQuery({ ...query, language })}`, { responseType: 'blob' })).data }),
    [get, path, language]
  );
};

/** The orders the list's filters find (or those `ids` names), as CSV or an Excel workbook, per order or per line. */
export const useOrdersCsv = () => useCsv('/orders/orders/export.csv');
export const useOrdersXlsx = () => useCsv('/orders/orders/export.xlsx');

/** Every stock item as CSV (";"-separated, UTF-8 with BOM, as Hungarian Excel opens it). */
export const useStockItemsCsv = () => useCsv('/orders/stock-items/export.csv');

/** The customers the list's filters find, as CSV for Excel. */
export const useCustomersCsv = () => useCsv('/orders/customers/export.csv');
