/** The shapes of the API's answers, and paging as every list takes and answers it (Strapi's meta.pagination). */
import { z } from 'zod';

/** The page sizes a list offers; the API takes any size up to the largest. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** The last page a list can be asked for: its offset stays far inside the databases' integers. */
export const MAX_PAGE = 1_000_000;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZES[PAGE_SIZES.length - 1])
    .default(DEFAULT_PAGE_SIZE),
};

export interface Page {
  page: number;
  pageSize: number;
}

export interface Pagination extends Page {
  pageCount: number;
  total: number;
}

/** The answer of every list: one page of rows, and where it stands. */
export interface ListAnswer<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/** The answer of every request about one thing: the thing as it is now. */
export interface Answer<T> {
  data: T;
}
