import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import { HANOI, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test-support/test-app';

describe('user management and tenancy', () => {
  let t: TestApp;
  let sonLaAdmin: Client & { session: { userId: string } };
  let hanoiAdmin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    sonLaAdmin = await t.as({ role: 'province_admin' });
    hanoiAdmin = await t.as({ role: 'province_admin', provinceCode: HANOI });
  });
  afterAll(() => t.close());

  const officerBody = (login: string, communeCode = '03664') => ({
    fullName: 'Lường Thị Mai',
    email: login,
    password: TEST_PASSWORD,
    roles: [{ role: 'commune_officer', communeCode }],
  });

  it('lets a province admin create a commune officer in their province, recorded in the audit log', async () => {
    const response = await sonLaAdmin.post('/api/users', officerBody('mai.chiengan@test.vn'));
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      provinceCode: '14',
      roles: [{ role: 'commune_officer', provinceCode: '14', communeCode: '03664' }],
      disabled: false,
      mustChangePassword: true,
    });

    const audit = (await sonLaAdmin.get(`/api/audit-entries?entityType=user&entityId=${user.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'user.created',
      actorUserId: sonLaAdmin.session.userId,
      provinceCode: '14',
      ipAddress: '127.0.0.1',
    });
    expect(JSON.stringify(audit.items[0].after)).not.toContain('passwordHash');
  });

  it('refuses a commune code that does not exist, and one of another province, storing nothing', async () => {
    for (const communeCode of ['99999', '00004']) {
      const response = await sonLaAdmin.post('/api/users', officerBody(`x${communeCode}@test.vn`, communeCode));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'admin_unit.commune_not_found' });
      expect(response.json().title).toBe(`Không có xã/phường mã ${communeCode} thuộc tỉnh 14.`);
    }
    const list = (await sonLaAdmin.get('/api/users?q=x99999')).json();
    expect(list.total).toBe(0);
  });

  it('refuses to create a user in another province or a system admin', async () => {
    const other = await sonLaAdmin.post('/api/users', { ...officerBody('y@test.vn', '00004'), provinceCode: HANOI });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('province.outside_scope');
    const sys = await sonLaAdmin.post('/api/users', {
      fullName: 'X',
      email: 'sys@test.vn',
      password: TEST_PASSWORD,
      roles: [{ role: 'system_admin' }],
    });
    expect(sys.statusCode).toBe(403);
    expect(sys.json().code).toBe('role.grant_not_allowed');
  });

  it('refuses a duplicate login, a bad phone and a short password with Vietnamese messages', async () => {
    await sonLaAdmin.post('/api/users', officerBody('dup@test.vn'));
    const dup = await sonLaAdmin.post('/api/users', officerBody('DUP@test.vn'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().title).toBe('Email hoặc số điện thoại này đã được dùng cho tài khoản khác.');
    const phone = await sonLaAdmin.post('/api/users', { ...officerBody(''), email: undefined, phone: '12345' });
    expect(phone.statusCode).toBe(422);
    expect(phone.json().code).toBe('user.invalid_phone');
    const short = await sonLaAdmin.post('/api/users', { ...officerBody('short@test.vn'), password: 'abc' });
    expect(short.json().code).toBe('user.password_too_short');
  });

  it('never shows another province’s users or audit entries', async () => {
    const hanoiUser = (
      await hanoiAdmin.post('/api/users', {
        fullName: 'Nguyễn Văn Hà',
        email: 'ha@test.vn',
        password: TEST_PASSWORD,
        roles: [{ role: 'province_officer' }],
      })
    ).json();
    const sonLaList = (await sonLaAdmin.get('/api/users?pageSize=200')).json();
    expect(sonLaList.items.every((u: { provinceCode: string }) => u.provinceCode === '14')).toBe(true);
    expect(sonLaList.items.some((u: { id: string }) => u.id === hanoiUser.id)).toBe(false);
    expect((await sonLaAdmin.get(`/api/users/${hanoiUser.id}`)).statusCode).toBe(404);
    expect((await sonLaAdmin.post(`/api/users/${hanoiUser.id}/disable`)).statusCode).toBe(404);
    const foreignAudit = await sonLaAdmin.get(`/api/audit-entries?provinceCode=${HANOI}`);
    expect(foreignAudit.statusCode).toBe(403);
    const audit = (await sonLaAdmin.get('/api/audit-entries?pageSize=200')).json();
    expect(audit.items.every((e: { provinceCode: string }) => e.provinceCode === '14')).toBe(true);
    expect(audit.items.some((e: { entityId: string }) => e.entityId === hanoiUser.id)).toBe(false);
  });

  it('lets a system admin see every province', async () => {
    const system = await t.as({ role: 'system_admin' });
    const all = (await system.get('/api/users?pageSize=200')).json();
    expect(new Set(all.items.map((u: { provinceCode: string }) => u.provinceCode))).toEqual(new Set(['14', '01', null]));
  });

  it('disables a user, ending their sessions, and enables them again', async () => {
    const { user, login } = await t.givenUser({ role: 'province_officer' });
    const officer = t.client(await t.login(login));
    const disabled = await sonLaAdmin.post(`/api/users/${user.id}/disable`);
    expect(disabled.json().disabled).toBe(true);
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBe('Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
    await sonLaAdmin.post(`/api/users/${user.id}/enable`);
    expect((await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await sonLaAdmin.post(`/api/users/${sonLaAdmin.session.userId}/disable`)).json().code).toBe('user.cannot_disable_self');
  });

  it('resets a password so that the user must set a new one before doing anything else', async () => {
    const { user, login } = await t.givenUser({ role: 'province_officer' });
    const reset = await sonLaAdmin.post(`/api/users/${user.id}/password-reset`, { temporaryPassword: 'tam-thoi-2026' });
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD })).statusCode).toBe(401);
    const session = await t.login(login, 'tam-thoi-2026');
    const officer = t.client(session);
    expect((await officer.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await officer.get('/api/admin-units/snapshots');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
    expect(
      (await officer.post('/api/auth/password', { currentPassword: 'tam-thoi-2026', newPassword: 'mat-khau-moi-2026' })).statusCode,
    ).toBe(200);
    expect((await officer.get('/api/admin-units/snapshots')).statusCode).toBe(200);
  });

  it('replaces roles, checking scope again', async () => {
    const { user } = await t.givenUser({ role: 'province_officer' });
    const updated = await sonLaAdmin.put(`/api/users/${user.id}/roles`, {
      roles: [{ role: 'council_member' }, { role: 'commune_officer', communeCode: '03670' }],
    });
    expect(updated.statusCode).toBe(200);
    expect(
      updated
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['commune_officer', 'council_member']);
    const bad = await sonLaAdmin.put(`/api/users/${user.id}/roles`, { roles: [{ role: 'commune_officer' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'role.scope_missing' });
  });

  it('corrects a user’s name, email and phone, recording before and after, and the new login works', async () => {
    const created = (await sonLaAdmin.post('/api/users', { ...officerBody('lo.van.a@test.vn'), password: TEST_PASSWORD })).json();
    const updated = await sonLaAdmin.patch(`/api/users/${created.id}`, {
      fullName: '  Lò Văn Anh ',
      email: 'Lo.Van.Anh@Test.vn',
      phone: '+84 912 000 111',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ fullName: 'Lò Văn Anh', email: 'lo.van.anh@test.vn', phone: '0912000111' });
    expect((await sonLaAdmin.get(`/api/users/${created.id}`)).json().fullName).toBe('Lò Văn Anh');
    const audit = (await sonLaAdmin.get(`/api/audit-entries?entityType=user&entityId=${created.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'user.updated',
      before: { fullName: 'Lường Thị Mai', email: 'lo.van.a@test.vn', phone: null },
      after: { fullName: 'Lò Văn Anh', email: 'lo.van.anh@test.vn', phone: '0912000111' },
    });
    expect((await t.anonymous.post('/api/auth/login', { login: '0912000111', password: TEST_PASSWORD })).statusCode).toBe(200);
    const phoneOnly = await sonLaAdmin.patch(`/api/users/${created.id}`, { email: null });
    expect(phoneOnly.json()).toMatchObject({ email: null, phone: '0912000111' });
  });

  it('refuses a user edit that leaves no login, takes another user’s login, or reaches another province', async () => {
    const first = (await sonLaAdmin.post('/api/users', officerBody('first.edit@test.vn'))).json();
    await sonLaAdmin.post('/api/users', officerBody('second.edit@test.vn'));
    const none = await sonLaAdmin.patch(`/api/users/${first.id}`, { email: '', phone: null });
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('user.login_required');
    const taken = await sonLaAdmin.patch(`/api/users/${first.id}`, { email: 'SECOND.edit@test.vn' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().title).toBe('Email hoặc số điện thoại này đã được dùng cho tài khoản khác.');
    const badEmail = await sonLaAdmin.patch(`/api/users/${first.id}`, { email: 'htx@' });
    expect(badEmail.json().code).toBe('user.invalid_email');
    expect((await hanoiAdmin.patch(`/api/users/${first.id}`, { fullName: 'X' })).statusCode).toBe(404);
    expect((await sonLaAdmin.get(`/api/users/${first.id}`)).json()).toMatchObject({
      fullName: 'Lường Thị Mai',
      email: 'first.edit@test.vn',
    });
    const officer = await t.as({ role: 'province_officer' });
    expect((await officer.patch(`/api/users/${first.id}`, { fullName: 'X' })).statusCode).toBe(403);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    for (const statement of ["update audit_entries set action = 'x'", 'delete from audit_entries', 'truncate audit_entries']) {
      const error = await t.database.db.execute(sql.raw(statement)).then(
        () => undefined,
        (failure: Error & { cause?: Error }) => failure,
      );
      expect(String(error?.cause?.message ?? error?.message), statement).toMatch(/append-only/);
    }
    const [left] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_entries`);
    expect(left?.n).toBeGreaterThan(0);
  });
});
