import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../modules/identity';
import { type TestApp, startTestApp } from '../test-support/test-app';
import { seedDemoData } from './seed-demo';
import { DEMO_TEA_MEMBER_LOGIN, DEMO_TEA_PRODUCT } from './self-assessment-demo';

const DAY = 86_400_000;

describe('self-assessment demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.advance(276 * DAY); // 2026-12-03: QĐ 26/2026 is in force, as on the demo's first start
    await seedDemoData(t.modules);
  });
  afterAll(() => t.close());

  it('lets the demo tea member open its green tea on sheet no. 11 (1.5.1), projected at exactly 3★ with the plan to 4★', async () => {
    const member = t.client(await t.login(DEMO_TEA_MEMBER_LOGIN, DEMO_PASSWORD));
    const products: { id: string; nameVi: string }[] = (await member.get('/api/products')).json().items;
    const tea = products.find((product) => product.nameVi === DEMO_TEA_PRODUCT);
    expect(tea).toBeDefined();
    const view: SelfAssessmentView = (await member.get(`/api/products/${tea?.id}/self-assessment`)).json();
    expect(view.version).toMatchObject({ regimeCode: '26/2026', productSetCode: '1.5.1', name: 'Chè tươi, chè chế biến' });
    expect(view.canEdit).toBe(true);
    expect(view.revision).toBe(1);
    expect(view.score.stars).toBe(3);
    expect(view.score.unanswered).toEqual([]);
    expect(view.plan?.target).toBe(4);
    expect(view.plan?.reachable).toBe(true);
    expect(view.plan?.steps.length).toBeGreaterThan(0);
  });

  it('does not save it again when the seed runs again', async () => {
    await seedDemoData(t.modules);
    const officer = await t.as({ role: 'province_officer' });
    const products: { id: string; nameVi: string }[] = (await officer.get('/api/products?q=che%20shan%20tuyet%20ta%20xua')).json().items;
    const tea = products.find((product) => product.nameVi === DEMO_TEA_PRODUCT);
    const view: SelfAssessmentView = (await officer.get(`/api/products/${tea?.id}/self-assessment`)).json();
    expect(view.revision).toBe(1);
    expect(view.canEdit).toBe(false);
  });
});
