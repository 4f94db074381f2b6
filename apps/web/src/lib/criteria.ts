import type { UserView } from '@ocop/contracts/identity';
import { can } from '@ocop/domain/shared';

/** The OCOP secretariat (province staff, system admins): drafts, publishing, import and export of score sheets. */
export function canManageCriteria(user: Pick<UserView, 'roles'>): boolean {
  return can(user.roles, 'criteria.manage');
}
