import fastifyCookie from '@fastify/cookie';
import type { RoleGrant } from '@ocop/domain/shared';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ApiKeyCaller,
  capability,
  registerAccessControl,
  type RegisteredRoute,
  requireCaller,
  SESSION_COOKIE,
} from './access';
import { registerErrorHandling } from './error-handler';

describe('registerAccessControl', () => {
  it('stops start-up when a route declares no access', async () => {
    const app = Fastify();
    const routes: RegisteredRoute[] = [];
    registerAccessControl(app, { authenticate: async () => 'expired' }, routes);
    app.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    expect(() => app.get('/forgotten', async () => 'oops')).toThrow(/has no config.access/);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('GET /declared');
    await app.close();
  });

  it('stops start-up when a route accepting API keys is public or merely for logged-in users', async () => {
    const app = Fastify();
    registerAccessControl(app, { authenticate: async () => 'expired' }, []);
    expect(() => app.get('/open', { config: { access: 'public', apiKeys: true } }, async () => 'x')).toThrow(/must be a capability/);
    expect(() => app.get('/any', { config: { access: 'authenticated', apiKeys: true } }, async () => 'x')).toThrow(/must be a capability/);
    await app.close();
  });
});

const PRODUCER = '11111111-1111-4111-8111-111111111111';
const memberGrant: RoleGrant = { role: 'producer_member', provinceCode: '14', communeCode: null, producerId: PRODUCER, salesPointId: null };
const CAPTURE_KEY = 'ocop_capture';
const READ_KEY = 'ocop_read';
const keyCaller = (capabilities: ApiKeyCaller['capabilities']): ApiKeyCaller => ({
  apiKeyId: `key-${capabilities.join('+')}`,
  label: 'API: cân',
  grants: [memberGrant],
  capabilities,
});
const sessionActor: Actor = {
  userId: 'user-1',
  fullName: 'Chị Lò Thị Mai',
  provinceCode: '14',
  grants: [memberGrant],
  mustChangePassword: false,
  sessionTokenHash: 'h',
  csrfToken: 'csrf-1',
  sessionExpiresAt: new Date('2030-01-01T00:00:00Z'),
};

/**
 * The hook on a small app: a session authenticator that knows one cookie, a key authenticator that
 * knows two keys, and three routes: two that accept keys, one (the rest of the back office) that does not.
 */
async function probeApp() {
  const app = Fastify();
  registerErrorHandling(app, 1024 * 1024);
  await app.register(fastifyCookie);
  const seen: string[] = [];
  registerAccessControl(app, { authenticate: async (token) => (token === 'good-session' ? sessionActor : 'expired') }, [], {
    authenticate: async (token) => {
      seen.push(token);
      if (token === CAPTURE_KEY) return keyCaller(['epcis.capture']);
      if (token === READ_KEY) return keyCaller(['epcis.read']);
      return null;
    },
  });
  const answer = async (request: Parameters<typeof requireCaller>[0]) => requireCaller(request);
  app.post('/capture', { config: { access: capability('epcis.capture'), apiKeys: true } }, answer);
  app.get('/events', { config: { access: capability('epcis.read'), apiKeys: true } }, answer);
  app.get('/lots', { config: { access: capability('lots.read') } }, answer);
  await app.ready();
  return { app, seen };
}

describe('API keys in the access hook', () => {
  it('lets a key with the route’s scope through as its producer’s member, with no CSRF token', async () => {
    const { app } = await probeApp();
    const response = await app.inject({ method: 'POST', url: '/capture', headers: { authorization: `Bearer ${CAPTURE_KEY}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ userId: null, apiKeyId: 'key-epcis.capture', grants: [memberGrant] });
    const lowerCase = await app.inject({ method: 'POST', url: '/capture', headers: { authorization: `bearer  ${CAPTURE_KEY}` } });
    expect(lowerCase.statusCode).toBe(200);
    await app.close();
  });

  it('refuses a key whose scopes do not open the route’s capability (403, insufficient scope)', async () => {
    const { app } = await probeApp();
    const response = await app.inject({ method: 'POST', url: '/capture', headers: { authorization: `Bearer ${READ_KEY}` } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
    expect(response.headers['www-authenticate']).toBe('Bearer realm="ocop", error="insufficient_scope"');
    const reading = await app.inject({ method: 'GET', url: '/events', headers: { authorization: `Bearer ${READ_KEY}` } });
    expect(reading.statusCode).toBe(200);
    await app.close();
  });

  it('answers 401 auth.api_key_invalid with a Bearer challenge for an unknown key or a malformed header, in the reader’s language', async () => {
    const { app } = await probeApp();
    for (const authorization of ['Bearer ocop_nope', 'Bearer', 'Bearer a b', `Bearer  ${CAPTURE_KEY} extra`]) {
      const response = await app.inject({ method: 'POST', url: '/capture', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="ocop", error="invalid_token"');
      expect(response.json()).toMatchObject({ code: 'auth.api_key_invalid', status: 401 });
    }
    const english = await app.inject({
      method: 'GET',
      url: '/events',
      headers: { authorization: 'Bearer ocop_nope', 'accept-language': 'en' },
    });
    expect(english.json().detail).toMatch(/API key is not valid/);
    const vietnamese = await app.inject({ method: 'GET', url: '/events', headers: { authorization: 'Bearer ocop_nope' } });
    expect(vietnamese.json().detail).toMatch(/Khóa API không hợp lệ/);
    await app.close();
  });

  it('challenges anonymous calls to key routes with Bearer, and still takes the session there', async () => {
    const { app } = await probeApp();
    const anonymous = await app.inject({ method: 'GET', url: '/events' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="ocop"');
    const cookie = `${SESSION_COOKIE}=good-session`;
    const bySession = await app.inject({ method: 'GET', url: '/events', headers: { cookie } });
    expect(bySession.json()).toEqual({ userId: 'user-1', apiKeyId: null, grants: [memberGrant] });
    // A session still needs its CSRF token on a write, even on a route that also accepts keys.
    const noCsrf = await app.inject({ method: 'POST', url: '/capture', headers: { cookie } });
    expect(noCsrf.json()).toMatchObject({ code: 'auth.csrf_invalid' });
    const basic = await app.inject({ method: 'GET', url: '/events', headers: { cookie, authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.statusCode).toBe(200);
    await app.close();
  });

  it('never looks at the Authorization header on a route that does not accept keys', async () => {
    const { app, seen } = await probeApp();
    const response = await app.inject({ method: 'GET', url: '/lots', headers: { authorization: `Bearer ${CAPTURE_KEY}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.required' });
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(seen).toEqual([]);
    await app.close();
  });
});
