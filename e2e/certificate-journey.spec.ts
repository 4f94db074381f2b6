import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { confirmDialog, launchBrowser, logIn, snap, startSystem, type System } from './harness';

const OFFICE = 'vanphong.sonla@ocop.demo';
// The demo's scored dossier (3★) that no decision has recognised yet; the other journeys leave it alone.
const PLUM = '(Demo) Mận sấy dẻo Cường Hoa';
const DECISION = '88/QĐ-UBND';
// A certificate the former Mộc Châu district issued, in the demo's legacy import.
const LEGACY_NUMBER = '0125/GCN-UBND-MC-DEMO';

/** A day in Vietnam, `offset` days from today, as the date pickers take it (dd/mm/yyyy). */
function day(offset = 0): string {
  const iso = new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const [year, month, date] = iso.split('-');
  return `${date}/${month}/${year}`;
}

/** The text of the QR code on the PDF's first page: pdftoppm → PNG → pixels → jsQR. */
async function qrOfPdf(bytes: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-pdf-'));
  try {
    writeFileSync(join(dir, 'certificate.pdf'), bytes);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'certificate.pdf'), join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page-1.png'));
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
    assert.ok(found, 'no QR code found on the certificate');
    return found.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Issue 12, "Done when": a decision recorded in the browser issues the certificate; the QR code of
// its PDF opens the public verification page, "Còn hiệu lực"; a revocation whose finding was 15 days
// ago makes the same page say "Đã thu hồi"; a certificate of a former district shows its old issuer.
describe('certificates: from the decision to the public verification', () => {
  let system: System;
  let browser: Browser;
  let office: Page;
  let certificateId = '';
  let verificationPath = '';

  const url = (path: string) => `${system.baseUrl}${path}`;
  const getJson = async <T>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(url(path));
    assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  /** The public page as a consumer's phone opens it: no session. */
  async function verify(path: string): Promise<Page> {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(url(path));
    return phone;
  }

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
    office = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await logIn(office, system, OFFICE);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('a decision recorded in the browser issues the certificate', async () => {
    const rounds = await getJson<{ id: string; name: string }[]>(office, '/api/evaluation/rounds?provinceCode=14');
    const round = rounds.find((item) => item.name.startsWith('Đợt đánh giá bổ sung (demo)'));
    assert.ok(round, 'the demo round');
    await office.goto(url(`/dossiers?round=${round.id}`));
    await office.getByTestId('decision-open').click();
    const dialog = office.getByRole('dialog');
    await dialog.locator('.ant-checkbox-wrapper').filter({ hasText: PLUM }).click();
    await dialog.getByLabel('Số quyết định').fill(DECISION);
    const signed = dialog.getByLabel('Ngày ký', { exact: true });
    await signed.click();
    await signed.fill(day());
    await signed.press('Enter');
    await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Demo');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await office.getByText(`Đã ghi quyết định ${DECISION}.`).waitFor();

    const page = await getJson<{ items: { id: string; decisionNumber: string; stars: number }[] }>(
      office,
      `/api/certificates?q=${encodeURIComponent('Mận sấy dẻo Cường Hoa')}`,
    );
    const issued = page.items.find((item) => item.decisionNumber === DECISION);
    assert.ok(issued, 'the decision issued a certificate');
    assert.equal(issued.stars, 3);
    certificateId = issued.id;
    await office.goto(url(`/certificates/${certificateId}`));
    await office.getByText('Còn hiệu lực').first().waitFor();
    await office.getByText(DECISION).first().waitFor();
    await snap(office, 'certificate-01-detail-1024');
  });

  it('the QR code of its PDF opens the verification page, which says "Còn hiệu lực"', async () => {
    const response = await office.request.get(url(`/api/certificates/${certificateId}/certificate.pdf`));
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    const scanned = await qrOfPdf(Buffer.from(await response.body()));
    const target = new URL(scanned);
    assert.match(target.pathname, /^\/c\/\d+\/GCN-OCOP-14-\d{4}$/);
    verificationPath = target.pathname;
    const phone = await verify(verificationPath);
    const verdict = phone.locator('.verdict');
    assert.match((await verdict.textContent()) ?? '', /^Còn hiệu lực/);
    assert.equal(await phone.locator('script').count(), 0, 'no script on the public page');
    await phone.getByText(PLUM).waitFor();
    await snap(phone, 'certificate-02-verification-phone');
    await phone.close();
  });

  it('after a revocation whose finding was 15 days ago, the same page says "Đã thu hồi"', async () => {
    await office.goto(url(`/certificates/${certificateId}`));
    await office.getByTestId('revoke-open').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('Căn cứ thu hồi (Điều 8)').click();
    await office.locator('.ant-select-item-option').filter({ hasText: 'c) ' }).click();
    for (const [label, typed] of [
      ['Ngày phát hiện vi phạm', day(-15)],
      ['Ngày quyết định', day()],
    ] as const) {
      const input = dialog.getByLabel(label, { exact: true });
      await input.click();
      await input.fill(typed);
      await input.press('Enter');
    }
    await dialog.getByTestId('revoke-effective').getByText(`từ ngày ${day()}`, { exact: false }).waitFor();
    await dialog.getByLabel('Số quyết định thu hồi').fill('95/QĐ-UBND');
    await dialog.getByLabel('Lý do').fill('Kiểm tra sau công nhận: mẫu sản phẩm không đạt chỉ tiêu an toàn thực phẩm.');
    await snap(office, 'certificate-03-revoke-1024');
    await office.getByTestId('revoke-submit').click();
    await confirmDialog(office, 'Thu hồi giấy chứng nhận');

    const phone = await verify(verificationPath);
    assert.match((await phone.locator('.verdict').textContent()) ?? '', /^Đã thu hồi/);
    await phone.getByText('95/QĐ-UBND', { exact: false }).first().waitFor();
    await snap(phone, 'certificate-04-revoked-phone');
    await phone.close();
  });

  it('a certificate of a former district shows its old issuer', async () => {
    const phone = await verify(`/c/${LEGACY_NUMBER}`);
    const text = (await phone.locator('main').textContent()) ?? '';
    assert.match(text, /Ủy ban nhân dân huyện Mộc Châu/);
    assert.match(text, /QĐ 148\/2023/);
    await snap(phone, 'certificate-05-legacy-phone');
    await phone.close();
  });
});
