import type { LotView, SiteView } from '@ocop/contracts/traceability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../modules/identity';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { seedDemoData } from './seed-demo';
import { DEMO_TEA_MEMBER_LOGIN } from './self-assessment-demo';
import { DEMO_RAW_LEAF_LOT, DEMO_TEA_FARM, DEMO_TEA_WORKSHOP, DEMO_TEA_WORKSHOP_GLN } from './traceability-demo';

describe('traceability demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.modules);
  });
  afterAll(() => t.close());

  const read = async () => {
    const member = t.client(await t.login(DEMO_TEA_MEMBER_LOGIN, DEMO_PASSWORD));
    const sites = (await member.get('/api/traceability/sites')).json().items as SiteView[];
    const lots = (await member.get(`/api/traceability/lots?q=${DEMO_RAW_LEAF_LOT}`)).json().items as LotView[];
    return { sites, lots };
  };

  it('gives the tea company a farm, a processing site with its GLN, and one raw-leaf lot, seen by its member', async () => {
    const { sites, lots } = await read();
    sites.sort((a, b) => a.kind.localeCompare(b.kind));
    expect(sites.map((site) => [site.name, site.kind, site.gln])).toEqual([
      [DEMO_TEA_FARM, 'farm', null],
      [DEMO_TEA_WORKSHOP, 'processing', DEMO_TEA_WORKSHOP_GLN],
    ]);
    expect(sites[1]?.locationUri).toBe(`https://id.gs1.org/414/${DEMO_TEA_WORKSHOP_GLN}`);
    expect(lots).toHaveLength(1);
    expect(lots[0]).toMatchObject({ lotCode: DEMO_RAW_LEAF_LOT, unit: 'kg', quantity: 120, growingAreaCommuneCode: '03868' });
  });

  it('adds nothing when the seed runs again', async () => {
    const before = await read();
    await seedDemoData(t.modules);
    const after = await read();
    expect(after.sites.map((site) => site.id)).toEqual(before.sites.map((site) => site.id));
    expect(after.lots.map((lot) => lot.id)).toEqual(before.lots.map((lot) => lot.id));
  });
});
