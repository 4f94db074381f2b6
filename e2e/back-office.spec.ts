import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snap, startSystem, type System, logIn as logInAs } from './harness';

// Issue 9, the back office as officers meet it: the lists on a phone start on the first screen,
// the audit log reads in words with a before/after of the changed fields, and forms check in
// Vietnamese (no browser bubble over an email like "htx@").
describe('back-office journey', () => {
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

  const logIn = (page: Page, login: string) => logInAs(page, system, login);

  it('starts the producer and product lists within the first screen of a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, 'quantri.sonla@ocop.demo');
    await snap(page, 'office-01-home-phone');
    for (const [path, name] of [
      ['/products', 'office-02-products-phone'],
      ['/producers', 'office-03-producers-phone'],
    ] as const) {
      await page.goto(`${system.baseUrl}${path}`);
      const first = page.getByTestId('registry-row').first();
      await first.waitFor();
      const box = await first.boundingBox();
      assert.ok(box, 'the first row is laid out');
      assert.ok(box.y + box.height <= 844, `${path}: the first row ends at ${Math.round(box.y + box.height)} px, within the 844 px screen`);
      // The filters are one tap away, and open above the list.
      await page.getByRole('button', { name: 'Bộ lọc' }).click();
      await page.getByTestId('filter-panel').waitFor();
      await snap(page, `${name}-filters`);
      await page.getByRole('button', { name: 'Bộ lọc' }).click();
      await snap(page, name);
    }
    await page.close();
  });

  it('shows the audit log in words, with the object named and a before/after of the changed fields', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'quantri.sonla@ocop.demo');
    const me = await (await page.request.get(`${system.baseUrl}/api/auth/me`)).json();
    const products = await (await page.request.get(`${system.baseUrl}/api/products?pageSize=5`)).json();
    const product = products.items[0] as { id: string; nameVi: string };
    const full = await (await page.request.get(`${system.baseUrl}/api/products/${product.id}`)).json();
    const edit = await page.request.patch(`${system.baseUrl}/api/products/${product.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: full.version, priceMin: 90000, priceMax: 120000 },
    });
    assert.equal(edit.status(), 200, await edit.text());

    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    const row = rows.filter({ hasText: 'Sửa sản phẩm' }).first();
    await row.waitFor();
    const text = (await page.locator('.ant-table-tbody').first().textContent()) ?? '';
    assert.doesNotMatch(text, /product\.updated|producer\.registered|auth\.login\b/, 'no raw action codes');
    assert.match(text, /Đăng nhập/);
    await row.locator('.ant-table-row-expand-icon').click();
    const details = page.getByTestId('audit-details').first();
    await details.waitFor();
    const price = details.locator('tr', { hasText: 'Giá thấp nhất' });
    assert.match((await price.textContent()) ?? '', /90\.000\s₫/);
    assert.doesNotMatch((await details.textContent()) ?? '', /"priceMin"|version/);
    await snap(page, 'office-04-audit-before-after');

    // The object-type filter is a picker of words.
    await page.getByTestId('audit-entity-type').click();
    await page.locator('.ant-select-item-option', { hasText: 'Chủ thể OCOP' }).click();
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.locator('.ant-table-row', { hasText: 'Thêm chủ thể OCOP' }).first().waitFor();
    // The unfiltered rows stay on screen until the filtered ones arrive: wait for the latter.
    await page.waitForFunction(
      "document.querySelector('[data-testid=audit-entity-link]')?.getAttribute('href')?.startsWith('/producers/') === true",
      null,
      { timeout: 15_000 },
    );
    const named = page.getByTestId('audit-entity-link').first();
    assert.match((await named.getAttribute('href')) ?? '', /^\/producers\//);
    await snap(page, 'office-05-audit-producers');

    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'office-06-audit-phone');
    await page.close();
  });

  it('checks an email like "htx@" with the Vietnamese message, not the browser bubble', async () => {
    for (const [width, height, name] of [
      [390, 844, 'office-07-producer-form-phone'],
      [1366, 900, 'office-08-producer-form'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await logIn(page, 'quantri.sonla@ocop.demo');
      await page.goto(`${system.baseUrl}/producers/new`);
      const form = page.getByTestId('producer-form');
      await form.waitFor();
      assert.equal(await form.getAttribute('novalidate'), '', 'the browser leaves the checks to the form');
      await form.getByLabel('Email').fill('htx@');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Địa chỉ email "htx@" không hợp lệ.').waitFor();
      await page.getByText('Cần nhập mã số thuế hoặc số đăng ký kinh doanh.').waitFor();
      // Scrolled to the first wrong field, which stays below the sticky header.
      const first = form.locator('.ant-form-item-has-error').first();
      const box = await first.boundingBox();
      assert.ok(box && box.y >= 64, `the first wrong field starts at ${box?.y} px, below the 64 px header`);
      await snap(page, name);
      await page.close();
    }
  });

  it('shows the login page and the administrative units at both widths', async () => {
    for (const [width, height, suffix] of [
      [390, 844, 'phone'],
      [1366, 900, 'desktop'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${system.baseUrl}/login`);
      await page.locator('#login').waitFor();
      await snap(page, `office-09-login-${suffix}`);
      await logIn(page, 'quantri.sonla@ocop.demo');
      await page.goto(`${system.baseUrl}/admin-units`);
      await page.getByText('Xã, phường (', { exact: false }).first().waitFor();
      await snap(page, `office-10-admin-units-${suffix}`);
      if (width < 992) {
        // Tapping a commune opens its old ↔ new mapping over the list, where the user looks.
        await page.getByRole('row').filter({ hasText: 'Chiềng An' }).first().click();
        const drawer = page.getByTestId('unit-mapping-drawer');
        await drawer.waitFor();
        await drawer.getByText('được hình thành từ').waitFor();
        await page.waitForTimeout(500); // the drawer's slide-in, so the picture shows it settled
        await snap(page, 'office-11-admin-units-mapping-phone');
      }
      await page.close();
    }
  });
});
