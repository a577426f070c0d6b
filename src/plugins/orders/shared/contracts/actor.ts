/** Who caused a change, as the order's history and the stock ledger record it. */
export type Actor = { type: 'admin'; id: number; name: string } | { type: 'integration'; name: string } | { type: 'system'; name: string };
