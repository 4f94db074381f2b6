import type { AdminUnitView } from '@ocop/contracts/geography';
import type { RoleGrantBody, RoleGrantView } from '@ocop/contracts/identity';
import { ROLE_SCOPE, ROLES, type Role } from '@ocop/domain/shared';

/** One row of the roles editor; only the field its role's scope needs is read. */
export type RoleGrantRow = {
  role?: Role;
  /** Kept from an existing grant, so editing a user never moves their grants in other provinces. */
  provinceCode?: string;
  communeCode?: string;
  producerId?: string;
  salesPointId?: string;
};

export const ROLE_ROW_FIELDS = ['role', 'communeCode', 'producerId', 'salesPointId'] as const;

export function rowFromGrant(grant: RoleGrantView): RoleGrantRow {
  return {
    role: grant.role,
    provinceCode: grant.provinceCode ?? undefined,
    communeCode: grant.communeCode ?? undefined,
    producerId: grant.producerId ?? undefined,
    salesPointId: grant.salesPointId ?? undefined,
  };
}

/**
 * The grant the API expects: the row's own province when it came from an existing grant, else the
 * one being administered; the other fields by the role's scope.
 */
export function grantFromRow(row: RoleGrantRow, provinceCode: string): RoleGrantBody {
  if (!row.role) throw new Error('A role row has no role; the form should have refused it.');
  const scope = ROLE_SCOPE[row.role];
  if (scope === 'all') return { role: row.role };
  const grant: RoleGrantBody = { role: row.role, provinceCode: row.provinceCode ?? provinceCode };
  if (scope === 'commune') grant.communeCode = row.communeCode ?? null;
  if (scope === 'producer') grant.producerId = row.producerId?.trim() ?? null;
  if (scope === 'sales_point') grant.salesPointId = row.salesPointId?.trim() ?? null;
  return grant;
}

/** A key that is equal for two rows granting the same role in the same scope. */
export function rowIdentity(row: RoleGrantRow): string {
  if (!row.role) return '';
  switch (ROLE_SCOPE[row.role]) {
    case 'commune':
      return `${row.role}:${row.communeCode ?? ''}`;
    case 'producer':
      return `${row.role}:${row.producerId?.trim().toLowerCase() ?? ''}`;
    case 'sales_point':
      return `${row.role}:${row.salesPointId?.trim().toLowerCase() ?? ''}`;
    default:
      return row.role;
  }
}

/** A province admin hands out every role but system_admin; a system admin hands out all. */
export function grantableRoles(isSystemAdmin: boolean): Role[] {
  return ROLES.filter((role) => isSystemAdmin || role !== 'system_admin');
}

/** Where in the roles list a server error about a grant belongs, from the error's details. */
export function roleFieldForError(
  code: string,
  details: Readonly<Record<string, unknown>>,
  rows: readonly RoleGrantRow[],
): (string | number)[] | null {
  if (code === 'admin_unit.commune_not_found') {
    const index = rows.findIndex((row) => row.communeCode === details.code);
    return index >= 0 ? ['roles', index, 'communeCode'] : null;
  }
  if (code === 'role.scope_missing' || code === 'role.grant_not_allowed') {
    const index = rows.findIndex((row) => row.role === details.role);
    if (index < 0) return null;
    const field = typeof details.field === 'string' ? details.field : 'role';
    return ['roles', index, (ROLE_ROW_FIELDS as readonly string[]).includes(field) ? field : 'role'];
  }
  return null;
}

export type CommuneOption = { value: string; label: string };

export function communeOptions(communes: readonly AdminUnitView[]): CommuneOption[] {
  return communes.map((commune) => ({ value: commune.code, label: commune.name })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}
