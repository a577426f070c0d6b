import type { Page, Pagination } from '../../../shared/contracts/pages';

/** Strapi's meta.pagination for a page of a list of `total` rows. */
export const pagination = ({ page, pageSize }: Page, total: number): { pagination: Pagination } => ({
  pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
});

/** The rows a page skips. */
export const offsetOf = ({ page, pageSize }: Page) => (page - 1) * pageSize;
