import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { ARTIFACTS, apiSession, launchBrowser, logIn, startSystem, type System } from './harness';

const OFFICE = 'vanphong.sonla@ocop.demo';
/** The operator of the demo's showcase, which stocks every certified demo product. */
const OPERATOR = 'diemban.sonla@ocop.demo';
const SHOWCASE = '(Demo) Trung tâm giới thiệu và bán sản phẩm OCOP tỉnh Sơn La';
/** The demo's 4★ product (recognised by the demo decision, its certificate valid today). */
const GARLIC = 'Tỏi đen Yên Châu';
const SHOTS = process.env.E2E_SHOTS_DIR ?? ARTIFACTS;
const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><a href="javascript:window.__pwned=3">x</a>`;

// Issue 15 (first part): a buyer on a phone finds a certified product without diacritics and opens
// its page; what a producer writes into the product's texts runs nowhere on the public pages.
describe('public portal: catalogue and product page on a phone', () => {
  let system: System;
  let browser: Browser;
  let api: APIRequestContext;
  let csrf = '';
  const url = (path: string) => `${system.baseUrl}${path}`;

  async function phone(): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      userAgent: 'Mozilla/5.0 (Linux; Android 13) Zalo android/12100',
    });
    // A dialog (alert) opened by a script would be a failure too.
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    return page;
  }

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
    ({ api, csrf } = await apiSession(browser, system, OFFICE));
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('finds the black garlic typed without diacritics and opens its page: 4 stars, the certificate and its verification', async () => {
    const page = await phone();
    await page.goto(url('/san-pham'));
    await page.getByRole('searchbox').fill('toi den yen chau');
    await page.getByRole('searchbox').press('Enter');
    await page.getByRole('link', { name: GARLIC }).waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'portal-catalogue-390.png'), fullPage: true });
    await page.getByRole('link', { name: GARLIC }).click();
    await page.getByRole('heading', { name: GARLIC }).waitFor();
    assert.ok(await page.getByText('Sản phẩm OCOP 4 sao').isVisible());
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    assert.equal(ld['@type'], 'Product');
    assert.ok(String(ld.name).includes(GARLIC), ld.name);
    await page.screenshot({ path: join(SHOTS, 'portal-product-390.png'), fullPage: true });
    await page.getByRole('link', { name: 'Kiểm tra' }).click();
    await page.waitForURL(/\/c\//);
    await page.close();
  });

  it('sees where to buy on the map; the showcase’s operator takes the product off the shelf and puts it back, and the page follows', async () => {
    const buyer = await phone();
    await buyer.goto(url('/san-pham?q=toi%20den%20yen%20chau'));
    await buyer.getByRole('link', { name: GARLIC }).click();
    await buyer.getByRole('heading', { name: 'Nơi mua' }).waitFor();
    const productUrl = buyer.url();
    assert.ok(await buyer.locator('#noi-mua').getByRole('link', { name: SHOWCASE }).isVisible());
    await buyer.getByRole('link', { name: /Điểm giới thiệu và bán sản phẩm OCOP/ }).click();
    await buyer.getByRole('heading', { name: 'Điểm giới thiệu và bán sản phẩm OCOP' }).waitFor();
    // The map is drawn by the server: the province outline and one numbered marker per point people walk into.
    assert.equal(await buyer.locator('svg path').count(), 1);
    assert.equal(await buyer.locator('svg circle').count(), 4);
    assert.ok(await buyer.getByText('Huyện cũ (trước 7/2025) có điểm bán: 3/12').isVisible());
    mkdirSync(SHOTS, { recursive: true });
    await buyer.screenshot({ path: join(SHOTS, 'portal-sales-points-390.png'), fullPage: true });
    // A marker leads to the point's entry in the list.
    await buyer.locator('svg a').first().click();
    await buyer.waitForURL(/#diem-/);

    const operator = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(operator, system, OPERATOR);
    await operator.goto(url('/sales-points'));
    await operator.getByTestId('sales-point-stock-link').click();
    const remove = operator.getByRole('button', { name: new RegExp(`Bỏ khỏi kệ .*${GARLIC}`) });
    await remove.click();
    await operator.getByTestId('stock-save').click();
    await operator.getByText(/Đã lưu \d+ sản phẩm bày bán/).waitFor();
    // Another buyer (the first one's browser may keep the page its cache-control allows, 5 minutes).
    const next = await phone();
    await next.goto(productUrl);
    await next.getByRole('heading', { name: 'Nơi mua' }).waitFor();
    assert.equal(await next.locator('#noi-mua').getByRole('link', { name: SHOWCASE }).count(), 0);

    const search = operator.getByPlaceholder('Tìm sản phẩm OCOP (không cần dấu)');
    await search.fill('toi den');
    await search.press('Enter');
    await operator.getByRole('button', { name: new RegExp(`Thêm sản phẩm .*${GARLIC}`) }).click();
    await operator.getByTestId('stock-save').click();
    await operator.getByRole('button', { name: new RegExp(`Bỏ khỏi kệ .*${GARLIC}`) }).waitFor();
    await operator.screenshot({ path: join(SHOTS, 'portal-operator-stock-390.png'), fullPage: true });
    const later = await phone();
    await later.goto(productUrl);
    await later.locator('#noi-mua').getByRole('link', { name: SHOWCASE }).waitFor();
    for (const page of [operator, buyer, next, later]) await page.close();
  });

  it('runs nothing a producer wrote: script, event handler and javascript: link stay text on both pages', async () => {
    const found = await api.get(url(`/api/products?q=${encodeURIComponent(GARLIC)}`));
    const product = ((await found.json()) as { items: { id: string; nameVi: string; version: number; slug: string }[] }).items.find(
      (item) => item.nameVi.includes(GARLIC),
    );
    assert.ok(product);
    const changed = await api.patch(url(`/api/products/${product.id}`), {
      data: { version: product.version, description: HOSTILE, story: `${HOSTILE}</script>`, nameEn: HOSTILE },
      headers: { 'x-csrf-token': csrf },
    });
    assert.equal(changed.status(), 200, await changed.text());
    const page = await phone();
    for (const path of [`/san-pham/${product.slug}`, `/san-pham/${product.slug}?lang=en`, '/san-pham?q=toi%20den&lang=en']) {
      // The catalogue keeps a minute; the product's texts are read when its page opens.
      await page.goto(url(path));
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, path);
      if (path.startsWith('/san-pham/')) assert.ok((await page.content()).includes('&lt;script&gt;'), `${path} shows the text`);
    }
    await page.close();
  });
});
