import type { UserView } from '@ocop/contracts/identity';
import type { UserWithRoles } from './user.service';

/** Rows never leave the server unmapped: no password hash can slip out. */
export function toUserView(user: UserWithRoles): UserView {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    provinceCode: user.provinceCode,
    roles: user.roles,
    disabled: user.disabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
