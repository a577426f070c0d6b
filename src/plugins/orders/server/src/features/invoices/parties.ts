/**
 * The seller and the buyer as an invoice names them (Áfa tv. 169. § c)–e)), read from the
 * company settings and the order's customer at issue. What §169 asks and is missing refuses the
 * issue with a 400 naming every field at fault — the seller's under `company.…` (Settings →
 * Company), the buyer's under `customer.…` — so that no invoice is ever issued incomplete.
 */
import type { FieldProblem } from '../../../../shared/contracts/errors';
import type { InvoiceAddress, InvoiceBuyer, InvoiceSeller } from '../../../../shared/contracts/invoices';
import type { Company } from '../../../../shared/contracts/settings';
import type { AddressJson, CustomerJson } from '../../../../shared/contracts/customers';
import { normalizeEuVatNumber, normalizeTaxNumber } from '../../../../shared/domain/hungarian-ids';

/** What is missing, each at its field: invalidFields() words the 400. */
export type Problems = Array<Omit<FieldProblem, 'path'> & { path: string }>;

const ADDRESS_PARTS = ['country', 'postalCode', 'city', 'street'] as const;

/** The address when all four parts are there, else the problems naming the missing ones. */
const addressOf = (
  address: Partial<Record<(typeof ADDRESS_PARTS)[number], string | null>> | null,
  path: string,
  problems: Problems,
  code: FieldProblem['code']
) => {
  const missing = ADDRESS_PARTS.filter((part) => !address?.[part]?.trim());
  for (const part of missing) problems.push({ path: `${path}.${part}`, code, message: `is required on an invoice` });
  return missing.length
    ? null
    : (Object.fromEntries(ADDRESS_PARTS.map((part) => [part, address![part]!.trim()])) as unknown as InvoiceAddress);
};

/** Us, as the settings say; the problems name what an invoice needs and the settings lack. */
export const sellerOf = (
  company: Company,
  { needsEuVatNumber }: { needsEuVatNumber: boolean },
  problems: Problems
): InvoiceSeller | null => {
  const missing = (field: keyof Company, why = 'is required on an invoice: fill it in Settings → Company') =>
    problems.push({ path: `company.${field}`, code: 'sellerIncomplete', message: why });
  if (!company.name) missing('name');
  const address = addressOf(company.address, 'company.address', problems, 'sellerIncomplete');
  if (!company.taxNumber) missing('taxNumber');
  if (!company.bankAccount) missing('bankAccount');
  if (needsEuVatNumber && !company.euVatNumber) missing('euVatNumber', 'is required on an invoice with a supply within the EU (EU)');
  if (!company.name || !address || !company.taxNumber || !company.bankAccount) return null;
  return {
    name: company.name,
    address,
    taxNumber: company.taxNumber,
    euVatNumber: company.euVatNumber,
    bankAccount: company.bankAccount,
    email: company.email,
    phone: company.phone,
    website: company.website,
  };
};

/**
 * The buyer, from the order's customer and billing address: a company (it has a company name) in Hungary is a
 * domestic taxable person and needs its Hungarian tax number; a company abroad is "other", with
 * its EU VAT number when the tax number field holds one; anyone else is a private person. A
 * supply within the EU (EU) needs the buyer's EU VAT number.
 */
export const buyerOf = (
  customer: CustomerJson | null,
  { needsEuVatNumber, billingAddress = null }: { needsEuVatNumber: boolean; billingAddress?: AddressJson | null },
  problems: Problems
): InvoiceBuyer | null => {
  if (!customer) {
    problems.push({ path: 'customer', code: 'required', message: 'an invoice needs a buyer: the order has no customer' });
    return null;
  }
  // The order's billing address, as ordered; an order from before orders had one: its customer's.
  const address = billingAddress
    ? addressOf(billingAddress, 'billingAddress', problems, 'required')
    : addressOf(customer.address, 'customer.address', problems, 'required');
  const given = customer.taxNumber?.trim() ?? '';
  const taxNumber = given ? normalizeTaxNumber(given) : null;
  const euVatNumber = given && !taxNumber ? normalizeEuVatNumber(given) : null;
  const company = customer.company?.trim();
  const abroad = ((billingAddress ?? customer.address)?.country ?? 'HU').toUpperCase() !== 'HU';
  const vatStatus = !company ? 'privatePerson' : abroad ? 'other' : 'domestic';
  if (vatStatus === 'domestic' && !taxNumber) {
    problems.push({
      path: 'customer.taxNumber',
      code: 'buyerTaxNumber',
      message: given
        ? `"${given}" is not a Hungarian tax number such as 12345676-2-42`
        : 'a company buyer in Hungary needs its tax number on an invoice',
    });
  }
  if (needsEuVatNumber && !euVatNumber) {
    problems.push({
      path: 'customer.taxNumber',
      code: 'buyerTaxNumber',
      message: 'a supply within the EU (EU) needs the buyer’s EU VAT number',
    });
  }
  if (!address || (vatStatus === 'domestic' && !taxNumber)) return null;
  return {
    name: company || customer.name,
    vatStatus,
    address,
    taxNumber: vatStatus === 'domestic' ? taxNumber : null,
    euVatNumber: vatStatus === 'privatePerson' ? null : euVatNumber,
    email: customer.email,
  };
};
