/** The roles of the system; each grant of a role carries the scope it applies to. */
export const ROLES = [
  'system_admin',
  'province_admin',
  'province_officer',
  'commune_officer',
  'council_member',
  'producer_member',
  'sales_point_operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Which scope a role needs: everything, a province, a commune of that province, or one record. */
export const ROLE_SCOPE: Record<Role, 'all' | 'province' | 'commune' | 'producer' | 'sales_point'> = {
  system_admin: 'all',
  province_admin: 'province',
  province_officer: 'province',
  commune_officer: 'commune',
  council_member: 'province',
  producer_member: 'producer',
  sales_point_operator: 'sales_point',
};

export type RoleGrant = {
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
  salesPointId: string | null;
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
