/**
 * The sorts of the orders list, in one place for the API's contract and the admin's list page
 * (a module of its own so that the admin imports it without zod).
 */
export const ORDER_SORTS = [
  'createdAt:desc',
  'createdAt:asc',
  'number:asc',
  'number:desc',
  'gross:asc',
  'gross:desc',
  'state:asc',
  'customer:asc',
] as const;

export type OrderSort = (typeof ORDER_SORTS)[number];
