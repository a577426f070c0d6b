import type { CustomerJson } from '../../../../shared/contracts/customers';
import type { CustomerRow } from './repository';

export const serializeCustomer = (customer: CustomerRow | null | undefined): CustomerJson | null =>
  customer
    ? {
        documentId: customer.documentId,
        name: customer.name,
        email: customer.email ?? null,
        phone: customer.phone ?? null,
        company: customer.company ?? null,
        taxNumber: customer.taxNumber ?? null,
        address: customer.address ?? null,
      }
    : null;
