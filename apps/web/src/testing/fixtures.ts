import type { AdminUnitView, ProvinceUnitsView } from '@ocop/contracts/geography';
import type { MeView, RoleGrantView, UserView } from '@ocop/contracts/identity';
import type { Role } from '@ocop/domain/shared';

export function grant(role: Role, scope: Partial<Omit<RoleGrantView, 'role'>> = {}): RoleGrantView {
  return { role, provinceCode: null, communeCode: null, producerId: null, salesPointId: null, ...scope };
}

export function buildUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: '0b6f3c56-2f7e-4d1e-9a55-1f0c3d2b9a10',
    fullName: 'Lò Văn Minh',
    email: 'minh@sonla.gov.vn',
    phone: '0912345678',
    provinceCode: '14',
    roles: [grant('province_admin', { provinceCode: '14' })],
    disabled: false,
    mustChangePassword: false,
    createdAt: '2025-08-01T02:00:00.000Z',
    lastLoginAt: '2025-09-01T01:30:00.000Z',
    ...overrides,
  };
}

export function buildMe(user: Partial<UserView> = {}): MeView {
  return { user: buildUser(user), csrfToken: 'csrf-token-1', sessionExpiresAt: '2025-09-01T09:30:00.000Z' };
}

function unit(code: string, name: string, level: AdminUnitView['level'], parentCode: string | null, snapshot: string): AdminUnitView {
  return { code, name, type: name.split(' ')[0] ?? null, level, parentCode, provinceCode: '14', snapshot };
}

/** Sơn La on the 2025-07-01 map, cut down to two wards. */
export function sonLaAfterReform(): ProvinceUnitsView {
  const snapshot = '2025-07-01';
  return {
    snapshot,
    province: unit('14', 'Tỉnh Sơn La', 'province', null, snapshot),
    districts: [],
    communes: [unit('03646', 'Phường Tô Hiệu', 'commune', '14', snapshot), unit('03679', 'Phường Chiềng An', 'commune', '14', snapshot)],
  };
}
