import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SON_LA, startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test-support/test-app';

/** Two administrators creating the same login at the same moment (PGlite, or PostgreSQL with a pool). */
describe('concurrent user creation', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as({ role: 'province_admin', provinceCode: SON_LA });
  });
  afterAll(() => t.close());

  const body = (login: { email?: string; phone?: string }, n: number) => ({
    fullName: `Cán bộ ${n}`,
    ...login,
    password: TEST_PASSWORD,
    roles: [{ role: 'province_officer' }],
  });

  it('creates one user and answers the others 409 user.login_taken, for an email and for a phone written two ways', async () => {
    for (const logins of [
      [{ email: 'trung.lap@test.vn' }, { email: 'Trung.Lap@test.vn' }],
      [{ phone: '0912 000 111' }, { phone: '+84912000111' }],
    ]) {
      const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => admin.post('/api/users', body(logins[i % 2] ?? {}, i))));
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      for (const response of responses.filter((r) => r.statusCode === 409)) expect(response.json().code).toBe('user.login_taken');
    }
  });
});
