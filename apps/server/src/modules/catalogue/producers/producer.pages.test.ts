import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInquiryApp } from '../../../test-support/inquiry-builders';
import { producerPath } from './producer-index';

describe('public producer pages', () => {
  let s: Awaited<ReturnType<typeof startInquiryApp>>;
  beforeAll(async () => {
    s = await startInquiryApp();
  });
  afterAll(async () => s.t.close());

  it('shows who the producer is, its place, its certified products and the inquiry form, with JSON-LD and Open Graph', async () => {
    const response = await s.t.anonymous.get(s.a.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const body = response.body;
    expect(body).toContain('<h1>HTX Nông lâm nghiệp Bắc Yên</h1>');
    expect(body).toContain('Hợp tác xã');
    expect(body).toContain('Xã Tà Xùa, Huyện Bắc Yên, Tỉnh Sơn La');
    expect(body).toContain(`href="/san-pham/${s.a.product.slug}"`);
    expect(body).toContain('<form method="post" action="/hoi-mua">');
    expect(body).toContain(`name="producer" value="${s.a.producer.id}"`);
    expect(body).toMatch(/<meta property="og:title" content="HTX Nông lâm nghiệp Bắc Yên">/);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(body)?.[1] ?? '{}');
    expect(ld).toMatchObject({ '@type': 'Organization', name: 'HTX Nông lâm nghiệp Bắc Yên' });
    expect(ld.makesOffer).toHaveLength(1);
    expect(gzipSync(body).length).toBeLessThan(30 * 1024);
    expect(body.match(/<script/g)).toHaveLength(1);
    const english = await s.t.anonymous.get(`${s.a.path}?lang=en`);
    expect(english.body).toContain('Cooperative');
    expect(english.body).toContain('OCOP products');
    expect(english.body).toContain('Rượu táo mèo Bắc Yên (EN)');
    expect(english.body).toContain('name="lang" value="en"');
    expect((await s.t.anonymous.get(`${s.a.path}?lang=zh`)).statusCode).toBe(200);
  });

  it('answers 400 for an unknown language, 404 for an unknown producer or one with no product in the catalogue', async () => {
    const language = await s.t.anonymous.get(`${s.a.path}?lang=xx`);
    expect(language.statusCode).toBe(400);
    expect(language.body).toContain('Ngôn ngữ không hỗ trợ');
    expect((await s.t.anonymous.get('/chu-the/khong-co-0123456789')).statusCode).toBe(404);
    expect((await s.t.anonymous.get('/chu-the/khong-co')).statusCode).toBe(404);
    const none = await s.t.anonymous.get(producerPath(s.uncertified));
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('Không tìm thấy chủ thể OCOP này');
  });

  it('redirects an address whose name part is out of date to the current one', async () => {
    const key = s.a.path.slice(-10);
    const response = await s.t.anonymous.get(`/chu-the/ten-cu-${key}?lang=en`);
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(`${s.a.path}?lang=en`);
  });

  it('hides the phone number until the producer’s members choose to show it', async () => {
    const phone = '0912345678';
    expect((await s.t.anonymous.get(s.a.path)).body).not.toContain(phone);
    const url = `/api/producer-pages/${s.a.producer.id}`;
    expect((await s.a.member.get(url)).json()).toEqual({ producerId: s.a.producer.id, showPhone: false });
    // Another producer's member and the province's staff cannot choose for it.
    expect((await s.b.member.put(url, { showPhone: true })).statusCode).toBe(404);
    expect((await s.officer.put(url, { showPhone: true })).statusCode).toBe(403);
    expect((await s.t.anonymous.get(s.a.path)).body).not.toContain(phone);

    expect((await s.a.member.put(url, { showPhone: true })).json()).toEqual({ producerId: s.a.producer.id, showPhone: true });
    const shown = (await s.t.anonymous.get(s.a.path)).body;
    expect(shown).toContain('<a href="tel:0912345678">0912345678</a>');
    expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(shown)?.[1] ?? '{}').telephone).toBe(phone);
    // The other producer's page keeps its phone hidden.
    expect((await s.t.anonymous.get(s.b.path)).body).not.toContain(phone);

    await s.a.member.put(url, { showPhone: false });
    expect((await s.t.anonymous.get(s.a.path)).body).not.toContain(phone);
  });

  it('links product pages to their producer page, with the inquiry form for the product', async () => {
    const body = (await s.t.anonymous.get(`/san-pham/${s.a.product.slug}`)).body;
    expect(body).toContain(`<a href="${s.a.path}">HTX Nông lâm nghiệp Bắc Yên</a>`);
    expect(body).toContain(`name="product" value="${s.a.product.id}"`);
    expect((await s.t.anonymous.get(`/san-pham/${s.a.product.slug}?lang=en`)).body).toContain(`<a href="${s.a.path}?lang=en">`);
  });

  it('lists producer pages in the sitemap', async () => {
    const sitemap = (await s.t.anonymous.get('/sitemap.xml')).body;
    expect(sitemap).toContain(`<loc>http://localhost${s.a.path}</loc>`);
    expect(sitemap).toContain(`<loc>http://localhost${s.flood.path}</loc>`);
    expect(sitemap).not.toContain(producerPath(s.uncertified));
  });
});
