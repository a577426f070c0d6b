/** Who orders: the customer's details as the API takes and answers them. */
import { z } from 'zod';
import { optionalText, text } from './fields';

const address = z.strictObject({
  country: optionalText(2),
  postalCode: optionalText(16),
  city: optionalText(),
  street: optionalText(),
});

export const customerInput = z.strictObject({
  name: text().min(1, 'is required'),
  email: z.email().nullable().optional(),
  phone: optionalText(64),
  company: optionalText(),
  taxNumber: optionalText(32),
  address: address.nullable().optional(),
});

export type CustomerInput = z.infer<typeof customerInput>;
export type AddressJson = z.infer<typeof address>;

export interface CustomerJson {
  documentId: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  taxNumber: string | null;
  address: AddressJson | null;
}
