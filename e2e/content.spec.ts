import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, snap, startSystem, type System } from './harness';

const OFFICE = 'vanphong.sonla@ocop.demo';
const TITLE = `Hội chợ OCOP Sơn La ${Date.now()}`;
/** What a careless copy from another site could bring: a picture whose error handler would run script. */
const PASTED = '<p>Dán từ trang khác <img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>hết.</p>';

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

// Issue 15 (part 6): the OCOP secretariat writes an article with bold text and a link, pastes hostile
// HTML into it and publishes it; the public page shows the bold text and the link, and nothing runs.
describe('news: the secretariat writes and publishes an article that runs nothing', () => {
  let system: System;
  let browser: Browser;

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('writes, pastes, publishes, and the public page shows bold text and a safe link only', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await logIn(page, system, OFFICE);
    await page.getByRole('menuitem', { name: 'Tin tức và văn bản' }).click();
    await page.getByTestId('content-new').click();
    // The editor's screen carries the rich-text editor (its own chunk): on a loaded machine it takes a while.
    await page.waitForURL(/\/content\/new/, { timeout: 30_000 });
    await page.getByTestId('content-title').waitFor({ timeout: 90_000 });
    await page.getByTestId('content-title').fill(TITLE);
    await page.getByTestId('content-summary').fill('Hội chợ giới thiệu sản phẩm OCOP của tỉnh.');

    const editor = page.getByTestId('content-editor');
    await editor.click();
    await page.keyboard.type('Chương trình ');
    await page.getByTestId('editor-bold').click();
    await page.keyboard.type('OCOP Sơn La');
    await page.getByTestId('editor-bold').click();
    await page.keyboard.type(' mời xem cổng tỉnh');
    // Select "cổng tỉnh" (9 characters) and make it a link.
    for (let n = 0; n < 9; n++) await page.keyboard.press('Shift+ArrowLeft');
    await page.getByTestId('editor-link-address').fill('https://sonla.gov.vn');
    await page.getByTestId('editor-link').click();
    await editor.locator('a[href="https://sonla.gov.vn"]').waitFor();
    await editor.press('End');
    await editor.press('Enter');
    await editor.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Dán từ trang khác hết.');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PASTED);
    await editor.getByText('Dán từ trang khác').waitFor();
    assert.equal(await pwned(page), undefined, 'the paste ran nothing in the back office');
    await snap(page, 'content-editor');

    await page.getByTestId('content-save').click();
    await page.waitForURL(/\/content\/[0-9a-f-]{36}$/);
    assert.equal(await page.getByTestId('content-status').textContent(), 'Bản nháp');
    await page.getByTestId('content-publish').click();
    await page.getByTestId('content-status').getByText('Đã đăng').waitFor();
    const publicPath = await page.getByTestId('content-public-link').getAttribute('href');
    assert.ok(publicPath?.startsWith('/tin-tuc/'), publicPath ?? '');
    assert.equal(await pwned(page), undefined);
    await page.close();

    // A reader, without a session, on a phone.
    const reader = await browser.newPage({ viewport: { width: 390, height: 844 } });
    reader.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await reader.goto(`${system.baseUrl}/tin-tuc`);
    await reader.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { name: TITLE }).waitFor();
    assert.equal(await reader.locator('article strong', { hasText: 'OCOP Sơn La' }).count(), 1, 'the bold text is bold');
    // The link made in the editor (its exact text depends on where the selection fell while typing).
    const link = reader.locator('article a[href="https://sonla.gov.vn"]');
    assert.equal(await link.getAttribute('href'), 'https://sonla.gov.vn');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.ok(await reader.getByText('Dán từ trang khác').isVisible());
    assert.equal(await reader.locator('script').count(), 0, 'no script element on the page');
    assert.equal(await reader.locator('img[src="x"], [onerror]').count(), 0, 'the pasted picture and its handler are gone');
    assert.equal(await pwned(reader), undefined, 'nothing ran on the public page');
    await snap(reader, 'content-public-390');

    const feed = await reader.request.get(`${system.baseUrl}/tin-tuc/rss.xml`);
    assert.equal(feed.status(), 200);
    assert.ok((await feed.text()).includes(publicPath ?? '-'), 'the feed lists the article');
    await reader.close();
  });
});
