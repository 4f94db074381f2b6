import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { startTestApp, type TestApp } from '../../../test-support/test-app';

type Page = {
  items: { id: string; name: string; stars: number; url: string; place: { legacyDistrictName: string | null } }[];
  total: number;
};

describe('public catalogue, open data, robots and sitemap', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const slugs: Record<string, string> = {};
  const HOSTILE = '<script>window.__pwned=1</script>Mận "hậu" =cmd|calc';

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Nông lâm nghiệp Bắc Yên' });
    const certified = async (key: string, nameVi: string, stars: number, expiresOn = '2028-05-01') => {
      const product = await givenProduct(t, officer, producer.id, {
        nameVi,
        nameEn: key === 'ruou' ? 'Bac Yen Taomeo Wine' : undefined,
        description: key === 'hostile' ? HOSTILE : 'Rượu ủ từ quả táo mèo rừng Tà Xùa.',
        story: key === 'hostile' ? `${HOSTILE}</script><img src=x onerror=alert(1)>` : null,
        priceMin: 120_000,
        priceMax: 250_000,
      });
      ids[key] = product.id;
      slugs[key] = product.slug;
      await givenLegacyCertificate(t, { expiresOn, producerId: producer.id, productId: product.id, productName: nameVi, stars });
    };
    await certified('ruou', 'Rượu táo mèo Bắc Yên', 4);
    await certified('che', 'Chè Shan tuyết Tà Xùa', 5);
    await certified('hostile', HOSTILE, 3);
    await certified('expired', 'Mật ong hoa ban (hết hạn)', 4, '2025-12-31');
    ids.uncertified = (await givenProduct(t, officer, producer.id, { nameVi: 'Măng rừng sấy chưa chứng nhận' })).id;
  });
  afterAll(async () => t.close());

  const api = async (query: string) => {
    const response = await t.anonymous.get(`/api/public/catalogue?${query}`);
    return { status: response.statusCode, body: response.json() as Page & { code?: string; detail?: string } };
  };

  it('lists only the products that may show the OCOP mark today', async () => {
    const { status, body } = await api('pageSize=50');
    expect(status).toBe(200);
    expect(body.items.map((item) => item.id).sort()).toEqual([ids.ruou, ids.che, ids.hostile].sort());
    expect(body.items.find((item) => item.id === ids.che)?.stars).toBe(5);
  });

  it('searches without diacritics, with syllables joined, words in any order and a typo', async () => {
    for (const q of ['ruou tao meo bac yen', 'taomeo', 'bac yen ruou', 'ruuo tao meo', 'RƯỢU TÁO']) {
      const { body } = await api(`q=${encodeURIComponent(q)}`);
      expect(
        body.items.map((item) => item.id),
        q,
      ).toEqual([ids.ruou]);
    }
    // A place: the producer's commune and its former district, before the July 2025 reform.
    const { body } = await api('q=ta%20xua&sort=name');
    expect(body.items.length).toBe(3);
    expect(body.items[0]?.place.legacyDistrictName).toMatch(/Bắc Yên/);
  });

  it('filters by stars and sorts and pages', async () => {
    expect((await api('stars=5')).body.items.map((item) => item.id)).toEqual([ids.che]);
    const first = await api('pageSize=2&page=1&sort=stars');
    const second = await api('pageSize=2&page=2&sort=stars');
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((item) => item.stars)).toEqual([5, 4]);
    expect(second.body.items.map((item) => item.stars)).toEqual([3]);
  });

  it('filters by place, the commune or the former district, without diacritics, keeping the name order', async () => {
    const names = (await api('pageSize=50')).body.items.map((item) => item.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    for (const place of ['ta xua', 'Tà Xùa', 'bac yen', 'Huyện Bắc Yên']) {
      const { status, body } = await api(`place=${encodeURIComponent(place)}`);
      expect(status, place).toBe(200);
      expect(
        body.items.map((item) => item.name),
        place,
      ).toEqual(names);
    }
    expect((await api('place=moc%20chau')).body.total).toBe(0);
  });

  it('refuses page=-1, a search of 10,000 characters and an unknown language with a 400 that says why', async () => {
    const page = await t.anonymous.get('/api/public/catalogue?page=-1');
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/page/);
    const long = await t.anonymous.get(`/api/public/catalogue?q=${'a'.repeat(10_000)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toMatch(/quá dài/);
    const language = await t.anonymous.get('/api/public/catalogue?lang=xx');
    expect(language.statusCode).toBe(400);
    for (const query of ['page=-1', `q=${'a'.repeat(10_000)}`, 'lang=xx']) {
      const html = await t.anonymous.get(`/san-pham?${query}`);
      expect(html.statusCode, query).toBe(400);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.body).toContain('Yêu cầu không hợp lệ');
    }
  });

  it('renders the catalogue page as small HTML with no script, escaping what producers wrote', async () => {
    const response = await t.anonymous.get('/san-pham?q=man%20hau');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toContain('1 sản phẩm');
    expect(response.body).not.toContain('<script');
    expect(response.body).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(gzipSync(response.body).length).toBeLessThan(30 * 1024);
    // What the page's own form sends, its empty choices included.
    const submitted = await t.anonymous.get('/san-pham?q=ruou+tao+meo&stars=&group=');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.body).toContain('Rượu táo mèo Bắc Yên');
    const english = await t.anonymous.get('/san-pham?lang=en');
    expect(english.body).toContain('OCOP products');
  });

  it('publishes the certified products as JSON and CSV with a licence, robots.txt and a sitemap', async () => {
    const json = await t.anonymous.get('/du-lieu-mo/san-pham-ocop.json');
    const data = json.json() as {
      licence: { name: string };
      count: number;
      items: { name_vi: string; stars: number; verification_url: string }[];
    };
    expect(data.licence.name).toBe('CC BY 4.0');
    expect(data.count).toBe(3);
    expect(data.items.map((item) => item.name_vi)).toContain('Rượu táo mèo Bắc Yên');
    expect(data.items[0]?.verification_url).toMatch(/^http:\/\/localhost(:\d+)?\/c\//);

    const csv = await t.anonymous.get('/du-lieu-mo/san-pham-ocop.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^code,name_vi,name_en,stars,/);
    expect(lines).toHaveLength(4);
    // The hostile name is quoted (it holds a quote) and can never start a spreadsheet formula.
    expect(csv.body).toContain('"<script>window.__pwned=1</script>Mận ""hậu"" =cmd|calc"');

    const robots = await t.anonymous.get('/robots.txt');
    expect(robots.body).toMatch(/Disallow: \/api\//);
    expect(robots.body).toMatch(/Sitemap: http:\/\/localhost(:\d+)?\/sitemap\.xml/);
    const sitemap = await t.anonymous.get('/sitemap.xml');
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    // The catalogue, three product pages and their producer's page.
    expect(sitemap.body.match(/<loc>/g)).toHaveLength(5);
    expect(sitemap.body).not.toContain('<script');
  });

  it('shows a product page with its stars, certificate, producer, place and price, JSON-LD and Open Graph', async () => {
    const response = await t.anonymous.get(`/san-pham/${slugs.ruou}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h1>Rượu táo mèo Bắc Yên</h1>');
    expect(body).toContain('Sản phẩm OCOP 4 sao');
    expect(body).toContain('120.000 đ – 250.000 đ');
    expect(body).toMatch(/<meta property="og:title" content="Rượu táo mèo Bắc Yên">/);
    expect(body).toMatch(/<meta property="og:url" content="http:\/\/localhost(:\d+)?\/san-pham\//);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(body)?.[1] ?? '{}');
    expect(ld).toMatchObject({
      '@type': 'Product',
      name: 'Rượu táo mèo Bắc Yên',
      brand: { name: 'HTX Nông lâm nghiệp Bắc Yên' },
      offers: { priceCurrency: 'VND', lowPrice: 120_000, highPrice: 250_000 },
    });
    expect(gzipSync(body).length).toBeLessThan(30 * 1024);
    const english = await t.anonymous.get(`/san-pham/${slugs.ruou}?lang=en`);
    expect(english.body).toContain('<h1>Bac Yen Taomeo Wine</h1>');
    expect(english.body).toContain('4-star OCOP product');
  });

  it('keeps what a producer wrote inert on its page: escaped in HTML, unable to close the JSON-LD element', async () => {
    const body = (await t.anonymous.get(`/san-pham/${slugs.hostile}`)).body;
    // One script element: the JSON-LD data block; the producer's text never opens or closes one.
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body.match(/<\/script>/g)).toHaveLength(1);
    expect(body).not.toContain('<img src=x');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows a producer’s edit of the product’s story at once, though the page keeps its texts', async () => {
    const officer = await t.as({ role: 'province_officer' });
    expect((await t.anonymous.get(`/san-pham/${slugs.ruou}`)).body).toContain('Rượu ủ từ quả táo mèo rừng Tà Xùa.');
    const { version } = (await officer.get(`/api/products/${ids.ruou}`)).json() as { version: number };
    const changed = await officer.patch(`/api/products/${ids.ruou}`, { version, description: 'Ủ trong chum sành ba tháng.' });
    expect(changed.statusCode, changed.body).toBe(200);
    const page = (await t.anonymous.get(`/san-pham/${slugs.ruou}`)).body;
    expect(page).toContain('Ủ trong chum sành ba tháng.');
    expect(page).not.toContain('Rượu ủ từ quả táo mèo rừng Tà Xùa.');
  });

  it('answers 404 for a product not in the catalogue and 400 for an unknown language', async () => {
    expect((await t.anonymous.get(`/san-pham/${slugs.expired}`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/san-pham/khong-co')).statusCode).toBe(404);
    const language = await t.anonymous.get(`/san-pham/${slugs.ruou}?lang=xx`);
    expect(language.statusCode).toBe(400);
    expect(language.body).toContain('Ngôn ngữ không hỗ trợ');
  });
});
