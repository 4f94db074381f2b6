import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snap, startSystem, type System, logIn as logInAs } from './harness';
import { fillTemplate, gtin13, type Row } from './spreadsheets';

// The registry journey of issue 3: a province admin imports a spreadsheet through the browser, fixes
// the row the dry run reports, imports, and finds a product without typing diacritics; a producer
// member edits only its own products.
describe('registry journey', () => {
  let system: System;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-files-'));
  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = (page: Page, login: string) => logInAs(page, system, login);

  it('imports a spreadsheet after fixing the bad row the dry run names, then finds the product without diacritics', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await logIn(page, 'quantri.sonla@ocop.demo');

    const producers = await (await page.request.get(`${system.baseUrl}/api/producers?q=bich%20thao`)).json();
    const registrationNumber: string = producers.items[0].registrationNumber;
    const template = await page.request.get(`${system.baseUrl}/api/imports/templates/products.xlsx?provinceCode=14`);
    assert.equal(template.status(), 200);
    const templateBytes = Buffer.from(await template.body());
    const good = gtin13(`893${String(Date.now()).slice(-9)}`);
    const other = gtin13(`893${String(Date.now() + 7).slice(-9)}`);
    const wrongCheckDigit = `${other.slice(0, 12)}${(Number(other[12]) + 1) % 10}`;
    const rows: Row[] = [
      { name: 'Chè Shan tuyết Tà Xùa hộp quà (e2e)', gtin: good, price: '350.000' },
      { name: 'Trà hoa vàng Mường Khoa (e2e)', gtin: wrongCheckDigit, price: '1.200.000' },
    ];
    const badFile = await fillTemplate(templateBytes, registrationNumber, rows, dir, 'san-pham-loi.xlsx');

    await page.getByRole('menuitem', { name: 'Nhập dữ liệu' }).click();
    await page.getByTestId('import-kind').getByText('Sản phẩm').click();
    await page.getByTestId('import-file').setInputFiles(badFile);
    await page.getByTestId('import-dry-run').click();
    const problems = page.getByTestId('import-problem');
    await problems.first().waitFor({ timeout: 60_000 });
    assert.equal(await problems.count(), 1, 'exactly the one bad row is reported');
    const problemText = (await problems.first().textContent()) ?? '';
    assert.match(problemText, /GTIN/);
    assert.ok(await page.getByTestId('import-commit').isDisabled(), 'commit stays disabled while the dry run has problems');
    await snap(page, 'registry-01-dry-run-problem');

    const fixed: Row[] = [rows[0] as Row, { ...(rows[1] as Row), gtin: other }];
    const goodFile = await fillTemplate(templateBytes, registrationNumber, fixed, dir, 'san-pham-da-sua.xlsx');
    await page.getByTestId('import-file').setInputFiles(goodFile);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-clean').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('import-created').textContent()) ?? '', /2/);
    await snap(page, 'registry-02-imported');

    await page.getByRole('menuitem', { name: 'Sản phẩm' }).click();
    await page.getByTestId('registry-search').fill('tra hoa vang muong khoa');
    await page.getByTestId('registry-search').press('Enter');
    await page.getByTestId('registry-row').filter({ hasText: 'Trà hoa vàng Mường Khoa (e2e)' }).waitFor();
    assert.equal(await page.getByTestId('registry-row').count(), 1);
    await snap(page, 'registry-03-search-without-diacritics');
    await page.close();
  });

  it('lets a producer member edit its own products and nothing else', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, 'hoptacxa.bichthao@ocop.demo');
    const me = await (await page.request.get(`${system.baseUrl}/api/auth/me`)).json();
    const csrf: string = me.csrfToken;
    const producerId: string = me.user.roles[0].producerId;

    const own = await (await page.request.get(`${system.baseUrl}/api/products?pageSize=200`)).json();
    assert.ok(own.items.length > 0);
    assert.ok(
      own.items.every((p: { producer: { id: string } }) => p.producer.id === producerId),
      'only its own products are listed',
    );

    // Another producer's product, looked up as the province admin in a separate context.
    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    await logIn(adminPage, 'quantri.sonla@ocop.demo');
    const all = await (await adminPage.request.get(`${system.baseUrl}/api/products?pageSize=200`)).json();
    const foreign = all.items.find((p: { producer: { id: string } }) => p.producer.id !== producerId);
    await admin.close();
    assert.ok(foreign);
    const read = await page.request.get(`${system.baseUrl}/api/products/${foreign.id}`);
    assert.equal(read.status(), 404);
    const edit = await page.request.patch(`${system.baseUrl}/api/products/${foreign.id}`, {
      headers: { 'x-csrf-token': csrf },
      data: { version: foreign.version, storageInstructions: 'x' },
    });
    assert.equal(edit.status(), 404);

    const mine = own.items[0] as { id: string; nameVi: string };
    await page.goto(`${system.baseUrl}/products/${mine.id}`);
    await page.getByTestId('product-edit').click();
    const form = page.getByTestId('product-form');
    await form.waitFor();
    const storage = form.getByLabel('Hướng dẫn bảo quản');
    await storage.fill('Bảo quản nơi khô ráo, thoáng mát (sửa từ điện thoại).');
    await snap(page, 'registry-04-member-edit-phone');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Bảo quản nơi khô ráo, thoáng mát (sửa từ điện thoại).').waitFor();
    await snap(page, 'registry-05-member-saved-phone');
    await page.close();
  });
});
