import fastifyCookie from '@fastify/cookie';
import type { ApiKeyList, ApiKeyView, CreatedApiKeyView } from '@ocop/contracts/api-keys';
import type { AuditEntryView } from '@ocop/contracts/identity';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capability, registerAccessControl, requireCaller } from '../../../platform/http/access';
import { registerErrorHandling } from '../../../platform/http/error-handler';
import { givenProducer } from '../../../test-support/registry-builders';
import { type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { auditContextOf } from '../../identity';
import { apiKeys } from './api-key.tables';

const BASE = '/api/traceability/api-keys';

describe('API keys of a producer’s software', () => {
  let t: TestApp;
  let officer: Client;
  let producerId: string;
  let otherProducerId: string;
  let member: Client;
  let otherMember: Client;
  let probe: FastifyInstance;
  const logins: Record<'officer' | 'member' | 'otherMember', string> = { officer: '', member: '', otherMember: '' };
  /** Fresh sessions: some tests move the clock past the session's idle limit. */
  const logIn = async () => {
    officer = t.client(await t.login(logins.officer));
    member = t.client(await t.login(logins.member));
    otherMember = t.client(await t.login(logins.otherMember));
  };

  beforeAll(async () => {
    t = await startTestApp(); // the clock shows 2026-03-02 09:00 in Vietnam
    logins.officer = (await t.givenUser({ role: 'province_officer' })).login;
    producerId = (await givenProducer(t.client(await t.login(logins.officer)))).id;
    otherProducerId = (await givenProducer(t.client(await t.login(logins.officer)))).id;
    logins.member = (await t.givenUser({ role: 'producer_member', producerId })).login;
    logins.otherMember = (await t.givenUser({ role: 'producer_member', producerId: otherProducerId })).login;
    probe = await probeApp(t);
  });
  beforeEach(logIn);
  afterAll(async () => {
    await probe.close();
    await t.close();
  });

  const create = (client: Client, overrides: Record<string, unknown> = {}) =>
    client.post(BASE, { producerId, name: 'Cân điện tử xưởng chè', scopes: ['epcis:capture'], ...overrides });
  const createKey = async (client: Client = member, overrides: Record<string, unknown> = {}) => {
    const response = await create(client, overrides);
    if (response.statusCode !== 201) throw new Error(`key not created: ${response.statusCode} ${response.body}`);
    return response.json() as CreatedApiKeyView;
  };
  const list = async (client: Client, id = producerId) => (await client.get(`${BASE}?producerId=${id}`)).json() as ApiKeyList;
  const call = (token: string, method: 'GET' | 'POST' = 'POST', url = '/capture') =>
    probe.inject({ method, url, headers: { authorization: `Bearer ${token}` } });

  it('issues a key whose token is shown once, and keeps only the hash of its secret', async () => {
    const response = await create(member, { name: '  Phần mềm ERP  ', scopes: ['epcis:read', 'epcis:capture'], expiresOn: '2026-12-31' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json() as CreatedApiKeyView;
    expect(created.token).toMatch(/^ocop_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      producerId,
      name: 'Phần mềm ERP',
      prefix: created.token.slice(0, 21),
      scopes: ['epcis:capture', 'epcis:read'],
      status: 'active',
      expiresOn: '2026-12-31',
      revokedAt: null,
      lastUsedAt: null,
    });

    const listed = await list(member);
    const again = listed.items.find((key) => key.id === created.id);
    expect(again).toMatchObject({ prefix: created.prefix, status: 'active' });
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(21));

    const secret = created.token.slice(22);
    const [row] = await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const everyColumn = JSON.stringify(await t.database.db.execute(sql`select * from api_keys where id = ${created.id}`));
    expect(everyColumn).not.toContain(secret);
    expect(everyColumn).not.toContain(secret.slice(0, 12));

    const admin = await t.as({ role: 'province_admin' });
    const audit = (await admin.get(`/api/audit-entries?entityType=api_key&entityId=${created.id}`)).json() as { items: AuditEntryView[] };
    expect(audit.items.map((entry) => entry.action)).toEqual(['api_key.created']);
    expect(audit.items[0]?.after).toMatchObject({ producerId, name: 'Phần mềm ERP', prefix: created.prefix, expiresOn: '2026-12-31' });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('lets the key capture for its producer, names it in the audit context, and writes its last use at most once a minute', async () => {
    const key = await createKey();
    const first = await call(key.token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      caller: { userId: null, apiKeyId: key.id, grants: [{ role: 'producer_member', producerId, provinceCode: '14' }] },
      audit: { actorUserId: null, actorName: `API: ${key.name} (${key.prefix})` },
    });
    const usedAt = async () => (await t.database.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]?.lastUsedAt?.toISOString();
    const start = t.clock.now().toISOString();
    expect(await usedAt()).toBe(start);
    t.clock.advance(30_000);
    expect((await call(key.token)).statusCode).toBe(200);
    expect(await usedAt()).toBe(start);
    t.clock.advance(31_000);
    expect((await call(key.token)).statusCode).toBe(200);
    expect(await usedAt()).toBe(t.clock.now().toISOString());
  });

  it('refuses a key outside its scopes with 403', async () => {
    const reader = await createKey(member, { scopes: ['epcis:read'] });
    expect((await call(reader.token, 'GET', '/events')).statusCode).toBe(200);
    const capture = await call(reader.token);
    expect(capture.statusCode).toBe(403);
    expect(capture.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('answers 401 for an unknown key, a wrong secret, a revoked key and an expired key', async () => {
    const key = await createKey(member, { expiresOn: '2026-03-03' });
    const lookup = key.token.slice(5, 21);
    const secret = key.token.slice(22);
    const wrongSecret = `ocop_${lookup}_${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    const unknown = `ocop_${'0'.repeat(16)}_${secret}`;
    for (const token of [unknown, wrongSecret, 'ocop_garbage']) {
      const response = await call(token);
      expect(response.statusCode, token).toBe(401);
      expect(response.json()).toMatchObject({ code: 'auth.api_key_invalid' });
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    }
    expect((await call(key.token)).statusCode).toBe(200);

    // The last day is 3 March in Vietnam: the key works until 17:00 UTC that day.
    const untilEnd = new Date('2026-03-03T17:00:00Z').getTime() - t.clock.now().getTime();
    t.clock.advance(untilEnd - 1_000);
    expect((await call(key.token)).statusCode).toBe(200);
    t.clock.advance(1_000);
    expect((await call(key.token)).statusCode).toBe(401);
    await logIn();
    expect((await list(member)).items.find((k) => k.id === key.id)?.status).toBe('expired');

    const revokable = await createKey();
    expect((await call(revokable.token)).statusCode).toBe(200);
    const revoked = await member.post(`${BASE}/${revokable.id}/revocation`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: revokable.id, status: 'revoked', revokedAt: t.clock.now().toISOString() });
    const refused = await call(revokable.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'auth.api_key_invalid' });

    // Revoking again changes nothing and adds no second audit entry.
    t.clock.advance(60_000);
    const twice = await member.post(`${BASE}/${revokable.id}/revocation`);
    expect((twice.json() as ApiKeyView).revokedAt).toBe((revoked.json() as ApiKeyView).revokedAt);
    const admin = await t.as({ role: 'province_admin' });
    const audit = (await admin.get(`/api/audit-entries?entityType=api_key&entityId=${revokable.id}`)).json() as {
      items: AuditEntryView[];
    };
    expect(audit.items.map((entry) => entry.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('never lets a key open the rest of the back office, key management included', async () => {
    const key = await createKey(member, { scopes: ['epcis:capture', 'epcis:read'] });
    for (const url of ['/api/traceability/lots', `${BASE}?producerId=${producerId}`, '/api/auth/me', `/api/producers/${producerId}`]) {
      const response = await t.anonymous.get(url, { authorization: `Bearer ${key.token}` });
      expect(response.statusCode, url).toBe(401);
      expect(response.json(), url).toMatchObject({ code: 'auth.required' });
    }
    const write = await t.anonymous.post(`${BASE}/${key.id}/revocation`, undefined, { authorization: `Bearer ${key.token}` });
    expect(write.statusCode).toBe(401);
  });

  it('keeps another producer’s keys out of reach: 404 for members of other producers and administrators of other provinces', async () => {
    const key = await createKey();
    const hanoiAdmin = await t.as({ role: 'province_admin', provinceCode: HANOI });
    for (const outsider of [otherMember, hanoiAdmin]) {
      expect((await outsider.get(`${BASE}?producerId=${producerId}`)).json()).toMatchObject({ code: 'producer.not_found' });
      const created = await create(outsider);
      expect(created.statusCode).toBe(404);
      const revoked = await outsider.post(`${BASE}/${key.id}/revocation`);
      expect(revoked.statusCode).toBe(404);
      expect(revoked.json()).toMatchObject({ code: 'api_key.not_found' });
    }
    expect((await otherMember.get(`${BASE}?producerId=${otherProducerId}`)).statusCode).toBe(200);
    // Officers hold no api_keys.manage: the route refuses them before any lookup.
    expect((await officer.get(`${BASE}?producerId=${producerId}`)).json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await list(member)).items.find((k) => k.id === key.id)?.status).toBe('active');
  });

  it('lets the province’s administrator and a system administrator manage the keys of a producer of the province', async () => {
    const admin = await t.as({ role: 'province_admin' });
    const byAdmin = await createKey(admin, { producerId: otherProducerId, name: 'Cổng kết nối của tỉnh' });
    expect(byAdmin.producerId).toBe(otherProducerId);
    const system = await t.as({ role: 'system_admin' });
    expect((await system.post(`${BASE}/${byAdmin.id}/revocation`)).json()).toMatchObject({ status: 'revoked' });
    expect((await list(otherMember, otherProducerId)).items.map((k) => k.id)).toContain(byAdmin.id);
  });

  it('refuses bad fields with 422 naming the field, and oversized input with 400, storing nothing', async () => {
    const producer = (await givenProducer(officer)).id;
    const own = await t.as({ role: 'producer_member', producerId: producer });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: 'x'.repeat(81) }, 422, 'api_key.name_invalid'],
      [{ name: '   ' }, 422, 'api_key.name_invalid'],
      [{ scopes: [] }, 422, 'api_key.scopes_invalid'],
      [{ scopes: ['lots:write'] }, 422, 'api_key.scopes_invalid'],
      [{ expiresOn: vietnamDay(t, 0) }, 422, 'api_key.expiry_invalid'],
      [{ expiresOn: `${Number(vietnamDay(t, 1).slice(0, 4)) + 5}${vietnamDay(t, 1).slice(4)}` }, 422, 'api_key.expiry_invalid'],
      [{ name: 'x'.repeat(201) }, 400, 'request.invalid'],
      [{ scopes: Array(11).fill('epcis:read') }, 400, 'request.invalid'],
      [{ secretHash: '0'.repeat(64) }, 400, 'request.invalid'],
    ];
    for (const [overrides, status, code] of cases) {
      const response = await create(own, { producerId: producer, ...overrides });
      expect(response.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(response.json()).toMatchObject({ code });
    }
    expect((await list(own, producer)).items).toEqual([]);
  });

  it('holds at most 20 live keys per producer; a revoked or expired key frees its place', async () => {
    const producer = (await givenProducer(officer)).id;
    const ownLogin = (await t.givenUser({ role: 'producer_member', producerId: producer })).login;
    const own = t.client(await t.login(ownLogin));
    const tomorrow = vietnamDay(t, 1);
    const keys: CreatedApiKeyView[] = [];
    for (let i = 1; i <= 20; i++)
      keys.push(await createKey(own, { producerId: producer, name: `Thiết bị ${i}`, ...(i === 1 ? { expiresOn: tomorrow } : {}) }));
    const refused = await create(own, { producerId: producer, name: 'Thiết bị 21' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'api_key.too_many', details: { max: 20 } });
    expect(await list(own, producer)).toMatchObject({ liveCount: 20, liveMax: 20 });

    await own.post(`${BASE}/${keys[5]?.id}/revocation`);
    const replacement = await create(own, { producerId: producer, name: 'Thiết bị 21' });
    expect(replacement.statusCode).toBe(201);
    expect((await create(own, { producerId: producer, name: 'Thiết bị 22' })).statusCode).toBe(409);

    // The first key's last day ends; its place is free again, and the list still shows it, after the live ones.
    t.clock.advance(2 * 86_400_000);
    const ownAgain = t.client(await t.login(ownLogin));
    expect((await create(ownAgain, { producerId: producer, name: 'Thiết bị 22' })).statusCode).toBe(201);
    const after = await list(ownAgain, producer);
    expect(after.items).toHaveLength(22);
    expect(after.liveCount).toBe(20);
    expect(after.items.slice(0, 20).every((k) => k.status === 'active')).toBe(true);
    expect(
      after.items
        .slice(20)
        .map((k) => k.status)
        .sort(),
    ).toEqual(['expired', 'revoked']);
  });

  it('keeps the bound when creations race: of six at once for a producer with 17 live keys, exactly three succeed', async () => {
    const producer = (await givenProducer(officer)).id;
    const own = t.client(await t.login((await t.givenUser({ role: 'producer_member', producerId: producer })).login));
    for (let i = 1; i <= 17; i++) await createKey(own, { producerId: producer, name: `Thiết bị ${i}` });
    const racing = await Promise.all(Array.from({ length: 6 }, (_, i) => create(own, { producerId: producer, name: `Cùng lúc ${i}` })));
    expect(racing.map((response) => response.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect((await list(own, producer)).liveCount).toBe(20);
  });
});

/** The date in Vietnam `days` from the test clock's now. */
function vietnamDay(t: TestApp, days: number): string {
  return new Date(t.clock.now().getTime() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A small app with the real authenticators of `t` (sessions, and the traceability's keys) in front
 * of two routes that accept keys, as the EPCIS routes do; each answers who called and how the audit would name them.
 */
async function probeApp(t: TestApp): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandling(app, 1024 * 1024);
  await app.register(fastifyCookie);
  registerAccessControl(app, t.modules.identity.authenticator, [], t.modules.traceability.apiKeys.authenticator);
  const answer = async (request: Parameters<typeof requireCaller>[0]) => ({
    caller: requireCaller(request),
    audit: auditContextOf(request),
  });
  app.post('/capture', { config: { access: capability('epcis.capture'), apiKeys: true } }, answer);
  app.get('/events', { config: { access: capability('epcis.read'), apiKeys: true } }, answer);
  await app.ready();
  return app;
}
