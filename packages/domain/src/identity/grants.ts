import { type Capability, can, reachOf } from '../shared/capabilities';
import { DomainError } from '../shared/domain-error';
import { ROLE_SCOPE, type RoleGrant } from '../shared/roles';

/** The grant as the role needs it: the fields its scope uses are present, the others are empty. */
export function normalizeGrant(grant: RoleGrant): RoleGrant {
  const scope = ROLE_SCOPE[grant.role];
  const missing = (field: string) =>
    new DomainError('invalid', 'role.scope_missing', `The role ${grant.role} needs a ${field}.`, {
      role: grant.role,
      field,
    });
  if (scope === 'all') return { role: grant.role, provinceCode: null, communeCode: null, producerId: null, salesPointId: null };
  if (!grant.provinceCode) throw missing('provinceCode');
  const base = { role: grant.role, provinceCode: grant.provinceCode, communeCode: null, producerId: null, salesPointId: null };
  switch (scope) {
    case 'province':
      return base;
    case 'commune':
      if (!grant.communeCode) throw missing('communeCode');
      return { ...base, communeCode: grant.communeCode };
    case 'producer':
      if (!grant.producerId) throw missing('producerId');
      return { ...base, producerId: grant.producerId };
    case 'sales_point':
      if (!grant.salesPointId) throw missing('salesPointId');
      return { ...base, salesPointId: grant.salesPointId };
  }
}

/** Provinces whose users the actor administers (`users.manage`). */
export function administeredProvinces(grants: readonly RoleGrant[]): 'all' | string[] {
  return provincesReached(grants, 'users.manage');
}

export function canAdministerProvince(grants: readonly RoleGrant[], provinceCode: string): boolean {
  return can(grants, 'users.manage', { provinceCode });
}

/** The provinces a province-scoped capability reaches through the grants, or 'all'. */
export function provincesReached(grants: readonly RoleGrant[], capability: Capability): 'all' | string[] {
  const reach = reachOf(grants, capability);
  return reach === 'all' ? 'all' : reach.provinceCodes;
}

/**
 * A province admin hands out any role inside their own province except system_admin;
 * only one who manages users everywhere (the system admin) creates system admins or acts across provinces.
 */
export function assertCanGrant(actor: readonly RoleGrant[], grant: RoleGrant): void {
  if (administeredProvinces(actor) === 'all') return;
  if (grant.role === 'system_admin' || !grant.provinceCode || !canAdministerProvince(actor, grant.provinceCode)) {
    throw new DomainError('forbidden', 'role.grant_not_allowed', 'You may not grant this role in this scope.', {
      role: grant.role,
      provinceCode: grant.provinceCode,
    });
  }
}
