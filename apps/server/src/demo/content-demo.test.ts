import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { DEMO_LEGAL_SLUG, DEMO_NEWS_SLUG, seedContentDemo } from './content-demo';

describe('content demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('publishes the programme article and QĐ 26/2026/QĐ-TTg once, however often it runs', async () => {
    expect(await seedContentDemo(t.modules)).toBe(2);
    expect(await seedContentDemo(t.modules)).toBe(0);
    const article = await t.anonymous.get(`/tin-tuc/${DEMO_NEWS_SLUG}`);
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain('<strong>29 sản phẩm đạt 4 sao</strong>');
    expect(article.body).toContain('202 sản phẩm OCOP');
    const decision = await t.anonymous.get(`/van-ban/${DEMO_LEGAL_SLUG}`);
    expect(decision.body).toContain('26/2026/QĐ-TTg');
    expect(decision.body).toContain('22/05/2026');
    expect((await t.anonymous.get('/tin-tuc/rss.xml')).body).toContain(DEMO_NEWS_SLUG);
  });
});
