import type { Actor } from '../../../shared/contracts/actor';

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
