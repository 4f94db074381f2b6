import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { ARTIFACTS, apiSession, launchBrowser, startSystem, type System } from './harness';

const OFFICE = 'vanphong.sonla@ocop.demo';
/**
 * The demo tea of Tà Xùa has no OCOP certificate; the demo's black garlic was recognised 4★ by the
 * demo decision at the first start, so its certificate is valid today. The province's OCOP office
 * orders its stamps for it (stamps.order lets the province's staff order for a producer).
 */
const GARLIC = 'Tỏi đen Yên Châu';
const SHOTS = process.env.E2E_SHOTS_DIR ?? ARTIFACTS;

/** A day in Vietnam, `offset` days from today, as ISO. */
const isoDay = (offset = 0) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `stamp-scan-${name}.png`), fullPage: true });
}

// Issue 14, "Done when" (the scan part): stamps ordered and activated through the API; a phone-sized
// browser opens a stamp's /s/ address and sees "Chính hãng", 4★ with a valid certificate and the
// journey; an unactivated stamp says "Tem chưa kích hoạt"; after the certificate is revoked the same
// stamp shows the revocation.
describe('stamp scan: the consumer’s page on a phone', () => {
  let system: System;
  let browser: Browser;
  let api: APIRequestContext;
  let csrf = '';
  let certificateId = '';
  const serials: string[] = [];
  // What each stamp's QR code holds: the product has a GTIN, so a GS1 Digital Link on our address.
  const qrUrls: string[] = [];

  const url = (path: string) => `${system.baseUrl}${path}`;
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response =
      method === 'GET'
        ? await api.get(url(path))
        : await api.post(url(path), { data: body as Record<string, unknown>, headers: { 'x-csrf-token': csrf } });
    assert.ok(response.status() < 300, `${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  async function phoneAt(path: string): Promise<Page> {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      userAgent: 'Mozilla/5.0 (Linux; Android 13) Zalo android/12100',
    });
    const response = await phone.goto(url(path));
    assert.ok(response);
    return phone;
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

  it('orders 20 stamps for a lot of the 4★ product, waits until they are issued and activates 19', async () => {
    const products = await call<{ items: { id: string; nameVi: string; producer: { id: string; communeCode: string } }[] }>(
      'GET',
      `/api/products?q=${encodeURIComponent(GARLIC)}`,
    );
    const product = products.items.find((item) => item.nameVi.includes(GARLIC));
    assert.ok(product, 'the demo garlic');
    const certificates = await call<{ items: { id: string; stars: number; status: string }[] }>(
      'GET',
      `/api/certificates?productId=${product.id}`,
    );
    const certificate = certificates.items.find((item) => item.stars === 4 && item.status === 'valid');
    assert.ok(certificate, `a valid 4★ certificate: ${JSON.stringify(certificates.items)}`);
    certificateId = certificate.id;

    const site = await call<{ id: string }>('POST', '/api/traceability/sites', {
      producerId: product.producer.id,
      name: 'Ruộng tỏi Chiềng Đông (e2e)',
      kind: 'farm',
      communeCode: product.producer.communeCode,
      address: 'Bản Nà Bó',
    });
    const lot = await call<{ id: string }>('POST', '/api/traceability/lots', {
      productId: product.id,
      lotCode: 'TOI-E2E-01',
      producedOn: isoDay(-1),
      expiresOn: isoDay(364),
      quantity: 200,
      unit: 'kg',
    });
    await call('POST', `/api/traceability/lots/${lot.id}/steps`, { kind: 'harvest', siteId: site.id, note: 'Thu hoạch tỏi' });

    const order = await call<{ id: string }>('POST', '/api/traceability/stamp-orders', {
      productId: product.id,
      lotId: lot.id,
      quantity: 20,
    });
    for (let tries = 0; ; tries++) {
      const view = await call<{ state: string }>('GET', `/api/traceability/stamp-orders/${order.id}`);
      if (view.state === 'issued') break;
      assert.ok(tries < 300, 'issued within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const page = await call<{ items: { serial: string; url: string }[] }>(
      'GET',
      `/api/traceability/stamp-orders/${order.id}/stamps?pageSize=50`,
    );
    assert.equal(page.items.length, 20);
    serials.push(...page.items.map((item) => item.serial.replace(/-/g, '').slice(0, 20)));
    qrUrls.push(...page.items.map((item) => item.url));
    const changed = await call<{ changed: number }>('POST', `/api/traceability/stamp-orders/${order.id}/activation`, { from: 1, to: 19 });
    assert.equal(changed.changed, 19);
  });

  it('a phone opening what a stamp’s QR code holds (its GS1 Digital Link) is sent on to the scan page', async () => {
    const qr = new URL(qrUrls[2] ?? '');
    assert.match(qr.pathname, /^\/01\/\d{14}\/10\/TOI-E2E-01\/21\/[0-9A-Z]{20}$/);
    const phone = await phoneAt(qr.pathname);
    assert.equal(new URL(phone.url()).pathname, `/s/${serials[2]}`, 'the resolver’s 307 followed');
    const text = (await phone.locator('main').textContent()) ?? '';
    assert.match(text, /^\s*Chính hãng/);
    assert.ok(text.includes(GARLIC), 'the product');
    await shot(phone, 'digital-link');
    await phone.close();
  });

  it('a phone opening a stamp’s address sees "Chính hãng" first, 4★ with a valid certificate, and the journey', async () => {
    const phone = await phoneAt(`/s/${serials[0]}`);
    const main = phone.locator('main');
    const text = (await main.textContent()) ?? '';
    assert.match(text, /^\s*Chính hãng/);
    assert.ok(text.includes(GARLIC), 'the product');
    assert.ok(text.includes('★★★★'), 'four stars');
    assert.ok(text.includes('4 sao'));
    assert.ok(text.includes('Giấy chứng nhận còn hiệu lực'), text);
    assert.ok(text.includes('Lô sản xuất TOI-E2E-01'));
    assert.ok(text.includes('Hành trình sản phẩm'));
    assert.ok((await phone.locator('main ol li').count()) >= 1, 'at least the harvest step');
    assert.ok(text.includes('Tem này đã được quét 1 lần'));
    assert.equal(await phone.locator('script').count(), 0, 'no script on the scan page');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scroll (${width})`);
    await shot(phone, '01-genuine-phone');

    await phone.getByRole('link', { name: 'English' }).click();
    assert.match((await phone.locator('main').textContent()) ?? '', /^\s*Genuine/);
    assert.ok(((await phone.locator('main').textContent()) ?? '').includes('scanned 2 times'));
    await shot(phone, '02-genuine-english-phone');
    await phone.close();
  });

  it('an unactivated stamp says "Tem chưa kích hoạt"; a made-up one "Không tìm thấy tem"', async () => {
    const phone = await phoneAt(`/s/${serials[19]}`);
    assert.match((await phone.locator('main').textContent()) ?? '', /^\s*Tem chưa kích hoạt/);
    await shot(phone, '03-not-activated-phone');
    const response = await phone.goto(url('/s/ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-Z'));
    assert.equal(response?.status(), 404);
    assert.match((await phone.locator('main').textContent()) ?? '', /^\s*Không tìm thấy tem/);
    await shot(phone, '04-unknown-phone');
    await phone.close();
  });

  it('a fake report sent from the page reaches the province’s list', async () => {
    const phone = await phoneAt(`/s/${serials[1]}`);
    await phone.locator('textarea[name=message]').fill('Tem dán trên hộp tỏi ở chợ trông như bản in lại.');
    await phone.locator('input[name=contact]').fill('0912 000 111');
    await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await phone.getByText('Cảm ơn bạn đã báo').waitFor();
    await shot(phone, '05-report-sent-phone');
    await phone.close();
    const reports = await call<{ items: { message: string; lotCode: string | null }[] }>('GET', '/api/traceability/fake-reports');
    assert.ok(reports.items.some((item) => item.message.startsWith('Tem dán trên hộp tỏi') && item.lotCode === 'TOI-E2E-01'));
  });

  it('after the certificate is revoked, the same stamp shows the revocation', async () => {
    await call('POST', `/api/certificates/${certificateId}/revocation`, {
      ground: 'c',
      decisionNumber: '97/QĐ-UBND',
      decidedOn: isoDay(),
      findingOn: isoDay(-15),
      reason: 'Kiểm tra sau công nhận: mẫu không đạt chỉ tiêu (e2e).',
    });
    const phone = await phoneAt(`/s/${serials[0]}`);
    const text = (await phone.locator('main').textContent()) ?? '';
    assert.ok(text.includes('Giấy chứng nhận đã bị thu hồi'), text);
    assert.ok(text.includes('thu hồi từ ngày'));
    assert.ok(!text.includes('Giấy chứng nhận còn hiệu lực'));
    await shot(phone, '06-revoked-phone');
    await phone.close();
  });
});
