import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { confirmDialog, launchBrowser, logIn, snap, startSystem, type System } from './harness';

// The score sheets of issue 10 (item 8) in the browser: the province officer of the OCOP
// secretariat browses the regimes and their sheets, then edits, publishes, imports and deletes drafts.
const OFFICER = 'vanphong.sonla@ocop.demo';

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openSet(page: Page, code: string) {
  await page.getByTestId('set-row').filter({ hasText: code }).first().getByTestId('set-link').click();
  await page.getByTestId('criteria-tree').or(page.getByTestId('draft-editor')).waitFor();
}

const partTotal = (page: Page, scope: string, part: string) =>
  page.getByTestId(scope).locator(`[data-testid=part-total][data-part="${part}"]`);

describe('score sheets journey', () => {
  let system: System;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-criteria-'));
  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('browses the regimes, the tea sheet of 26/2026 without issues and a 1048 sheet with issues', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, system, OFFICER);
    await page.getByRole('menuitem', { name: 'Bộ tiêu chí' }).click();
    const current = page.locator('[data-testid=regime-card][data-regime="26/2026"]');
    await current.waitFor();
    assert.equal(await current.getByTestId('regime-state').textContent(), 'Đang áp dụng');
    assert.equal(
      await page.locator('[data-testid=regime-card][data-regime="148/2023"]').getByTestId('regime-state').textContent(),
      'Hết hiệu lực',
    );
    assert.match((await current.getByTestId('regime-parts').textContent()) ?? '', /A: 40B: 25C: 35Tổng: 100/);
    await page.getByTestId('set-row').first().waitFor();
    assert.equal(await page.getByTestId('set-row').count(), 26, 'the 26 product sets of Phụ lục I');
    await snap(page, 'criteria-01-regimes');

    await openSet(page, '1.5.1');
    await page.getByRole('heading', { name: /^1\.5\.1 · / }).waitFor();
    assert.ok((await page.getByTestId('criterion').count()) > 30, 'the tea sheet shows its criteria');
    assert.equal(await page.getByTestId('version-issues').getAttribute('data-count'), '0');
    assert.match((await page.getByTestId('version-issues').textContent()) ?? '', /Không có lỗi/);
    assert.ok((await page.getByTestId('option-minimum').count()) > 0, 'starred minima are marked');
    assert.equal(await page.getByTestId('criterion-issue').count(), 0);
    await snap(page, 'criteria-02-tea-sheet');

    await page.getByRole('link', { name: 'Các bộ của quy định' }).click();
    await page.locator('[data-testid=regime-card][data-regime="1048/2019"]').getByTestId('regime-open').click();
    await page.getByTestId('regime-sets').getByText('Quyết định 1048/QĐ-TTg', { exact: false }).waitFor();
    const withIssues = page.getByTestId('set-row').filter({ has: page.locator('[data-testid=part-total][data-ok=false]') });
    await withIssues.first().waitFor();
    await withIssues.first().getByTestId('set-link').click();
    await page.getByTestId('criteria-tree').waitFor();
    assert.ok(Number(await page.getByTestId('version-issues').getAttribute('data-count')) > 0, 'the 1048 sheet has issues');
    assert.ok((await page.getByTestId('criterion-issue').count()) > 0, 'each issue is shown where it belongs');
    await snap(page, 'criteria-03-1048-issues');
    await page.close();
  });

  it('reads the tea sheet on a phone without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, system, OFFICER);
    await page.goto(`${system.baseUrl}/criteria`);
    await page.getByTestId('set-row').first().waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    await openSet(page, '1.5.1');
    assert.equal(await horizontalOverflow(page), 0);
    await snap(page, 'criteria-04-tea-phone');
    await page.close();
  });

  it('edits a draft with the running maxima in sight, publishes it, imports an export as a draft and deletes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await logIn(page, system, OFFICER);
    await page.goto(`${system.baseUrl}/criteria`);
    await page.getByTestId('set-row').first().waitFor();
    await openSet(page, '1.5.1');
    const publishedUrl = page.url();

    await page.getByTestId('draft-create').click();
    await page.getByTestId('draft-editor').waitFor();
    assert.equal(await partTotal(page, 'editor-totals', 'A').getAttribute('data-ok'), 'true');
    const firstMax = page
      .getByTestId('criterion-editor')
      .first()
      .locator('[data-testid=criterion-max] input, input[data-testid=criterion-max]')
      .first();
    const before = Number(await firstMax.inputValue());
    await firstMax.fill(String(before - 1));
    await partTotal(page, 'editor-totals', 'A').and(page.locator('[data-ok=false]')).waitFor();
    await page.getByTestId('draft-save').click();
    await page.locator('[data-testid=version-issues]:not([data-count="0"])').waitFor();
    assert.ok(Number(await page.getByTestId('version-issues').getAttribute('data-count')) > 0, 'the saved draft shows its issues');
    // Saving keeps the editor open on the saved revision; leaving it shows the draft as read.
    await page.getByRole('button', { name: 'Thôi sửa' }).click();
    await page.getByTestId('criteria-tree').waitFor();
    assert.ok(await page.getByTestId('draft-publish').isDisabled(), 'a draft with issues cannot be published');
    await snap(page, 'criteria-05-draft-red');

    await page.getByTestId('draft-edit').click();
    const againMax = page
      .getByTestId('criterion-editor')
      .first()
      .locator('[data-testid=criterion-max] input, input[data-testid=criterion-max]')
      .first();
    await againMax.fill(String(before));
    await partTotal(page, 'editor-totals', 'A').and(page.locator('[data-ok=true]')).waitFor();
    await page.getByTestId('draft-save').click();
    await page.locator('[data-testid=version-issues][data-count="0"]').waitFor();
    await page.getByRole('button', { name: 'Thôi sửa' }).click();
    await page.getByTestId('criteria-tree').waitFor();
    await page.getByTestId('draft-publish').click();
    await confirmDialog(page, 'Ban hành');
    await page.getByText(/Đã ban hành phiên bản \d+\./).waitFor();
    assert.equal(await page.getByTestId('version-status').textContent(), 'Đã ban hành');

    // The version published first stays readable, now superseded.
    await page.goto(publishedUrl);
    await page.getByTestId('version-status').filter({ hasText: 'Đã thay thế' }).waitFor();

    // Export as JSON and import it back: dry run first, then the draft.
    await page.goto(`${system.baseUrl}/criteria`);
    await page.getByTestId('set-row').first().waitFor();
    await openSet(page, '1.5.1');
    const download = page.waitForEvent('download');
    await page.getByTestId('criteria-export-json').click();
    const file = join(dir, 'che.json');
    await (await download).saveAs(file);
    await page.getByTestId('criteria-import').click();
    await page.getByTestId('criteria-import-file').setInputFiles(file);
    assert.ok(await page.getByTestId('criteria-import-commit').isDisabled(), 'the commit waits for a clean dry run');
    await page.getByTestId('criteria-import-check').click();
    await page.getByTestId('criteria-import-result').getByText('Không có lỗi', { exact: false }).waitFor();
    await page.getByTestId('criteria-import-commit').click();
    await page.getByTestId('draft-editor').waitFor();
    assert.equal(await page.getByTestId('version-status').textContent(), 'Bản nháp');

    // A file whose part does not add up is refused by row in the dry run.
    const broken = JSON.parse(readFileSync(file, 'utf8'));
    broken.content.parts[0].criteria[0].maxPoints += 1;
    const brokenFile = join(dir, 'che-loi.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    await page.getByRole('button', { name: 'Thôi sửa' }).click();
    await page.getByTestId('criteria-import').click();
    await page.getByTestId('criteria-import-file').setInputFiles(brokenFile);
    await page.getByText('che-loi.json').waitFor();
    await page.getByTestId('criteria-import-check').click();
    await page.getByTestId('criteria-import-issue').first().waitFor();
    assert.ok(await page.getByTestId('criteria-import-commit').isDisabled());
    await snap(page, 'criteria-06-import-refused');
    await page.getByRole('button', { name: 'Hủy' }).click();

    await page.getByTestId('draft-delete').click();
    await confirmDialog(page, 'Xóa bản nháp');
    await page.getByTestId('regime-sets').waitFor();
    await page.close();
  });
});
