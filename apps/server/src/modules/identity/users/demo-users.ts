import type { Role } from '@ocop/domain/shared';
import { SYSTEM_CONTEXT } from '../audit/audit-context';
import type { AuthService } from '../sessions/auth.service';
import type { UserService } from './user.service';

/** Demo only: shown in the README and printed once at first start. Never use on real data. */
export const DEMO_PASSWORD = 'ocop-demo-2025';
export const DEMO_PROVINCE = '14'; // Tỉnh Sơn La
export const DEMO_COMMUNE = '03664'; // Phường Chiềng An (2025-07-01 map)

export type DemoUser = { login: string; fullName: string; role: Role; communeCode?: string; producerId?: string; salesPointId?: string };

export const DEMO_USERS: DemoUser[] = [
  { login: 'admin@ocop.demo', fullName: '(Demo) Quản trị hệ thống', role: 'system_admin' },
  { login: 'quantri.sonla@ocop.demo', fullName: '(Demo) Quản trị tỉnh Sơn La', role: 'province_admin' },
  { login: 'vanphong.sonla@ocop.demo', fullName: '(Demo) Cán bộ Văn phòng OCOP tỉnh', role: 'province_officer' },
  { login: 'xa.chiengan@ocop.demo', fullName: '(Demo) Cán bộ Phường Chiềng An', role: 'commune_officer', communeCode: DEMO_COMMUNE },
  { login: 'hoidong.sonla@ocop.demo', fullName: '(Demo) Thành viên Hội đồng tỉnh', role: 'council_member' },
];

/**
 * Creates the demo province and one user per role that exists so far; users already there are
 * left alone, so running it twice changes nothing. Returns the logins it created.
 */
export async function seedDemoUsers(deps: { users: UserService; auth: AuthService }, extra: DemoUser[] = []): Promise<DemoUser[]> {
  await deps.users.serveProvince(DEMO_PROVINCE);
  const created: DemoUser[] = [];
  for (const demo of [...DEMO_USERS, ...extra]) {
    if (await deps.auth.findUserByLogin(demo.login)) continue;
    await deps.users.createUser(
      'system',
      {
        fullName: demo.fullName,
        email: demo.login,
        password: DEMO_PASSWORD,
        provinceCode: demo.role === 'system_admin' ? null : DEMO_PROVINCE,
        roles: [
          {
            role: demo.role,
            communeCode: demo.communeCode ?? null,
            producerId: demo.producerId ?? null,
            salesPointId: demo.salesPointId ?? null,
          },
        ],
      },
      SYSTEM_CONTEXT,
    );
    created.push(demo);
  }
  return created;
}
