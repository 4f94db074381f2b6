import type { ProvinceUnitsView } from '@ocop/contracts/geography';
import type { RoleGrantView } from '@ocop/contracts/identity';
import { ROLE_SCOPE, ROLES, type Role } from '@ocop/domain/shared';
import type { MessageKey } from '../messages/vi';
import type { Translate } from './i18n';

export const ROLE_MESSAGE_KEYS: Record<Role, MessageKey> = {
  system_admin: 'role.system_admin',
  province_admin: 'role.province_admin',
  province_officer: 'role.province_officer',
  commune_officer: 'role.commune_officer',
  council_member: 'role.council_member',
  producer_member: 'role.producer_member',
  sales_point_operator: 'role.sales_point_operator',
};

export function roleLabel(role: Role, t: Translate): string {
  return t(ROLE_MESSAGE_KEYS[role]);
}

/** Roles in the order the programme ranks them, for selects and tags. */
export const ROLE_ORDER: readonly Role[] = ROLES;

/** Names the page already knows for unit codes; codes stay visible when a name is unknown. */
export type UnitNames = {
  province: (code: string) => string | undefined;
  commune: (code: string) => string | undefined;
  /** A producer's name, where the page has loaded it (a producer member's own). */
  producer?: (id: string) => string | undefined;
};

export const NO_UNIT_NAMES: UnitNames = { province: () => undefined, commune: () => undefined };

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** The scope of a grant in words: "Phường Chiềng An, Tỉnh Sơn La", "Tỉnh Sơn La", "Toàn hệ thống". */
export function describeScope(grant: RoleGrantView, names: UnitNames, t: Translate): string {
  const province = grant.provinceCode ? (names.province(grant.provinceCode) ?? t('scope.province', { code: grant.provinceCode })) : null;
  const withProvince = (first: string) => (province ? `${first}, ${province}` : first);
  switch (ROLE_SCOPE[grant.role]) {
    case 'all':
      return t('scope.all');
    case 'province':
      return province ?? t('scope.missing');
    case 'commune':
      if (!grant.communeCode) return province ?? t('scope.missing');
      return withProvince(names.commune(grant.communeCode) ?? t('scope.commune', { code: grant.communeCode }));
    case 'producer':
      if (!grant.producerId) return province ?? t('scope.missing');
      return withProvince(names.producer?.(grant.producerId) ?? t('scope.producer', { id: shortId(grant.producerId) }));
    case 'sales_point':
      if (!grant.salesPointId) return province ?? t('scope.missing');
      return withProvince(t('scope.salesPoint', { id: shortId(grant.salesPointId) }));
  }
}

/** "Cán bộ xã — Phường Chiềng An, Tỉnh Sơn La". */
export function describeGrant(grant: RoleGrantView, names: UnitNames, t: Translate): string {
  return `${roleLabel(grant.role, t)} — ${describeScope(grant, names, t)}`;
}

/** Unit names from province views the page has loaded (`GET /api/admin-units/provinces/:code`). */
export function unitNamesFrom(views: readonly (ProvinceUnitsView | undefined)[]): UnitNames {
  const provinces = new Map<string, string>();
  const communes = new Map<string, string>();
  for (const view of views) {
    if (!view) continue;
    provinces.set(view.province.code, view.province.name);
    for (const commune of view.communes) communes.set(commune.code, commune.name);
  }
  return { province: (code) => provinces.get(code), commune: (code) => communes.get(code) };
}

/** The provinces named by a list of grants, to load their communes once each. */
export function provinceCodesOf(grants: readonly RoleGrantView[]): string[] {
  return [...new Set(grants.map((grant) => grant.provinceCode).filter((code): code is string => Boolean(code)))].sort();
}
