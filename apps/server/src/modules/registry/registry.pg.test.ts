import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer, productSetId } from '../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../test-support/test-app';

// Races need several connections; PGlite has one, so these run on PostgreSQL only.
describe.runIf(process.env.TEST_DATABASE_URL)('registry writes racing on PostgreSQL', () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    admin = await t.as({ role: 'province_admin' });
  });
  afterAll(() => t.close());

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const producer = await givenProducer(officer);
    const responses = await Promise.all([
      officer.patch(`/api/producers/${producer.id}`, { version: 1, memberCount: 10 }),
      admin.patch(`/api/producers/${producer.id}`, { version: 1, memberCount: 20 }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((r) => r.statusCode === 200)?.json();
    expect((await officer.get(`/api/producers/${producer.id}`)).json()).toMatchObject({ version: 2, memberCount: winner.memberCount });
  });

  it('gives distinct codes and slugs to products added at the same moment with the same name', async () => {
    const producer = await givenProducer(officer);
    const setId = await productSetId(t, '1.5.1');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        officer.post('/api/products', { producerId: producer.id, productSetId: setId, nameVi: 'Chè Shan tuyết Tà Xùa' }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const products = responses.map((r) => r.json() as { code: string; slug: string });
    expect(new Set(products.map((p) => p.code)).size).toBe(8);
    expect(new Set(products.map((p) => p.slug)).size).toBe(8);
  });

  it('registers one of two producers sent at once with the same tax code and refuses the other with 409', async () => {
    const body = { type: 'cooperative', name: 'HTX Song Sinh', registrationNumber: '5512345678', communeCode: '03868' };
    const responses = await Promise.all([officer.post('/api/producers', body), admin.post('/api/producers', body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // The loser sees the winner either before inserting (and names it) or only through the unique index (and cannot).
    expect(['producer.registration_number_taken', 'producer.registration_number_in_use']).toContain(
      responses.find((r) => r.statusCode === 409)?.json().code,
    );
  });
});
