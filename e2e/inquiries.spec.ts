import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, snap, startSystem, type System } from './harness';

/** The demo's 4★ black garlic and its cooperative, whose member has a demo login. */
const GARLIC = 'Tỏi đen Yên Châu';
const COOPERATIVE = /HTX Nông sản Tây Bắc Yên Châu/;
const MEMBER = 'htx.taybac.yenchau@ocop.demo';
const BUYER = 'Lê Thị Mai (e2e)';
const MESSAGE = 'Cho tôi hỏi giá 50 hộp giao tại Sơn La. <img src=x onerror="window.__pwned = 1">';

// Issue 15 (parts 3 and 5): a buyer on a phone goes from a product to its producer's page and sends
// an inquiry with no script; the producer's member reads it in the back office's "Hỏi mua".
describe('inquiries: a buyer writes to a producer, its member reads it', () => {
  let system: System;
  let browser: Browser;
  const url = (path: string) => `${system.baseUrl}${path}`;

  async function phone(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    return page;
  }

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('sends an inquiry from the producer page and sees the thanks', async () => {
    const page = await phone();
    await page.goto(url('/san-pham?q=toi%20den%20yen%20chau'));
    await page.getByRole('link', { name: GARLIC }).click();
    await page.getByRole('heading', { name: GARLIC }).waitFor();
    await page.getByRole('link', { name: COOPERATIVE }).click();
    await page.getByRole('heading', { name: COOPERATIVE }).waitFor();
    assert.ok(await page.getByRole('link', { name: GARLIC }).isVisible(), 'the producer page lists the garlic');
    assert.equal(await page.locator('a[href^="tel:"]').count(), 0, 'no phone number unless the producer chose to show it');
    const form = page.locator('form[action="/hoi-mua"]');
    await form.getByLabel('Họ và tên').fill(BUYER);
    await form.getByLabel('Số điện thoại hoặc email').fill('0987 654 321');
    await form.getByLabel('Số lượng (không bắt buộc)').fill('50 hộp');
    await form.getByLabel('Nội dung').fill(MESSAGE);
    await snap(page, 'inquiry-form-390');
    // A person takes more than the form token's 3 seconds to write.
    await page.waitForTimeout(3_200);
    await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.waitForURL(/\/hoi-mua\/cam-on$/);
    await page.getByText('Cảm ơn bạn!').waitFor();
    await page.close();
  });

  it('lets the producer’s member read it in "Hỏi mua" on a phone and mark it answered', async () => {
    const page = await phone();
    await logIn(page, system, MEMBER);
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('menuitem', { name: 'Hỏi mua' }).click();
    await page.getByRole('link', { name: BUYER }).click();
    await page.getByTestId('inquiry-message').waitFor();
    assert.equal(await page.getByTestId('inquiry-message').textContent(), MESSAGE);
    assert.equal(await page.getByTestId('inquiry-contact').textContent(), '0987 654 321');
    await page.getByTestId('inquiry-status').filter({ hasText: 'Đã xem' }).waitFor();
    await page.getByTestId('inquiry-answered').click();
    await page.getByTestId('inquiry-status').filter({ hasText: 'Đã trả lời' }).waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await snap(page, 'inquiry-inbox-390');
    await page.close();
  });
});
