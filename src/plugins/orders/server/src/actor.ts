/** Who caused a change, as the order's history and the stock ledger record it. */
export type Actor =
  | { type: 'admin'; id: number; name: string }
  | { type: 'integration'; name: string }
  | { type: 'system'; name: string };

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}

export const adminActor = (user: AdminUser): Actor => ({
  type: 'admin',
  id: user.id,
  name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `admin #${user.id}`,
});
