import { yearIn } from './calendar';

/**
 * An order's number: human-readable and unique, the year of the shop's calendar when the order
 * was created and the order's id, e.g. 2026-000042.
 */
export const orderNumber = (id: number, createdAt: Date, timeZone: string): string =>
  `${yearIn(createdAt, timeZone)}-${String(id).padStart(6, '0')}`;
