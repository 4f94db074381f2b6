import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { STAMP_LAYOUT_PRESETS } from '@ocop/domain/traceability';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { ARTIFACTS, expectNoHorizontalScroll, launchBrowser, logIn, startSystem, type System } from './harness';

// The demo member of the tea company of Tà Xùa, and the lot of its tea the demo seeds (each spec
// starts its own system on fresh demo data, so this lot is there and has no stamps yet).
const TEA_MEMBER = 'chetaxua@ocop.demo';
const TEA_PRODUCT = '(Demo) Chè Shan tuyết Tà Xùa';
const LOT = 'BUP-TX-01';
const STAMPS = 20;
const SHOTS = process.env.E2E_SHOTS_DIR ?? ARTIFACTS;

type StampView = { serial: string; sequence: number; state: string; lotId: string | null; url: string };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `stamps-${name}.png`), fullPage: true });
}

/** Picks a layout in the print form's select, and checks it took (tried again if a click went astray). */
async function chooseLayout(page: Page, optionText: string): Promise<void> {
  // The layout is the print form's first select.
  const select = page.getByTestId('stamp-sheet-form').locator('.ant-select').first();
  for (let attempt = 1; ; attempt++) {
    // In the middle of the screen: near its bottom edge the dropdown keeps flipping above and
    // below the select, and never holds still for a click.
    await select.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.getByLabel('Mẫu nhãn', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
    try {
      await select.getByText(optionText, { exact: false }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A page of the PDF as a PNG (for people to look at), its text, and the QR code jsQR finds on it. */
async function readSheet(file: string): Promise<{ pages: number; text: string; qr: string | null }> {
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', file, join(SHOTS, 'stamps-sheet')]);
  const png = readFileSync(join(SHOTS, 'stamps-sheet-1.png'));
  // jsQR finds one code per image: the first label of the A4 65-up layout, cut out at 200 dpi.
  const label = STAMP_LAYOUT_PRESETS['a4-65'];
  const px = (mm: number) => Math.round((mm / 25.4) * 200);
  const cell = await sharp(png)
    .extract({ left: px(label.marginLeftMm), top: px(label.marginTopMm), width: px(label.labelWidthMm), height: px(label.labelHeightMm) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = jsQR(
    new Uint8ClampedArray(cell.data.buffer, cell.data.byteOffset, cell.data.byteLength),
    cell.info.width,
    cell.info.height,
  );
  return { pages, text, qr: found?.data ?? null };
}

// Issue 14, "Done when" (its back-office half): on a phone, the demo producer orders 20 stamps for
// the lot, waits for their issuing, activates them by range and prints the sheet.
describe('stamps: ordered, activated and printed from a phone', () => {
  let system: System;
  let browser: Browser;
  let phone: Page;
  let orderUrl = '';
  let stamps: StampView[] = [];

  const url = (path: string) => `${system.baseUrl}${path}`;
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await phone.request.get(url(path));
    assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
    phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      timezoneId: 'Asia/Ho_Chi_Minh',
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    await logIn(phone, system, TEA_MEMBER);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('orders 20 stamps from the lot page: the server refuses 10,000,001 in Vietnamese first', async () => {
    await phone.goto(url('/lots'));
    await phone.getByTestId('lot-row').filter({ hasText: LOT }).click();
    await phone.getByRole('heading', { name: `Lô ${LOT}` }).waitFor();
    await phone.getByTestId('lot-stamps').click();
    await phone.waitForURL(/\/stamps\?lotId=/);
    await phone.getByText(`Lô ${LOT}`).waitFor();
    await phone.getByText('Chưa có đơn tem nào.').waitFor();
    await phone.getByTestId('stamp-order-new').click();

    const form = phone.getByTestId('stamp-order-form');
    await form.waitFor();
    await form.getByText(TEA_PRODUCT).waitFor();
    await form.getByText(LOT).waitFor();
    await phone.getByLabel('Số tem').fill('10.000.001');
    await phone.getByTestId('stamp-order-submit').click();
    await form.getByText('Số tem của một đơn phải từ 1 đến 10000000 (đã nhập 10000001).').waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '01-order-refused');

    await phone.getByLabel('Số tem').fill(String(STAMPS));
    await phone.getByTestId('stamp-order-submit').click();
    await phone.waitForURL(/\/stamps\/[0-9a-f-]{36}$/);
    orderUrl = phone.url();
  });

  it('follows the issuing until the 20 stamps exist, then activates them by range from the first stamp’s serial', async () => {
    // Polled: activation opens once the job has issued every stamp.
    const form = phone.getByTestId('stamp-activate-form');
    await form.waitFor({ timeout: 60_000 });
    await phone.getByText(`Đã phát hành ${STAMPS}/${STAMPS} tem`).waitFor();
    const orderId = orderUrl.split('/').at(-1) ?? '';
    stamps = (await getJson<{ items: StampView[] }>(`/api/traceability/stamp-orders/${orderId}/stamps?pageSize=50`)).items;
    assert.equal(stamps.length, STAMPS);
    const [first] = stamps;
    assert.ok(first);

    // As a keyboard scanner would: the first stamp's serial and Enter, then the last by its number.
    await phone.getByTestId('stamp-activate-from').fill(first.serial.toLowerCase());
    await phone.getByTestId('stamp-activate-from').press('Enter');
    await form.getByText('Tem số 1').waitFor();
    await phone.getByTestId('stamp-activate-to').fill(String(STAMPS));
    await phone.getByTestId('stamp-activate-to').press('Enter');
    await form.getByText(`${STAMPS} tem, từ số 1 đến số ${STAMPS}`).waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '02-activate-range');
    await phone.getByTestId('stamp-activate-submit').click();
    await phone.getByText(`Đã kích hoạt ${STAMPS} tem.`).waitFor();
    await phone.getByTestId('stamp-count-activated').getByText(String(STAMPS)).waitFor();

    const after = (await getJson<{ items: StampView[] }>(`/api/traceability/stamp-orders/${orderId}/stamps?pageSize=50`)).items;
    assert.ok(after.every((stamp) => stamp.state === 'activated'));
    const lots = await getJson<{ items: { id: string; lotCode: string }[] }>(`/api/traceability/lots?q=${LOT}`);
    assert.ok(after.every((stamp) => stamp.lotId === lots.items.find((lot) => lot.lotCode === LOT)?.id));
    await shot(phone, '03-activated');
  });

  it('refuses a layout of 60 stamps of 8 mm with the reason, then prints the sheet as a PDF whose codes read back', async () => {
    const form = phone.getByTestId('stamp-sheet-form');
    await chooseLayout(phone, 'Tùy chỉnh kích thước');
    await form.getByLabel('Số hàng').fill('10');
    await form.getByLabel('Số cột').fill('6');
    await form.getByLabel('Rộng nhãn (mm)').fill('8');
    await form.getByLabel('Cao nhãn (mm)').fill('8');
    await phone.getByTestId('stamp-sheet-submit').click();
    const refused = phone.getByTestId('stamp-sheet-refused');
    await refused.getByText('Mẫu nhãn bị từ chối', { exact: false }).waitFor();
    await refused.scrollIntoViewIfNeeded();
    await shot(phone, '04-layout-refused');

    await chooseLayout(phone, 'a4-65');
    const download = phone.waitForEvent('download');
    await phone.getByTestId('stamp-sheet-submit').click();
    // Kept beside the screenshots, for people to open.
    const file = join(SHOTS, 'stamps-sheet.pdf');
    await (await download).saveAs(file);
    await phone.getByTestId('stamp-sheet-ready').waitFor();
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    const sheet = await readSheet(file);
    assert.equal(sheet.pages, 1, '20 stamps fit on one A4 page of 65');
    // Each serial is printed on two lines beside its code. pdftotext sometimes joins them (dropping the
    // hyphen ending the first, read as a word break) and sometimes keeps two lines, depending on the
    // glyphs of that serial; so the text is compared with its hyphens and white space taken out.
    const printed = sheet.text.replace(/[\s-]/g, '');
    for (const stamp of stamps) assert.ok(printed.includes(stamp.serial.replace(/-/g, '')), `${stamp.serial} printed as text`);
    assert.ok(sheet.qr, 'a QR code reads back from the printed sheet');
    assert.equal(sheet.qr, stamps[0]?.url, 'the first label’s code holds the first stamp’s Digital Link');
    await expectNoHorizontalScroll(phone);
    await shot(phone, '05-printed');
  });

  it('shows the order on an office screen too, and in the lot’s list of orders', async () => {
    await phone.setViewportSize({ width: 1366, height: 900 });
    await phone.goto(orderUrl);
    await phone.getByTestId('stamp-counts').waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '06-order-1366');
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.getByRole('button', { name: 'Tem của lô' }).click();
    const row = phone.getByTestId('stamp-order-row');
    await row.filter({ hasText: `${STAMPS} tem` }).waitFor();
    await row.filter({ hasText: 'Đã phát hành' }).waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '07-orders');
  });
  it('counts the scans of the activated stamps on the analytics screen, with its chart per day', async () => {
    // Buyers scan the first stamp three times and the second once (the scan page records each).
    const [first, second] = stamps;
    assert.ok(first && second);
    const stored = (stamp: StampView) => stamp.serial.replace(/-/g, '').slice(0, 20);
    for (const stamp of [first, first, first, second]) {
      const response = await phone.request.get(url(`/s/${stored(stamp)}`), {
        headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Zalo/24' },
      });
      assert.equal(response.status(), 200, await response.text());
    }
    await phone.goto(url('/stamps/scans'));
    const page = phone.getByTestId('scan-analytics');
    await page.waitFor();
    await phone.getByTestId('scan-total-scans').getByText('4', { exact: true }).waitFor();
    await phone.getByTestId('scan-total-stamps').getByText('2', { exact: true }).waitFor();
    assert.equal(await phone.getByTestId('day-bar').count(), 30, 'the last 30 days, one bar each');
    const byLot = phone.getByRole('list', { name: 'Theo lô' });
    await byLot.getByText(LOT).waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '08-scans');
    await phone.setViewportSize({ width: 1366, height: 900 });
    await expectNoHorizontalScroll(phone);
    await shot(phone, '09-scans-1366');
    await phone.setViewportSize({ width: 390, height: 844 });
  });
  it('lists a fake report a buyer sent from the scan page in the inbox, as text', async () => {
    const second = stamps[1];
    assert.ok(second);
    // A buyer, in another browser, reports the stamp from its scan page's form (no script needed).
    const buyer = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'vi-VN' });
    await buyer.goto(url(`/s/${second.serial.replace(/-/g, '').slice(0, 20)}`));
    await buyer.locator('textarea[name=message]').fill('Tem in mờ, <b>nghi hàng giả</b> ở chợ Bắc Yên');
    await buyer.locator('input[name=contact]').fill('0912 345 678');
    await buyer.locator('form[method=post] button, form[method=post] input[type=submit]').first().click();
    await buyer.getByText('Cảm ơn bạn đã báo', { exact: false }).waitFor();
    await buyer.close();

    await phone.goto(url('/stamps/scans'));
    await phone.getByTestId('scan-total-reports').getByText('1', { exact: true }).waitFor();
    const report = phone.getByTestId('fake-report');
    await report.getByText('Tem in mờ, <b>nghi hàng giả</b> ở chợ Bắc Yên').waitFor();
    assert.equal(await report.locator('b').count(), 0, 'what the buyer wrote is shown as text');
    await report.getByText('Liên hệ: 0912 345 678', { exact: false }).waitFor();
    await report.scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '10-fake-report');
  });
});
