/**
 * New order's customer picker: what Enter picks. The customer whose e-mail or tax number is
 * exactly what was typed, else whose name is (ignoring case and the spaces around it), else the
 * only one found; none when several match loosely — the list then asks for a click.
 */
import type { CustomerSummaryJson } from '../../../../../shared/contracts/customers';

type Candidate = Pick<CustomerSummaryJson, 'name' | 'email' | 'taxNumber'>;

const same = (a: string | null, b: string) => (a ?? '').trim().toLocaleLowerCase() === b;

export const exactMatch = <C extends Candidate>(found: readonly C[], typed: string): C | undefined => {
  const text = typed.trim().toLocaleLowerCase();
  if (!text) return undefined;
  const byKey = found.filter((customer) => same(customer.email, text) || same(customer.taxNumber, text));
  if (byKey.length === 1) return byKey[0];
  const byName = found.filter((customer) => same(customer.name, text));
  if (byName.length === 1) return byName[0];
  return found.length === 1 ? found[0] : undefined;
};
