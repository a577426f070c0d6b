/**
 * Postal addresses as orders and customers keep them: one shape, compared and stored the same
 * way by the engine (an order's history says an address changed only when it did) and the admin
 * ("shipping same as billing").
 */
import type { AddressJson } from '../contracts/customers';

const PARTS = ['country', 'postalCode', 'city', 'street'] as const;

/** The address with every part present (null where empty), or null when it has no part at all. */
export const normalAddress = (address: AddressJson | null | undefined): AddressJson | null => {
  if (!address) return null;
  const parts = Object.fromEntries(PARTS.map((part) => [part, address[part]?.trim() || null])) as Required<AddressJson>;
  return PARTS.some((part) => parts[part]) ? parts : null;
};

/** Whether two addresses are one: the same parts, an empty part and a missing one alike. */
export const sameAddress = (a: AddressJson | null | undefined, b: AddressJson | null | undefined): boolean => {
  const [x, y] = [normalAddress(a), normalAddress(b)];
  return PARTS.every((part) => (x?.[part] ?? null) === (y?.[part] ?? null));
};
