import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { startTestApp, type TestApp } from '../../../test-support/test-app';

describe('public pages in Chinese, and seasons', () => {
  let t: TestApp;
  let producerPath: string;
  const slugs: Record<string, string> = {};
  const HOSTILE_ZH = '<script>window.__pwned=1</script>李子"甜"';

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Mận hậu Mộc Châu' });
    const certified = async (key: string, fields: Record<string, unknown>) => {
      const product = await givenProduct(t, officer, producer.id, fields);
      slugs[key] = product.slug;
      await givenLegacyCertificate(t, {
        expiresOn: '2028-05-01',
        producerId: producer.id,
        productId: product.id,
        productName: String(fields.nameVi),
        stars: 4,
      });
    };
    await certified('man', {
      nameVi: 'Mận hậu Mộc Châu',
      nameZh: '木州李子',
      description: 'Mận hậu chín cây.',
      descriptionZh: HOSTILE_ZH,
      story: 'Câu chuyện vườn mận trên cao nguyên.',
      seasons: [6, 5],
      seasonNote: 'Chín rộ giữa tháng 6',
      priceMin: 40_000,
    });
    await certified('caphe', { nameVi: 'Cà phê Arabica Mộc Châu', description: 'Cà phê rang mộc.', seasons: [10, 11, 12, 1] });
    const page = await t.anonymous.get(`/san-pham/${slugs.man}`);
    producerPath = /href="(\/chu-the\/[^"?]+)"/.exec(page.body)?.[1] ?? '';
  });
  afterAll(async () => t.close());

  it('shows the product page in Simplified Chinese: labels, the producer’s Chinese texts, Vietnamese fallbacks marked', async () => {
    const response = await t.anonymous.get(`/san-pham/${slugs.man}?lang=zh`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<html lang="zh-Hans">');
    expect(body).toContain('<h1>木州李子</h1>');
    for (const label of [
      '生产主体',
      '产地',
      '参考价格',
      '认证证书',
      '查验',
      'OCOP 4星产品',
      '产品故事',
      '购买地点',
      '询价购买',
      '姓名',
      '发送',
    ])
      expect(body, label).toContain(label);
    expect(body).toContain('<dt>产季</dt>');
    expect(body).toContain('<span data-testid="seasons">5月–6月</span> <small lang="vi">(Chín rộ giữa tháng 6)</small>');
    // No Chinese story: the Vietnamese one, marked as Vietnamese inside the Chinese page.
    expect(body).toContain('<p style="white-space:pre-line" lang="vi">Câu chuyện vườn mận trên cao nguyên.</p>');
    expect(body).not.toContain('Mận hậu chín cây.');
    expect(body).toContain('name="lang" value="zh"');
    expect(gzipSync(body).length).toBeLessThan(30 * 1024);
  });

  it('keeps a script in the Chinese description inert', async () => {
    const body = (await t.anonymous.get(`/san-pham/${slugs.man}?lang=zh`)).body;
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;李子&quot;甜&quot;');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(body)?.[1] ?? '{}');
    expect(ld.description).toBe(HOSTILE_ZH);
  });

  it('marks the Vietnamese name of a product without a Chinese one, and offers VI · EN · 中文 with hreflang alternates', async () => {
    const body = (await t.anonymous.get(`/san-pham/${slugs.caphe}?lang=zh`)).body;
    expect(body).toContain('<h1 lang="vi">Cà phê Arabica Mộc Châu</h1>');
    expect(body).toContain('<span data-testid="seasons">10月–1月</span>');
    expect(body).toContain(`<a href="/san-pham/${slugs.caphe}" lang="vi" hreflang="vi">VI</a>`);
    expect(body).toContain(`<a href="/san-pham/${slugs.caphe}?lang=en" lang="en" hreflang="en">EN</a>`);
    expect(body).toContain('<strong lang="zh-Hans">中文</strong>');
    for (const [lang, query] of [
      ['vi', ''],
      ['en', '?lang=en'],
      ['zh-Hans', '?lang=zh'],
      ['x-default', ''],
    ] as const)
      expect(body).toMatch(
        new RegExp(
          `<link rel="alternate" hreflang="${lang}" href="http://localhost(:\\d+)?/san-pham/${slugs.caphe}${query.replace('?', '\\?')}">`,
        ),
      );
  });

  it('writes the season in Vietnamese and English, across the new year too', async () => {
    const vi = (await t.anonymous.get(`/san-pham/${slugs.man}`)).body;
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain(
      '<dt>Mùa vụ</dt><dd style="margin:0 0 .5rem"><span data-testid="seasons">tháng 5 – 6</span> <small>(Chín rộ giữa tháng 6)</small>',
    );
    expect((await t.anonymous.get(`/san-pham/${slugs.caphe}`)).body).toContain('tháng 10 – tháng 1');
    const en = (await t.anonymous.get(`/san-pham/${slugs.man}?lang=en`)).body;
    expect(en).toContain('<dt>In season</dt><dd style="margin:0 0 .5rem"><span data-testid="seasons">May – Jun</span>');
    expect(en).toContain('<h1 lang="vi">Mận hậu Mộc Châu</h1>');
  });

  it('shows the catalogue in Chinese, and its search (Vietnamese or English words) keeps working', async () => {
    const response = await t.anonymous.get('/san-pham?lang=zh');
    const body = response.body;
    expect(body).toContain('<html lang="zh-Hans">');
    for (const label of ['<h1>OCOP产品</h1>', '全部星级', '全部产品类别', '共2个产品', '搜索</button>'])
      expect(body, label).toContain(label);
    expect(body).toContain(`href="/san-pham/${slugs.man}?lang=zh" style="font-weight:700">木州李子</a>`);
    expect(body).toContain(`href="/san-pham/${slugs.caphe}?lang=zh" style="font-weight:700" lang="vi">Cà phê Arabica Mộc Châu</a>`);
    expect(body).toContain('<input type="hidden" name="lang" value="zh">');
    expect(gzipSync(body).length).toBeLessThan(30 * 1024);

    const found = (await t.anonymous.get('/san-pham?lang=zh&q=ca%20phe&stars=4')).body;
    expect(found).toContain('共1个产品');
    expect(found).toContain('Cà phê Arabica Mộc Châu');
    // The switch and the alternates keep the search.
    expect(found).toContain('<a href="/san-pham?q=ca+phe&amp;stars=4&amp;lang=en" lang="en" hreflang="en">EN</a>');
    expect(found).toMatch(/<link rel="alternate" hreflang="vi" href="http:\/\/localhost(:\d+)?\/san-pham\?q=ca\+phe&amp;stars=4">/);
  });

  it('shows the producer page in Chinese, its Vietnamese name marked', async () => {
    const body = (await t.anonymous.get(`${producerPath}?lang=zh`)).body;
    expect(body).toContain('<html lang="zh-Hans">');
    expect(body).toContain('<h1 lang="vi">HTX Mận hậu Mộc Châu</h1>');
    for (const label of ['类型', '合作社', '地址', 'OCOP产品', '拥有2个认证产品的OCOP生产主体', '询价购买'])
      expect(body, label).toContain(label);
    expect(body).toMatch(/<link rel="alternate" hreflang="zh-Hans" href="http:\/\/localhost(:\d+)?\/chu-the\/[^"]+\?lang=zh">/);
  });

  it('answers a too-quick inquiry from a Chinese page in Chinese', async () => {
    const page = (await t.anonymous.get(`/san-pham/${slugs.man}?lang=zh`)).body;
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
    const form = new URLSearchParams({
      producer: field('producer'),
      product: field('product'),
      token: field('token'),
      lang: 'zh',
      name: 'Lý',
      contact: '0912345678',
      message: '想买',
    });
    const response = await t.anonymous.post('/hoi-mua', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="zh-Hans">');
    expect(response.body).toContain('表单发送过快。请检查内容后重新发送。');
    expect(response.body).toContain('<span lang="vi">Mận hậu Mộc Châu — HTX Mận hậu Mộc Châu</span>');
  });

  it('gives the months in the catalogue JSON and the open data', async () => {
    const api = (await t.anonymous.get('/api/public/catalogue?lang=zh&sort=name')).json() as {
      items: { name: string; seasons: number[] }[];
    };
    expect(api.items.map((item) => [item.name, item.seasons])).toEqual([
      ['Cà phê Arabica Mộc Châu', [1, 10, 11, 12]],
      ['木州李子', [5, 6]],
    ]);
    const open = (await t.anonymous.get('/du-lieu-mo/san-pham-ocop.json')).json() as { items: { name_vi: string; seasons: number[] }[] };
    expect(open.items.find((item) => item.name_vi === 'Mận hậu Mộc Châu')?.seasons).toEqual([5, 6]);
    const csv = (await t.anonymous.get('/du-lieu-mo/san-pham-ocop.csv')).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toContain(',price_min,price_max,seasons,certificate_number,');
    // Just after the prices (none given for the coffee).
    expect(csv.find((line) => line.includes('Cà phê Arabica'))).toContain(',,,1;10;11;12,');
  });

  it('lists the products in season in a month, page and JSON alike, and marks this month in the filter', async () => {
    // The test clock stands in March 2026 (Vietnam time): neither product is in season then.
    const page = await t.anonymous.get('/san-pham?month=');
    expect(page.body).toContain('<option value="3">Vào mùa tháng 3 (tháng này)</option>');
    expect((await t.anonymous.get('/san-pham?month=3')).body).toContain('data-testid="catalogue-total">0 sản phẩm');

    const june = await t.anonymous.get('/san-pham?month=6&lang=en');
    expect(june.statusCode).toBe(200);
    expect(june.body).toContain('<option value="6" selected>In season: Jun</option>');
    expect(june.body).toContain('data-testid="catalogue-total">1 products');
    expect(june.body).not.toContain('Cà phê Arabica');
    // Across the new year: the coffee's October–January season holds in January.
    const january = (await t.anonymous.get('/api/public/catalogue?month=1')).json() as { items: { name: string }[] };
    expect(january.items.map((item) => item.name)).toEqual(['Cà phê Arabica Mộc Châu']);
    expect((await t.anonymous.get('/san-pham?month=6&lang=zh')).body).toContain('<option value="6" selected>产季：6月</option>');

    for (const bad of ['0', '13', '1.5', 'sau']) {
      const refused = await t.anonymous.get(`/san-pham?month=${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.body).toMatch(/Tháng .* \/ (Months are 1 to 12|The month must be a (whole number|number from 1 to 12))/);
    }
    expect((await t.anonymous.get('/api/public/catalogue?month=13')).statusCode).toBe(400);
  });
});
