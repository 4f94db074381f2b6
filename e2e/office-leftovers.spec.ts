import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snap, startSystem, type System, logIn as logInAs } from './harness';
import { fillTemplate, gtin13 } from './spreadsheets';

const SIZES = [
  [1366, 900, 'desktop'],
  [390, 844, 'phone'],
] as const;

/** yyyy-mm-dd, `days` from today. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// Issue 9, what officers expected and did not find: correcting a user's details, the history of
// imports with a link to the products one added, documents about to end flagged on producers, and
// products found by their producer's tax code.
describe('back-office leftovers journey', () => {
  let system: System;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-leftovers-'));
  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = (page: Page, login: string) => logInAs(page, system, login);

  async function csrfOf(page: Page): Promise<string> {
    return (await (await page.request.get(`${system.baseUrl}/api/auth/me`)).json()).csrfToken;
  }

  it('corrects a user’s name and phone from the users page, at both widths', async () => {
    for (const [width, height, suffix] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height } });
      await logIn(page, 'quantri.sonla@ocop.demo');
      await page.goto(`${system.baseUrl}/users`);
      const row = page.locator('.ant-table-row', { hasText: 'xa.chiengan@ocop.demo' }).first();
      await row.waitFor();
      if (width >= 768) await row.getByRole('button', { name: 'Sửa thông tin' }).click();
      else {
        await row.getByRole('button', { name: 'Thao tác' }).click();
        await page.getByRole('menuitem', { name: 'Sửa thông tin' }).click();
      }
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Email').fill('htx@');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.getByText('Địa chỉ email không hợp lệ.').waitFor();
      await dialog.getByLabel('Email').fill('xa.chiengan@ocop.demo');
      const phone = suffix === 'phone' ? '0912 000 222' : '0912 000 111';
      await dialog.getByLabel('Số điện thoại').fill(phone);
      await snap(page, `leftovers-01-user-edit-${suffix}`);
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(/Đã lưu thông tin của/).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .locator('.ant-table-row', { hasText: phone.replace(/\s/g, '') })
        .first()
        .waitFor();
      await snap(page, `leftovers-02-user-saved-${suffix}`);
      await page.close();
    }
  });

  it('lists past imports with their results and opens the products one added or updated', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'quantri.sonla@ocop.demo');
    const producers = await (await page.request.get(`${system.baseUrl}/api/producers?q=bich%20thao`)).json();
    const registrationNumber: string = producers.items[0].registrationNumber;
    const template = Buffer.from(
      await (await page.request.get(`${system.baseUrl}/api/imports/templates/products.xlsx?provinceCode=14`)).body(),
    );
    const file = await fillTemplate(
      template,
      registrationNumber,
      [
        { name: 'Mật ong hoa ban (e2e lịch sử)', gtin: gtin13(`893${String(Date.now()).slice(-9)}`), price: '250.000' },
        { name: 'Cà phê rang xay Chiềng Ban (e2e lịch sử)', gtin: gtin13(`893${String(Date.now() + 3).slice(-9)}`), price: '180.000' },
      ],
      dir,
      'lich-su-nhap.xlsx',
    );
    const started = await page.request.post(`${system.baseUrl}/api/imports/products?mode=commit`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
      multipart: {
        file: {
          name: 'lich-su-nhap.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: readFileSync(file),
        },
      },
    });
    assert.equal(started.status(), 202, await started.text());
    const importId: string = (await started.json()).id;
    for (let i = 0; i < 120; i++) {
      const job = await (await page.request.get(`${system.baseUrl}/api/imports/${importId}`)).json();
      if (job.status === 'completed') break;
      assert.ok(job.status === 'queued' || job.status === 'running', `import ${job.status}: ${JSON.stringify(job.failure)}`);
      await page.waitForTimeout(500);
    }

    await page.getByRole('menuitem', { name: 'Nhập dữ liệu' }).click();
    const history = page.getByTestId('import-history');
    const row = history.locator('.ant-table-row', { hasText: 'lich-su-nhap.xlsx' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Hoàn thành.*2 dòng: thêm mới 2, cập nhật 0, không thay đổi 0/);
    await snap(page, 'leftovers-03-import-history-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'leftovers-04-import-history-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    await row.getByRole('link', { name: 'Xem 2 sản phẩm đã thêm hoặc cập nhật' }).click();
    await page.getByTestId('from-import').waitFor();
    await page.getByTestId('registry-row').first().waitFor();
    const names = await page.getByTestId('registry-row').allTextContents();
    assert.equal(names.length, 2);
    assert.ok(names.every((name) => name.includes('(e2e lịch sử)')));
    await snap(page, 'leftovers-05-products-of-import');
    await page.close();
  });

  it('finds a producer’s products by its tax code, as the search box says', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'quantri.sonla@ocop.demo');
    const producers = await (await page.request.get(`${system.baseUrl}/api/producers?q=bich%20thao`)).json();
    const producer = producers.items[0] as { name: string; registrationNumber: string };
    await page.getByRole('menuitem', { name: 'Sản phẩm' }).click();
    await page.getByTestId('registry-search').fill(producer.registrationNumber);
    await page.getByTestId('registry-search').press('Enter');
    // The unfiltered list is on screen until the search's answer replaces it: wait for the search in
    // the address, then for the rows of that answer.
    await page.waitForURL((url) => url.searchParams.get('q') === producer.registrationNumber);
    await page.waitForFunction(
      (name) => {
        const rows = Array.from(document.querySelectorAll('[data-testid="registry-row"]'));
        return rows.length > 0 && rows.every((row) => row.textContent?.includes(name));
      },
      producer.name,
      { timeout: 15_000 },
    );
    const rows = await page.getByTestId('registry-row').allTextContents();
    assert.ok(rows.length > 0);
    assert.ok(
      rows.every((text) => text.includes(producer.name)),
      `every product found is ${producer.name}'s`,
    );
    await snap(page, 'leftovers-06-search-by-tax-code');
    await page.close();
  });

  it('flags a producer whose document ends within 60 days, in the list and on its page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'quantri.sonla@ocop.demo');
    const producers = await (await page.request.get(`${system.baseUrl}/api/producers?q=bich%20thao`)).json();
    const producer = producers.items[0] as { id: string; name: string };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploaded = await page.request.post(`${system.baseUrl}/api/producers/${producer.id}/documents`, {
      headers: { 'x-csrf-token': await csrfOf(page) },
      multipart: {
        kind: 'food_safety_certificate',
        number: '123/2024/ATTP-CNĐK',
        validTo: dayFromToday(30),
        file: { name: 'attp.pdf', mimeType: 'application/pdf', buffer: pdf },
      },
    });
    assert.equal(uploaded.status(), 201, await uploaded.text());

    for (const [width, height, suffix] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto(`${system.baseUrl}/producers?q=bich%20thao`);
      const row = page.getByTestId('registry-row').filter({ hasText: producer.name }).first();
      await row.waitFor();
      await row.getByText('Có giấy tờ sắp hết hạn').waitFor();
      await snap(page, `leftovers-07-producers-expiring-${suffix}`);
      await page.goto(`${system.baseUrl}/producers/${producer.id}`);
      await page.getByTestId('producer-document-expiry').waitFor();
      await page.getByText('Sắp hết hạn', { exact: true }).first().waitFor();
      await snap(page, `leftovers-08-producer-expiring-${suffix}`);
    }
    await page.close();
  });
});
