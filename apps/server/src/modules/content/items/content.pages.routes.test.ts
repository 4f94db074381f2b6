import { gzipSync } from 'node:zlib';
import parser from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPdf, multipart } from '../../../test-support/file-fixtures';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';

type Item = { id: string; slug: string; version: number; files: { url: string }[] };

describe('content: the public news and legal-text pages, the feed and the sitemap', () => {
  let t: TestApp;
  let officer: Client;
  const HOSTILE_TITLE = 'Tin <script>window.__pwned=1</script> & "trích dẫn" ]]>';

  const write = async (body: Record<string, unknown>, publish: boolean) => {
    const created = (await officer.post('/api/content/items', body)).json() as Item;
    if (!publish) return created;
    const published = await officer.post(`/api/content/items/${created.id}/publish`, { version: created.version });
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as Item;
  };
  const legal = (number: string, signedOn: string, legalKind: string) => ({
    kind: 'legal',
    title: `Văn bản ${number}`,
    bodyHtml: '<p>Nội dung</p>',
    legalKind,
    documentNumber: number,
    issuingBody: 'UBND tỉnh Sơn La',
    signedOn,
  });

  let article: Item;
  let draft: Item;
  let decision: Item;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    article = await write(
      {
        kind: 'news',
        title: 'Sơn La có 85 sản phẩm OCOP',
        summary: 'Tỉnh có 29 sản phẩm 4 sao và 56 sản phẩm 3 sao.',
        bodyHtml:
          '<p>Chương trình <strong>OCOP Sơn La</strong> <a href="https://sonla.gov.vn">cổng tỉnh</a></p><img src=x onerror=alert(1)>',
      },
      true,
    );
    draft = await write({ kind: 'news', title: 'Bản nháp chưa đăng', bodyHtml: '<p>Nháp</p>' }, false);
    await write({ kind: 'news', title: HOSTILE_TITLE, summary: '<b>tóm tắt</b> & <i>x</i>', bodyHtml: '<p>a</p>' }, true);
    decision = await write(legal('26/2026/QĐ-TTg', '2026-05-22', 'decision'), true);
    await write(legal('12/KH-UBND', '2026-01-10', 'plan'), true);
    await write(legal('99/QĐ-UBND', '2026-06-01', 'decision'), false);
    const form = multipart({ fields: { purpose: 'attachment' }, file: { filename: 'QĐ 26.pdf', bytes: aPdf() } });
    await officer.post(`/api/content/items/${decision.id}/files`, form.body, form.headers);
  });
  afterAll(async () => t.close());

  it('lists published news only, small, cacheable, without script', async () => {
    const response = await t.anonymous.get('/tin-tuc');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toContain('Sơn La có 85 sản phẩm OCOP');
    expect(response.body).not.toContain('Bản nháp chưa đăng');
    expect(response.body).not.toContain('<script');
    expect(response.body).toContain('Tin &lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(gzipSync(response.body).length).toBeLessThan(30 * 1024);
    expect((await t.anonymous.get('/tin-tuc?lang=en')).body).toContain('OCOP news');
  });

  it('shows a published article with its allowed markup and nothing that runs', async () => {
    const response = await t.anonymous.get(`/tin-tuc/${article.slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Sơn La có 85 sản phẩm OCOP</h1>');
    expect(response.body).toContain('<strong>OCOP Sơn La</strong>');
    expect(response.body).toContain('<a href="https://sonla.gov.vn" rel="noopener noreferrer">cổng tỉnh</a>');
    expect(response.body).not.toMatch(/<script|onerror|<img src="?x/);
    expect(response.body).toContain('<meta property="og:title" content="Sơn La có 85 sản phẩm OCOP">');
    expect(gzipSync(response.body).length).toBeLessThan(30 * 1024);
    expect((await t.anonymous.get(`/tin-tuc/${article.slug}?lang=en`)).body).toContain('← OCOP news');
  });

  it('answers 404 for drafts, unknown slugs and the wrong kind, 400 for a bad page or language', async () => {
    expect((await t.anonymous.get(`/tin-tuc/${draft.slug}`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/tin-tuc/khong-co-bai-nay')).statusCode).toBe(404);
    expect((await t.anonymous.get(`/van-ban/${article.slug}`)).statusCode).toBe(404);
    // Past the slug's bound (80) but within the router's parameter bound, beyond which the edge answers 400.
    expect((await t.anonymous.get(`/tin-tuc/${'a'.repeat(95)}`)).statusCode).toBe(404);
    for (const path of [
      '/tin-tuc?page=-1',
      '/tin-tuc?page=abc',
      '/tin-tuc?lang=xx',
      `/tin-tuc/${article.slug}?lang=xx`,
      '/van-ban?loai=khac',
      '/van-ban?page=0',
    ]) {
      const response = await t.anonymous.get(path);
      expect(response.statusCode, path).toBe(400);
      expect(response.body, path).toContain('Yêu cầu không hợp lệ');
    }
  });

  it('lists legal texts newest signed first, filtered by kind, with their attachments', async () => {
    const list = (await t.anonymous.get('/van-ban')).body;
    expect(list.indexOf('26/2026/QĐ-TTg')).toBeGreaterThan(-1);
    expect(list.indexOf('26/2026/QĐ-TTg')).toBeLessThan(list.indexOf('12/KH-UBND'));
    expect(list).not.toContain('99/QĐ-UBND');
    const plans = (await t.anonymous.get('/van-ban?loai=plan')).body;
    expect(plans).toContain('12/KH-UBND');
    expect(plans).not.toContain('26/2026/QĐ-TTg');
    const page = (await t.anonymous.get(`/van-ban/${decision.slug}`)).body;
    expect(page).toContain('UBND tỉnh Sơn La');
    expect(page).toContain('22/05/2026');
    const link = /href="(\/noi-dung\/tep\/[0-9a-f-]+)" download>QĐ 26.pdf</.exec(page)?.[1];
    expect(link).toBeDefined();
    expect((await t.anonymous.get(link as string)).headers['content-type']).toBe('application/pdf');
  });

  it('publishes an RSS 2.0 feed that parses as XML, with escaped titles', async () => {
    const response = await t.anonymous.get('/tin-tuc/rss.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(parser.validate(response.body)).toBe(true);
    const feed = parser.parse(response.body, { ignoreAttributes: false, parseNodeValue: false }) as {
      rss: { '@_version': string; channel: { item: { title: string; link: string; pubDate: string; description: string }[] } };
    };
    expect(feed.rss['@_version']).toBe('2.0');
    const items = feed.rss.channel.item;
    expect(items).toHaveLength(2);
    expect(response.body).not.toContain('<script');
    expect(response.body).toContain('Tin &#60;script&#62;window.__pwned=1&#60;/script&#62; &#38; &#34;trích dẫn&#34; ]]&#62;');
    expect(items.map((item) => item.link)).toContain(`http://localhost/tin-tuc/${article.slug}`);
    expect(items.find((item) => item.link.endsWith(article.slug))?.pubDate).toBe('Mon, 02 Mar 2026 02:00:00 GMT');
    expect(response.body).not.toContain('Bản nháp chưa đăng');
  });

  it('lists the published pages in its own sitemap, named in robots.txt', async () => {
    const sitemap = await t.anonymous.get('/sitemap-noi-dung.xml');
    expect(parser.validate(sitemap.body)).toBe(true);
    expect(sitemap.body).toContain(`<loc>http://localhost/tin-tuc/${article.slug}</loc>`);
    expect(sitemap.body).toContain(`<loc>http://localhost/van-ban/${decision.slug}</loc>`);
    expect(sitemap.body).not.toContain(draft.slug);
    expect((await t.anonymous.get('/robots.txt')).body).toContain('Sitemap: http://localhost/sitemap-noi-dung.xml');
  });

  // Last: it adds 21 articles, which the tests above do not expect.
  it('pages the news by 10 and keeps the feed to the last 20', async () => {
    for (let n = 1; n <= 21; n++) {
      t.clock.advance(60_000);
      await write({ kind: 'news', title: `Tin số ${n}`, bodyHtml: `<p>${n}</p>` }, true);
    }
    const first = (await t.anonymous.get('/tin-tuc')).body;
    expect(first.match(/<li /g)).toHaveLength(10);
    expect(first).toContain('Tin số 21');
    expect(first).toContain('href="/tin-tuc?page=2" rel="next"');
    const third = (await t.anonymous.get('/tin-tuc?page=3')).body;
    expect(third.match(/<li /g)).toHaveLength(3);
    expect(third).not.toContain('rel="next"');
    const feed = parser.parse((await t.anonymous.get('/tin-tuc/rss.xml')).body) as { rss: { channel: { item: { title: string }[] } } };
    expect(feed.rss.channel.item).toHaveLength(20);
    expect(feed.rss.channel.item[0]?.title).toBe('Tin số 21');
  });
});
