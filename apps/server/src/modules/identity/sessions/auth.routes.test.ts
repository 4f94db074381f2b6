import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../platform/http/access';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test-support/test-app';

describe('authentication routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in with an email, sets an httpOnly SameSite=Lax cookie and returns the user with roles and a CSRF token', async () => {
    const { login } = await t.givenUser({ role: 'province_officer' });
    const response = await t.anonymous.post('/api/auth/login', { login: login.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.user.email).toBe(login);
    expect(body.user.roles).toEqual([
      { role: 'province_officer', provinceCode: '14', communeCode: null, producerId: null, salesPointId: null },
    ]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).not.toHaveProperty('passwordHash');
  });

  it('logs in with a phone number written with +84 and spaces', async () => {
    const admin = await t.as({ role: 'province_admin' });
    const created = await admin.post('/api/users', {
      fullName: 'Lò Văn Phóng',
      phone: '0912 345 678',
      password: TEST_PASSWORD,
      roles: [{ role: 'province_officer' }],
    });
    expect(created.statusCode).toBe(201);
    const response = await t.anonymous.post('/api/auth/login', { login: '+84 912.345.678', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.phone).toBe('0912345678');
  });

  it('answers a wrong password and an unknown login with the same Vietnamese 401', async () => {
    const { login } = await t.givenUser({ role: 'province_officer' });
    const wrong = await t.anonymous.post('/api/auth/login', { login, password: 'not-the-password' });
    const unknown = await t.anonymous.post('/api/auth/login', { login: 'nobody@test.vn', password: 'not-the-password' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'auth.invalid_credentials',
        title: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        status: 401,
      });
    }
    expect(wrong.json().title).toBe(unknown.json().title);
  });

  it('answers in English when the client asks for it', async () => {
    const response = await t.anonymous.post(
      '/api/auth/login',
      { login: 'nobody@test.vn', password: 'x' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(response.json().title).toBe('Wrong login or password.');
  });

  it('throttles an account after five failures and says in Vietnamese when to try again, even with the right password', async () => {
    const { login } = await t.givenUser({ role: 'province_officer' });
    for (let i = 0; i < 5; i++) {
      const failed = await t.anonymous.post('/api/auth/login', { login, password: `wrong-${i}` });
      expect(failed.statusCode).toBe(401);
    }
    const locked = await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json().code).toBe('auth.throttled');
    expect(locked.json().title).toMatch(/^Bạn đã đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau 15 phút \(sau \d{2}:\d{2}\)\.$/);

    t.clock.advance(15 * 60_000 + 1000);
    const again = await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    // trustProxy is off, so every injected request comes from 127.0.0.1; use a fresh app to own the counter.
    const own = await startTestApp();
    try {
      for (let i = 0; i < 30; i++)
        await own.anonymous.post('/api/auth/login', { login: `x${i}@test.vn`, password: 'wrong-password' }, headers);
      const { login } = await own.givenUser({ role: 'province_officer' });
      const locked = await own.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD }, headers);
      expect(locked.statusCode).toBe(429);
    } finally {
      await own.close();
    }
  });

  it('returns me with the CSRF token, and refuses a forged cookie with 401', async () => {
    const officer = await t.as({ role: 'commune_officer' });
    const me = await officer.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles[0]).toMatchObject({ role: 'commune_officer', communeCode: '03664' });
    expect(me.json().csrfToken).toBe(officer.session.csrfToken);

    const forged = await t.anonymous.get('/api/auth/me', { cookie: `${SESSION_COOKIE}=forged-token-value` });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'auth.session_expired', title: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' });
    const none = await t.anonymous.get('/api/auth/me');
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('auth.required');
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const idle = await t.as({ role: 'province_officer' });
    t.clock.advance(31 * 60_000);
    const expired = await idle.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('auth.session_expired');

    const busy = await t.as({ role: 'province_officer' });
    // A request every 20 minutes keeps it from idling out, but not past 12 hours.
    for (let step = 0; step < 36; step++) {
      t.clock.advance(20 * 60_000);
      expect((await busy.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state change without the CSRF token and accepts it with the token', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const missing = await officer.post('/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'auth.csrf_invalid' });
    const wrong = await officer.post('/api/auth/logout', undefined, { 'x-csrf-token': 'a'.repeat(32) });
    expect(wrong.statusCode).toBe(403);
    expect((await officer.get('/api/auth/me')).statusCode).toBe(200);

    const ok = await officer.post('/api/auth/logout');
    expect(ok.statusCode).toBe(200);
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password, ending the other sessions but not this one', async () => {
    const { login } = await t.givenUser({ role: 'province_officer' });
    const first = t.client(await t.login(login));
    const second = t.client(await t.login(login));
    const tooShort = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json()).toMatchObject({ code: 'user.password_too_short', title: 'Mật khẩu phải có ít nhất 8 ký tự.' });
    const wrongCurrent = await first.post('/api/auth/password', { currentPassword: 'nope-nope', newPassword: 'a-new-password-1' });
    expect(wrongCurrent.json().code).toBe('auth.wrong_current_password');

    const changed = await first.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(changed.statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/auth/login', { login, password: 'a-new-password-1' })).statusCode).toBe(200);
  });

  it('marks the cookie Secure when the public URL is HTTPS', async () => {
    const secure = await startTestApp({ settings: { publicUrl: 'https://ocop.sonla.gov.vn' } });
    try {
      const { login } = await secure.givenUser({ role: 'province_officer' });
      const response = await secure.anonymous.post('/api/auth/login', { login, password: TEST_PASSWORD });
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
