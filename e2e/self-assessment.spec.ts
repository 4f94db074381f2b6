import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, snap, startSystem, type System, logIn as logInAs, expectNoHorizontalScroll } from './harness';

const MEMBER = 'chetaxua@ocop.demo';
const PRODUCT = '(Demo) Chè Shan tuyết Tà Xùa';

type Step = { criterionCode: string; neededOptionId: string };

// Issue 10, item 7: the demo tea producer self-assesses its green tea on sheet no. 11 (set 1.5.1
// of QĐ 26/2026), sees 3★ projected and the way to 4★, and choosing the plan's options gives 4★.
describe('self-assessment journey', () => {
  let system: System;
  let browser: Browser;
  let productId = '';
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-self-assessment-'));
  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = (page: Page, login: string) => logInAs(page, system, login);

  it('opens the green tea’s self-assessment: 3★ projected, the unmet minima marked and the plan to 4★', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, MEMBER);
    await page.goto(`${system.baseUrl}/products`);
    await page.getByRole('link', { name: PRODUCT }).click();
    await page.getByTestId('product-self-assessment').click();
    await page.waitForURL(/\/products\/[0-9a-f-]+\/self-assessment$/);
    productId = /\/products\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? '';

    const stars = page.getByTestId('sa-stars');
    await stars.waitFor();
    assert.equal(await stars.textContent(), '3 sao');
    assert.match((await page.getByTestId('sa-save-status').textContent()) ?? '', /^Đã lưu lúc \d\d:\d\d$/);
    const plan = page.getByTestId('sa-plan');
    assert.match((await plan.textContent()) ?? '', /Con đường lên hạng sao tiếp theo/);
    assert.match((await page.getByTestId('sa-plan-summary').textContent()) ?? '', /^Để đạt 4★ cần nâng \d+ tiêu chí/);
    assert.ok((await page.locator('[data-testid^="plan-step-"]').count()) > 0);
    assert.ok((await page.locator('[data-testid^="unmet-"]').count()) > 0, 'criteria below a 4★ minimum are marked');
    await snap(page, 'self-assessment-01-3-stars-desktop');
    await page.close();
  });

  it('chooses the plan’s options one by one and sees 4★, kept after a reload, at phone width too', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, MEMBER);
    const before = await (await page.request.get(`${system.baseUrl}/api/products/${productId}/self-assessment`)).json();
    assert.equal(before.plan.target, 4);
    const steps: Step[] = before.plan.steps;
    await page.goto(`${system.baseUrl}/products/${productId}/self-assessment`);
    await page.getByTestId('sa-summary').waitFor();
    await expectNoHorizontalScroll(page);
    await snap(page, 'self-assessment-02-3-stars-phone');

    for (const step of steps) await page.getByTestId(`option-${step.neededOptionId}`).click();
    await page.getByTestId('sa-stars').filter({ hasText: '4 sao' }).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('sa-save-status')
      .filter({ hasText: /^Đã lưu lúc/ })
      .waitFor();
    await expectNoHorizontalScroll(page);
    await snap(page, 'self-assessment-03-4-stars-phone');

    await page.reload();
    await page.getByTestId('sa-stars').filter({ hasText: '4 sao' }).waitFor();
    for (const step of steps) {
      const radio = page.getByTestId(`criterion-${step.criterionCode}`).locator('input[type=radio]:checked');
      assert.equal(await radio.getAttribute('value'), step.neededOptionId, `${step.criterionCode} keeps the plan’s answer`);
    }
    const after = await (await page.request.get(`${system.baseUrl}/api/products/${productId}/self-assessment`)).json();
    assert.equal(after.score.stars, 4);
    assert.equal(after.plan.target, 5);
    await page.close();

    const desktop = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(desktop, MEMBER);
    await desktop.goto(`${system.baseUrl}/products/${productId}/self-assessment`);
    await desktop.getByTestId('sa-stars').filter({ hasText: '4 sao' }).waitFor();
    await expectNoHorizontalScroll(desktop);
    await snap(desktop, 'self-assessment-04-4-stars-desktop');
    await desktop.close();
  });

  it('lets the province officer read the answers without changing them', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'vanphong.sonla@ocop.demo');
    await page.goto(`${system.baseUrl}/products/${productId}/self-assessment`);
    await page.getByTestId('sa-read-only').waitFor();
    assert.equal(await page.getByTestId('sa-stars').textContent(), '4 sao');
    const choices = page.locator('[data-testid^="criterion-"] input[type=radio]');
    assert.ok((await choices.count()) > 0);
    assert.equal(await page.locator('[data-testid^="criterion-"] input[type=radio]:not([disabled])').count(), 0);
    await page.close();
  });

  it('opens the plan’s PDF section of the report in a new tab: Mẫu 02 phần III, the product, 4★ and the way to 5★', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, MEMBER);
    await page.goto(`${system.baseUrl}/products/${productId}/self-assessment`);
    const link = page.getByTestId('sa-pdf');
    await link.waitFor();
    assert.equal(await link.getAttribute('target'), '_blank');
    // The built server prints it: this also proves the bundle finds pdfkit and the font files.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    const response = await tab.waitForResponse((candidate) => candidate.url().includes('/self-assessment.pdf')).catch(() => null);
    const pdf = await page.request.get(`${system.baseUrl}/api/products/${productId}/self-assessment.pdf`);
    const bytes = Buffer.from(await pdf.body()); // read before the page goes: its responses go with it
    await tab.close();
    await page.close();
    assert.ok(response === null || response.status() === 200);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const file = join(dir, 'tu-danh-gia.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(ARTIFACTS, 'self-assessment-pdf-page')]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    assert.match(text, /BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM/);
    assert.match(text, /Chè Shan tuyết Tà Xùa/);
    assert.match(text, /CON ĐƯỜNG LÊN HẠNG 5 SAO/);
    assert.match(text, /Hạng dự kiến: 4 sao/);
    assert.match(text, /ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ/);
  });
});
