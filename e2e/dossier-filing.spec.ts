import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { confirmDialog, expectNoHorizontalScroll, launchBrowser, logIn as logInAs, snap, startSystem, type System } from './harness';

const OFFICE = 'vanphong.sonla@ocop.demo';
const ADMIN = 'quantri.sonla@ocop.demo';
const MEMBER = 'chetaxua@ocop.demo';
// The demo tea company sits in Xã Tà Xùa (03868); the demo commune officer serves Phường Chiềng An,
// so the journey gives that officer Tà Xùa as well (the demo has no officer of Tà Xùa).
const COMMUNE_OFFICER = 'xa.chiengan@ocop.demo';
const TA_XUA = '03868';
const PRODUCT = '(Demo) Chè Shan tuyết Tà Xùa';
const SIZES = [
  [1366, 900, 'desktop'],
  [390, 844, 'phone'],
] as const;

// Issue: the evaluation dossier from filing to the province's receipt (QĐ 26/2026 Art. 7.1–7.2).
describe('dossier filing journey', () => {
  let system: System;
  let browser: Browser;
  let dossierId = '';
  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = (page: Page, login: string) => logInAs(page, system, login);
  const csrfOf = async (page: Page): Promise<string> => (await (await page.request.get(`${system.baseUrl}/api/auth/me`)).json()).csrfToken;
  async function pickDate(page: Page, testId: string, ddmmyyyy: string) {
    const input = page.getByTestId(testId);
    await input.click();
    await input.fill(ddmmyyyy);
    await input.press('Enter');
  }

  it('lets the province officer add an extra round from the rounds screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, OFFICE);
    await page.goto(`${system.baseUrl}/dossiers`);
    await page.getByTestId('state-counts').waitFor();
    await page.goto(`${system.baseUrl}/rounds`);
    await page.getByTestId('rounds-year').fill('2027');
    await page.getByTestId('rounds-extra').click();
    await page.getByTestId('extra-round-name').fill('Đợt bổ sung thử nghiệm 2027');
    await pickDate(page, 'extra-round-proposals', '31/03/2027');
    await pickDate(page, 'extra-round-results', '31/05/2027');
    await page.getByTestId('extra-round-ok').click();
    await page.getByText('Đợt bổ sung thử nghiệm 2027').waitFor();
    await snap(page, 'dossier-01-rounds-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await snap(page, 'dossier-01-rounds-phone');
    await page.close();
  });

  it('lets the tea producer open a dossier, see the checklist and submit it', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, MEMBER);
    // The two papers every dossier needs, uploaded before the dossier opens: it links them itself.
    const me = await (await page.request.get(`${system.baseUrl}/api/auth/me`)).json();
    const producerId = me.user.roles.find((grant: { producerId: string | null }) => grant.producerId).producerId as string;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    for (const kind of ['business_licence', 'food_safety_certificate']) {
      const uploaded = await page.request.post(`${system.baseUrl}/api/producers/${producerId}/documents`, {
        headers: { 'x-csrf-token': await csrfOf(page) },
        multipart: { kind, number: `${kind}-01`, file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf } },
      });
      assert.equal(uploaded.status(), 201, await uploaded.text());
    }

    await page.goto(`${system.baseUrl}/dossiers`);
    await page.getByTestId('dossier-create').click();
    await page.getByTestId('create-product').click();
    await page.locator('.ant-select-item-option').filter({ hasText: PRODUCT }).click();
    await page.getByTestId('create-round').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đợt bổ sung thử nghiệm 2027' }).click();
    await snap(page, 'dossier-02-create-phone');
    await page.getByTestId('create-dossier-ok').click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]+$/);
    dossierId = /\/dossiers\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';

    await page.getByTestId('checklist').waitFor();
    assert.equal(await page.getByTestId('checklist-giay-dang-ky-kinh-doanh').getAttribute('data-present'), 'true');
    assert.equal(await page.getByTestId('checklist-giay-chung-nhan-du-dieu-kien').getAttribute('data-present'), 'true');
    await page
      .getByTestId('dossier-self-assessment')
      .filter({ hasText: /Tổng điểm tự đánh giá: \d+/ })
      .waitFor();
    await expectNoHorizontalScroll(page);
    await snap(page, 'dossier-03-draft-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await snap(page, 'dossier-03-draft-desktop');

    const submit = page.getByTestId('step-button-submit');
    assert.equal(await submit.isDisabled(), false, (await page.getByTestId('dossier-actions').textContent()) ?? '');
    await submit.click();
    await confirmDialog(page, 'Nộp hồ sơ');
    await page.getByTestId('dossier-state').filter({ hasText: 'Đã nộp xã' }).waitFor();
    await page.close();
  });

  it('lets the commune officer see the clock, write Mẫu 03 and propose the dossier', async () => {
    const admin = await browser.newPage();
    await logIn(admin, ADMIN);
    const users = await (await admin.request.get(`${system.baseUrl}/api/users?q=${encodeURIComponent(COMMUNE_OFFICER)}`)).json();
    const officer = users.items.find((user: { email: string }) => user.email === COMMUNE_OFFICER);
    const roles = [
      ...officer.roles.map((grant: Record<string, unknown>) => ({
        role: grant.role,
        provinceCode: grant.provinceCode,
        communeCode: grant.communeCode,
      })),
      { role: 'commune_officer', provinceCode: '14', communeCode: TA_XUA },
    ];
    const granted = await admin.request.put(`${system.baseUrl}/api/users/${officer.id}/roles`, {
      headers: { 'x-csrf-token': await csrfOf(admin) },
      data: { roles },
    });
    assert.equal(granted.status(), 200, await granted.text());
    await admin.close();

    for (const [width, height, suffix] of SIZES) {
      const page = await browser.newPage({ viewport: { width, height } });
      await logIn(page, COMMUNE_OFFICER);
      await page.goto(`${system.baseUrl}/dossiers`);
      await page.getByTestId('commune-clock').first().waitFor();
      assert.match((await page.getByTestId('commune-clock').first().textContent()) ?? '', /Còn \d+ ngày làm việc/);
      await expectNoHorizontalScroll(page);
      await snap(page, `dossier-04-commune-queue-${suffix}`);
      await page.close();
    }

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, COMMUNE_OFFICER);
    await page.goto(`${system.baseUrl}/dossiers/${dossierId}`);
    await page.getByTestId('clock-panel').waitFor();
    assert.equal(await page.getByTestId('step-button-propose').isDisabled(), true);
    for (const field of ['rawMaterialOrigin', 'localLabour', 'ideaOrigin', 'localIdentity', 'conclusion'])
      await page.getByTestId(`report-${field}`).fill(`Nội dung thẩm định: ${field}`);
    await page.getByTestId('commune-report-save').click();
    await page.waitForFunction(
      () => !(document.querySelector('[data-testid="step-button-propose"]') as HTMLButtonElement | null)?.disabled,
    );
    await expectNoHorizontalScroll(page);
    await snap(page, 'dossier-05-commune-report-phone');
    await page.getByTestId('step-button-propose').click();
    await confirmDialog(page, 'Đề xuất lên tỉnh');
    await page.getByTestId('dossier-state').filter({ hasText: 'Xã đã đề xuất' }).waitFor();
    await page.close();
  });

  it('lets the OCOP office find the dossier on its board and receive it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, OFFICE);
    await page.goto(`${system.baseUrl}/dossiers`);
    await page.getByTestId('count-proposed').waitFor();
    assert.match((await page.getByTestId('count-proposed').textContent()) ?? '', /Xã đã đề xuất \(1\)/);
    await snap(page, 'dossier-06-board-desktop');
    await page.getByTestId('count-proposed').click();
    await page.getByTestId('dossier-link').first().click();
    await page.getByTestId('step-button-receive').click();
    await confirmDialog(page, 'Tiếp nhận hồ sơ');
    await page.getByTestId('dossier-state').filter({ hasText: 'Tỉnh đã tiếp nhận' }).waitFor();
    await page.getByTestId('samples').waitFor();
    assert.equal(await page.getByTestId('step-button-send_to_council').isDisabled(), true);
    await snap(page, 'dossier-07-received-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalScroll(page);
    await snap(page, 'dossier-07-received-phone');
    await page.goto(`${system.baseUrl}/dossiers`);
    await page.getByTestId('state-counts').waitFor();
    await expectNoHorizontalScroll(page);
    await snap(page, 'dossier-08-board-phone');
    await page.close();
  });
});
