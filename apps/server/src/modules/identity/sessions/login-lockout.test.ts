import type { RoleGrant } from '@ocop/domain/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test-support/test-app';

const textOf = (value: unknown) => JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? String(inner) : inner));

/**
 * The account lock-out under concurrent bursts, on the engine of the run (PGlite, or PostgreSQL
 * with a pool of 4 when TEST_DATABASE_URL is set), and the audit entries it leaves.
 */
describe('login lock-out', () => {
  let t: TestApp;
  const systemAdmin: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // Each burst comes from its own address, so the per-address counter (30) never decides.
  let address = 10;
  const login = (loginName: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password }, remoteAddress });

  const auditOf = async (entityId: string | undefined) =>
    (await t.modules.identity.audit.list(systemAdmin, { entityType: 'user', ...(entityId ? { entityId } : {}), page: 1, pageSize: 100 }))
      .items;

  it('checks at most five of 20 concurrent wrong passwords, keeps the lock, and refuses the right password after', async () => {
    const { user, login: loginName } = await t.givenUser({ role: 'province_officer' });
    const from = `198.51.100.${address++}`;
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(loginName, `wrong-password-${i}`, from)));
    const statuses = burst.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);

    const right = await login(loginName, TEST_PASSWORD, `198.51.100.${address++}`);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('auth.throttled');

    const entries = await auditOf(user.id);
    expect(entries.filter((entry) => entry.action === 'auth.login_failed')).toHaveLength(5);
    expect(entries.filter((entry) => entry.action === 'auth.locked_out')).toHaveLength(1);
    for (const entry of entries.filter((candidate) => candidate.action.startsWith('auth.'))) {
      expect(entry).toMatchObject({ entityType: 'user', entityId: user.id, provinceCode: user.provinceCode, actorUserId: null });
      expect(textOf(entry)).not.toContain('wrong-password');
      expect(textOf(entry)).not.toContain(loginName);
    }

    t.clock.advance(15 * 60_000 + 1000);
    expect((await login(loginName, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('keeps the lock when more failures arrive during it, one after another', async () => {
    const { login: loginName } = await t.givenUser({ role: 'province_officer' });
    const from = `198.51.100.${address++}`;
    for (let i = 0; i < 5; i++) expect((await login(loginName, `wrong-${i}`, from)).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await login(loginName, `wrong-again-${i}`, from)).statusCode).toBe(429);
    t.clock.advance(60_000);
    expect((await login(loginName, TEST_PASSWORD, from)).statusCode).toBe(429);
  });

  it('records a failed login of an unknown login without the text typed, which may be a password', async () => {
    const typed = 'mat-khau-bi-go-nham-o-o-dang-nhap';
    const from = `198.51.100.${address++}`;
    expect((await login(typed, 'whatever-1', from)).statusCode).toBe(401);
    const entry = (await auditOf(undefined)).find((candidate) => candidate.action === 'auth.login_failed' && candidate.entityId === null);
    expect(entry).toMatchObject({ entityType: 'user', entityId: null, provinceCode: null, ipAddress: from });
    expect(textOf(entry)).not.toContain(typed);
  });

  it('throttles wrong current passwords like logins, also under a concurrent burst, and locks the login with them', async () => {
    const { user, login: loginName } = await t.givenUser({ role: 'province_officer' });
    const session = t.client(await t.login(loginName));
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        session.post('/api/auth/password', { currentPassword: `not-it-${i}-xyz`, newPassword: 'a-new-password-1' }),
      ),
    );
    const codes = burst.map((response) => response.json().code);
    expect(codes.filter((code) => code === 'auth.wrong_current_password')).toHaveLength(5);
    expect(codes.filter((code) => code === 'auth.password_change_throttled')).toHaveLength(7);

    const right = await session.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(right.statusCode).toBe(429);
    expect(right.json().title).toMatch(/^Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần\. Vui lòng thử lại sau 15 phút/);
    expect((await login(loginName, TEST_PASSWORD, `198.51.100.${address++}`)).statusCode).toBe(429);
    expect((await auditOf(user.id)).filter((entry) => entry.action === 'auth.locked_out')).toHaveLength(1);

    t.clock.advance(15 * 60_000 + 1000);
    const later = t.client(await t.login(loginName));
    expect((await later.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' })).statusCode).toBe(
      200,
    );
  });
});
