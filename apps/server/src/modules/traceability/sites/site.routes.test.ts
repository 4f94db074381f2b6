import type { SiteView } from '@ocop/contracts/traceability';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer } from '../../../test-support/registry-builders';
import { CHIENG_AN, type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { producerSites } from './site.tables';

const TA_XUA = '03868'; // the commune of producerBody()
// Valid GLNs (GS1 mod-10 check digit), under Vietnam's prefix 893.
const GLN = '8934567000017';
const OTHER_GLN = '8934567000024';

describe('producer sites', () => {
  let t: TestApp;
  let officer: Client;
  let producerId: string;
  let member: Client;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    producerId = (await givenProducer(officer)).id;
    member = await t.as({ role: 'producer_member', producerId });
  });
  afterAll(async () => t.close());

  const siteBody = (overrides: Record<string, unknown> = {}) => ({
    producerId,
    name: 'Xưởng chế biến chè Tà Xùa',
    kind: 'processing',
    communeCode: TA_XUA,
    address: 'Bản Tà Xùa',
    ...overrides,
  });
  const storedFor = async (id: string) => t.database.db.select().from(producerSites).where(eq(producerSites.producerId, id));

  it('lets a producer member record, read, correct and list its sites; a site without a GLN is named by its URN', async () => {
    const created = await member.post('/api/traceability/sites', siteBody({ name: '  Đồi chè Tà Xùa ', kind: 'farm', gln: null }));
    expect(created.statusCode).toBe(201);
    const site = created.json() as SiteView;
    expect(site).toMatchObject({
      producerId,
      provinceCode: '14',
      name: 'Đồi chè Tà Xùa',
      kind: 'farm',
      gln: null,
      communeCode: TA_XUA,
      address: 'Bản Tà Xùa',
      locationUri: `urn:ocop:vn:site:${site.id}`,
      revision: 1,
    });
    expect((await member.get(`/api/traceability/sites/${site.id}`)).json()).toEqual(site);

    const { producerId: _fixed, ...fields } = siteBody({ name: 'Đồi chè Shan tuyết', kind: 'farm', gln: '893 4567 00001 7' });
    const updated = await member.put(`/api/traceability/sites/${site.id}`, { ...fields, revision: 1 });
    expect(updated.statusCode).toBe(200);
    // With a GLN, the site is its SGLN Digital Link from now on.
    expect(updated.json()).toMatchObject({
      revision: 2,
      gln: GLN,
      locationUri: `https://id.gs1.org/414/${GLN}`,
      name: 'Đồi chè Shan tuyết',
    });

    const stale = await member.put(`/api/traceability/sites/${site.id}`, { ...fields, revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'site.stale_revision', details: { revision: 2 } });

    const list = (await member.get(`/api/traceability/sites?producerId=${producerId}&kind=farm`)).json() as {
      items: SiteView[];
      total: number;
    };
    expect(list.items.map((item) => item.id)).toEqual([site.id]);

    const admin = await t.as({ role: 'province_admin' });
    const entries = (await admin.get(`/api/audit-entries?entityType=producer_site&entityId=${site.id}`)).json().items as {
      action: string;
    }[];
    expect(entries.map((entry) => entry.action).sort()).toEqual(['site.created', 'site.updated']);
  });

  it('gives one GLN to one site only', async () => {
    expect((await member.post('/api/traceability/sites', siteBody({ gln: OTHER_GLN }))).statusCode).toBe(201);
    const again = await officer.post('/api/traceability/sites', siteBody({ name: 'Kho', kind: 'warehouse', gln: OTHER_GLN }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'site.gln_taken', details: { field: 'gln' } });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a GLN with a wrong check digit', { gln: '8934567000018' }, 'site.gln_invalid', 'gln'],
    ['a GLN of 12 digits', { gln: '893456700001' }, 'site.gln_invalid', 'gln'],
    ['a commune of another province', { communeCode: '00004' }, 'admin_unit.commune_not_found', 'communeCode'],
    ['a commune that does not exist', { communeCode: '99999' }, 'admin_unit.commune_not_found', 'communeCode'],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_name, change, code, field) => {
    const fresh = (await givenProducer(officer)).id;
    const response = await officer.post('/api/traceability/sites', siteBody({ producerId: fresh, ...change }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code, details: { field } });
    expect(await storedFor(fresh)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty name', { name: '   ' }],
    ['a name of 201 characters', { name: 'x'.repeat(201) }],
    ['an address of 301 characters', { address: 'x'.repeat(301) }],
    ['an unknown kind', { kind: 'market' }],
  ])('refuses %s as a malformed request (400)', async (_name, change) => {
    const response = await member.post('/api/traceability/sites', siteBody(change));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid' });
  });

  it('takes a name of 200 characters and an address of 300', async () => {
    const response = await member.post('/api/traceability/sites', siteBody({ name: 'x'.repeat(200), address: 'y'.repeat(300) }));
    expect(response.statusCode).toBe(201);
  });

  it('hides another producer’s sites (404), leaves them out of lists, and lets the commune officer read only', async () => {
    const site = (await member.post('/api/traceability/sites', siteBody())).json() as SiteView;
    const otherProducerId = (await givenProducer(officer)).id;
    const stranger = await t.as({ role: 'producer_member', producerId: otherProducerId });
    expect((await stranger.get(`/api/traceability/sites/${site.id}`)).statusCode).toBe(404);
    const { producerId: _p, ...fields } = siteBody();
    const put = await stranger.put(`/api/traceability/sites/${site.id}`, { ...fields, revision: 1 });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ code: 'site.not_found' });
    const post = await stranger.post('/api/traceability/sites', siteBody());
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'producer.not_found', details: { field: 'producerId' } });
    expect((await stranger.get('/api/traceability/sites')).json()).toMatchObject({ items: [], total: 0 });
    expect(
      (await (await t.as({ role: 'province_officer', provinceCode: HANOI })).get(`/api/traceability/sites/${site.id}`)).statusCode,
    ).toBe(404);

    const here = await t.as({ role: 'commune_officer', communeCode: TA_XUA });
    expect((await here.get(`/api/traceability/sites/${site.id}`)).statusCode).toBe(200);
    expect((await here.post('/api/traceability/sites', siteBody())).statusCode).toBe(403);
    const elsewhere = await t.as({ role: 'commune_officer', communeCode: CHIENG_AN });
    expect((await elsewhere.get(`/api/traceability/sites/${site.id}`)).statusCode).toBe(404);
  });
});
