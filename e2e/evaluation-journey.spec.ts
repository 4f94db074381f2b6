import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { choose, leaves, type SheetContent } from './sheet-answers';
import { ARTIFACTS, confirmDialog, DEMO_PASSWORD, launchBrowser, logIn as logInAs, snap, startSystem, type System } from './harness';

const ADMIN = 'quantri.sonla@ocop.demo';
const OFFICE = 'vanphong.sonla@ocop.demo';
// Two demo producers, two products of theirs the other journeys leave alone.
const COFFEE = { producer: 'hoptacxa.bichthao@ocop.demo', product: '(Demo) Cà phê bột nguyên chất Bích Thao', commune: '03670' };
const WHITE_TEA = { producer: 'chetaxua@ocop.demo', product: '(Demo) Bạch trà mây Tà Xùa', commune: '03868' };
// The demo commune officer serves Phường Chiềng An; the journey adds an officer of Chiềng Cơi and Tà Xùa.
const COMMUNE_OFFICER = 'xa.chiengcoi.taxua@ocop.e2e';
const MEMBERS = [
  ['Lò Văn Chủ Tịch', 'chutich.hoidong@ocop.e2e', 'chair', 'agriculture_environment'],
  ['Cầm Thị Công Thương', 'congthuong.hoidong@ocop.e2e', 'member', 'industry_trade'],
  ['Quàng Văn Y Tế', 'yte.hoidong@ocop.e2e', 'member', 'health'],
  ['Hà Thị Khoa Học', 'khoahoc.hoidong@ocop.e2e', 'member', 'science_technology'],
] as const;
const PASSWORD = 'mat-khau-hoi-dong-2027';
const ROUND = 'Đợt đánh giá hành trình 2027';
const CONFLICT_REASON = 'Người thân làm việc tại hợp tác xã Bích Thao';

/** Today in Vietnam as dd/mm/yyyy (what the date pickers take) and yyyy-mm-dd. */
function today(): { typed: string; iso: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const [year, month, day] = iso.split('-');
  return { typed: `${day}/${month}/${year}`, iso };
}

// Issue 11, "Done when": the whole chain of QĐ 26/2026 Art. 7 in the browser. The coffee goes from
// the producer to a 4★ recognition by the province; the white tea scores 92 and goes to the ministry,
// whose recorded result makes it 5★. The minutes and the decision are read back from their PDFs.
describe('evaluation journey', () => {
  let system: System;
  let browser: Browser;
  let roundId = '';
  let councilId = '';
  const dossiers = { coffee: '', tea: '' };
  const dir = mkdtempSync(join(tmpdir(), 'ocop-e2e-evaluation-'));
  const memberTotals = new Map<string, number[]>();

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  const url = (path: string) => `${system.baseUrl}${path}`;
  const logIn = (page: Page, login: string, password = DEMO_PASSWORD) => logInAs(page, system, login, password);
  const csrfOf = async (page: Page): Promise<string> => (await (await page.request.get(url('/api/auth/me'))).json()).csrfToken;
  async function api<T = Record<string, unknown>>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown, expected = [200, 201]) {
    const response = await page.request.fetch(url(path), { method, headers: { 'x-csrf-token': await csrfOf(page) }, data });
    assert.ok(expected.includes(response.status()), `${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const getJson = async <T = Record<string, unknown>>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(url(path));
    assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  // Pressed again if a press during the dialog's zoom-in was lost (three scorers share the machine).
  const confirm = (page: Page) => confirmDialog(page);
  const state = (page: Page, label: string) => page.getByTestId('dossier-state').filter({ hasText: label }).waitFor();
  async function pickDate(scope: Locator, label: string, typed: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(typed);
    await input.press('Enter');
  }
  // One signed-in page per person for the whole journey: logging in again at every step only costs time.
  const sessions = new Map<string, Page>();
  async function newPage(login: string, width: number, password = DEMO_PASSWORD): Promise<Page> {
    const viewport = { width, height: width < 500 ? 844 : 900 };
    const known = sessions.get(login);
    if (known) {
      await known.setViewportSize(viewport);
      return known;
    }
    const page = await browser.newPage({ viewport });
    await logIn(page, login, password);
    sessions.set(login, page);
    return page;
  }
  async function done(login: string) {
    await sessions.get(login)?.close();
    sessions.delete(login);
  }

  it('sets up what is not the point: users, the round, documents, self-assessments and the council', async () => {
    const admin = await newPage(ADMIN, 1024);
    const created = new Map<string, string>();
    const accounts = [
      [
        'Lường Văn Xã',
        COMMUNE_OFFICER,
        [COFFEE.commune, WHITE_TEA.commune].map((communeCode) => ({ role: 'commune_officer', provinceCode: '14', communeCode })),
      ],
      ...MEMBERS.map(([fullName, email]) => [fullName, email, [{ role: 'council_member', provinceCode: '14' }]] as const),
    ] as const;
    for (const [fullName, email, roles] of accounts) {
      const user = await api<{ id: string }>(admin, 'POST', '/api/users', {
        fullName,
        email,
        password: 'mat-khau-ban-dau-1',
        provinceCode: '14',
        roles,
      });
      created.set(email, user.id);
      // Their first login's forced password change (the foundation journey drives that page).
      const context = await browser.newContext();
      const login = await context.request.post(url('/api/auth/login'), { data: { login: email, password: 'mat-khau-ban-dau-1' } });
      assert.equal(login.status(), 200, await login.text());
      const changed = await context.request.post(url('/api/auth/password'), {
        headers: { 'x-csrf-token': (await login.json()).csrfToken },
        data: { currentPassword: 'mat-khau-ban-dau-1', newPassword: PASSWORD },
      });
      assert.equal(changed.status(), 200, await changed.text());
      await context.close();
    }

    const office = await newPage(OFFICE, 1024);
    const round = await api<{ id: string }>(office, 'POST', '/api/evaluation/rounds', {
      provinceCode: '14',
      level: 'province',
      name: ROUND,
      year: 2027,
      proposalsBy: '2027-03-31',
      resultsBy: '2027-05-31',
    });
    roundId = round.id;

    for (const { producer, product } of [COFFEE, WHITE_TEA]) {
      const page = await newPage(producer, 390);
      const me = await getJson<{ user: { roles: { producerId: string | null }[] } }>(page, '/api/auth/me');
      const producerId = me.user.roles.find((grant) => grant.producerId)?.producerId as string;
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      for (const kind of ['business_licence', 'food_safety_certificate']) {
        const uploaded = await page.request.post(url(`/api/producers/${producerId}/documents`), {
          headers: { 'x-csrf-token': await csrfOf(page) },
          multipart: {
            kind,
            number: `${kind}-01`,
            validTo: '2029-12-31',
            file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf },
          },
        });
        assert.equal(uploaded.status(), 201, await uploaded.text());
      }
      const products = await getJson<{ items: { id: string; nameVi: string }[] }>(
        page,
        `/api/products?producerId=${producerId}&pageSize=100`,
      );
      const productId = products.items.find((item) => item.nameVi === product)?.id;
      assert.ok(productId, `${product} among ${products.items.map((item) => item.nameVi).join(', ')}`);
      // The producer's self-assessment, every criterion at its best option.
      const view = await getJson<{ version: { id: string }; revision: number; content: SheetContent }>(
        page,
        `/api/products/${productId}/self-assessment`,
      );
      const answers = Object.fromEntries(
        leaves(view.content).map((criterion) => [criterion.code, [...criterion.options].sort((a, b) => b.points - a.points)[0]?.id ?? '']),
      );
      await api(page, 'PUT', `/api/products/${productId}/self-assessment`, {
        criteriaVersionId: view.version.id,
        ...(view.revision > 0 ? { revision: view.revision } : {}),
        answers,
      });
    }

    const council = await api<{ id: string }>(office, 'POST', '/api/evaluation/councils', {
      roundId,
      name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2027',
      establishedBy: 'Quyết định số 1234/QĐ-UBND ngày 05/01/2027',
      quorum: 3,
    });
    councilId = council.id;
    for (const [, email, position, department] of MEMBERS)
      await api(office, 'POST', `/api/evaluation/councils/${councilId}/members`, { userId: created.get(email), position, department });
  });

  it('lets the two producers open their dossiers and submit them, at phone width', async () => {
    for (const [key, { producer, product }] of [
      ['coffee', COFFEE],
      ['tea', WHITE_TEA],
    ] as const) {
      const page = await newPage(producer, 390);
      await page.goto(url('/dossiers'));
      await page.getByTestId('dossier-create').click();
      await page.getByTestId('create-product').click();
      await page.locator('.ant-select-item-option').filter({ hasText: product }).click();
      await page.getByTestId('create-round').click();
      await page.locator('.ant-select-item-option').filter({ hasText: ROUND }).click();
      await page.getByTestId('create-dossier-ok').click();
      await page.waitForURL(/\/dossiers\/[0-9a-f-]+$/);
      dossiers[key] = /\/dossiers\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';
      await page.getByTestId('checklist').waitFor();
      const submit = page.getByTestId('step-button-submit');
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid="step-button-submit"]') as HTMLButtonElement | null)?.disabled,
      );
      if (key === 'coffee') await snap(page, 'evaluation-01-producer-draft-phone');
      await submit.click();
      await confirm(page);
      await state(page, 'Đã nộp xã');
      if (key === 'coffee') await snap(page, 'evaluation-02-producer-submitted-phone');
    }
  });

  it('lets the commune officer write Mẫu 03 and propose both dossiers, at phone width', async () => {
    const page = await newPage(COMMUNE_OFFICER, 390, PASSWORD);
    for (const key of ['coffee', 'tea'] as const) {
      await page.goto(url(`/dossiers/${dossiers[key]}`));
      await page.getByTestId('clock-panel').waitFor();
      for (const field of ['rawMaterialOrigin', 'localLabour', 'ideaOrigin', 'localIdentity', 'conclusion'])
        await page.getByTestId(`report-${field}`).fill(`Xã xác nhận (${field}): nguyên liệu, lao động và bản sắc của địa phương.`);
      await page.getByTestId('commune-report-save').click();
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid="step-button-propose"]') as HTMLButtonElement | null)?.disabled,
      );
      if (key === 'coffee') await snap(page, 'evaluation-03-commune-report-phone');
      await page.getByTestId('step-button-propose').click();
      await confirm(page);
      await state(page, 'Xã đã đề xuất');
    }
  });

  it('lets the OCOP office receive both, tick the samples, assign them to the council and send them to it', async () => {
    const page = await newPage(OFFICE, 1024);
    for (const key of ['coffee', 'tea'] as const) {
      await page.goto(url(`/dossiers/${dossiers[key]}`));
      await page.getByTestId('step-button-receive').click();
      await confirm(page);
      await state(page, 'Tỉnh đã tiếp nhận');
      const samples = page.getByTestId('samples-input');
      await samples.fill('5');
      await samples.blur();
      await page.getByTestId('samples-count').filter({ hasText: 'Đã nhận 5/5 mẫu' }).waitFor();
    }
    await page.goto(url(`/councils/${councilId}`));
    await page.getByTestId('members').getByText(MEMBERS[3][0]).waitFor();
    await page.getByTestId('assign-open').click();
    const rowBox = (key: 'coffee' | 'tea') =>
      page.getByTestId('assign-table').locator(`tr[data-row-key="${dossiers[key]}"] .ant-checkbox-input`);
    await rowBox('tea').waitFor();
    // A click while the dialog still opens (or the round's list refreshes) can be lost: tick again until it holds.
    for (const key of ['coffee', 'tea'] as const) {
      for (let attempt = 1; ; attempt++) {
        try {
          await rowBox(key).check({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    }
    await page.getByTestId('assign-ok').filter({ hasText: 'Giao 2 hồ sơ' }).waitFor();
    await snap(page, 'evaluation-04-assign-1024');
    await page.getByTestId('assign-ok').click();
    await page.getByTestId('council-dossiers').getByText(COFFEE.product).waitFor();
    await page.getByTestId('council-dossiers').getByText(WHITE_TEA.product).waitFor();
    for (const key of ['coffee', 'tea'] as const) {
      await page.goto(url(`/dossiers/${dossiers[key]}`));
      const send = page.getByTestId('step-button-send_to_council');
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid="step-button-send_to_council"]') as HTMLButtonElement | null)?.disabled,
      );
      await send.click();
      await confirm(page);
      await state(page, 'Hội đồng chấm điểm');
    }
  });

  it('lets the fourth member declare a conflict of interest on the coffee', async () => {
    const page = await newPage(MEMBERS[3][1], 1024, PASSWORD);
    await page.goto(url(`/scoring/${dossiers.coffee}`));
    await page.getByTestId('sc-has-conflict').click();
    await page.getByTestId('sc-conflict-reason').fill(CONFLICT_REASON);
    await page.getByTestId('sc-conflict-confirm').click();
    await page.getByTestId('sc-conflicted').waitFor();
    await snap(page, 'evaluation-05-conflict-1024');
    await done(MEMBERS[3][1]);
  });

  it('lets three members score both dossiers on the keyboard: the coffee about 80, the white tea about 92', async () => {
    // Each member lands in their own window, close to the others (no outlier).
    const windows = {
      coffee: [
        [78, 82],
        [80, 84],
        [82, 86],
      ],
      tea: [
        [91, 93],
        [92, 94],
        [91, 94],
      ],
    } as const;
    // They score at the same time, each at their own screen.
    const score = async (seat: number, email: string) => {
      const page = await newPage(email, 1024, PASSWORD);
      const totals: number[] = [];
      for (const key of ['coffee', 'tea'] as const) {
        await page.goto(url(`/scoring/${dossiers[key]}`));
        await page.getByTestId('sc-no-conflict').click();
        await page.getByTestId('sc-summary').waitFor();
        const sheet = await getJson<{ content: SheetContent }>(page, `/api/evaluation/dossiers/${dossiers[key]}/my-sheet`);
        const [low, high] = windows[key][seat] ?? [0, 0];
        const { picks, total } = choose(sheet.content, low, high, key === 'coffee' ? 4 : 5);
        const criteria = leaves(sheet.content);
        assert.ok(
          picks.every((pick) => pick < 9),
          'every choice has a digit key',
        );
        await page.getByTestId(`criterion-${criteria[0]?.code}`).focus();
        // A digit picks the option, Enter goes to the next criterion.
        await page.keyboard.type(picks.map((pick) => `${pick + 1}\n`).join(''));
        await page
          .getByTestId('sc-answered')
          .filter({ hasText: `Đã chấm ${criteria.length}/${criteria.length} tiêu chí` })
          .waitFor();
        // The sheet is long: the screen as the member sees it, with the running total on top.
        if (seat === 0 && key === 'coffee') await page.screenshot({ path: join(ARTIFACTS, 'evaluation-06-scoring-1024.png') });
        await page.getByTestId('sc-submit').click();
        await confirm(page);
        // Sealing waits for the last autosave, then signs the sheet; three members do it at once.
        await page.getByTestId('sc-sealed').waitFor({ timeout: 60_000 });
        const sealed = await getJson<{ status: string; total: number }>(page, `/api/evaluation/dossiers/${dossiers[key]}/my-sheet`);
        assert.equal(sealed.status, 'submitted');
        assert.equal(sealed.total, total, `${email} on ${key}: the keys gave the planned total`);
        totals.push(sealed.total);
      }
      memberTotals.set(email, totals);
      await done(email);
    };
    await Promise.all(MEMBERS.slice(0, 3).map(([, email], seat) => score(seat, email)));
  });

  it('lets the office close the scoring: 4★ for the coffee, 90 or more for the white tea', async () => {
    const page = await newPage(OFFICE, 1024);
    for (const key of ['coffee', 'tea'] as const) {
      await page.goto(url(`/scoring/${dossiers[key]}/results`));
      await page.getByTestId('results-progress').filter({ hasText: /3/ }).waitFor();
      assert.equal(await page.getByTestId('results-table').locator('tbody tr[data-testid^="sheet-row-"]').count(), 3);
      if (key === 'coffee') await page.getByTestId('conflicts').getByText(CONFLICT_REASON, { exact: false }).waitFor();
      await page.getByTestId('close-scoring').click();
      await confirm(page);
      await page.getByText('Đã kết thúc chấm điểm', { exact: true }).waitFor();
      await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
      if (key === 'coffee') await snap(page, 'evaluation-07-results-1024');
    }
    const coffee = await getJson<{ state: string; resultTotal: number; resultStars: number }>(
      page,
      `/api/evaluation/dossiers/${dossiers.coffee}`,
    );
    assert.equal(coffee.state, 'scored');
    assert.equal(coffee.resultStars, 4);
    assert.ok(coffee.resultTotal >= 70 && coffee.resultTotal < 90, String(coffee.resultTotal));
    const tea = await getJson<{ state: string; resultTotal: number }>(page, `/api/evaluation/dossiers/${dossiers.tea}`);
    assert.equal(tea.state, 'scored');
    assert.ok(tea.resultTotal >= 90, String(tea.resultTotal));
  });

  it('records the province’s decision recognising the coffee at 4★', async () => {
    const page = await newPage(OFFICE, 1024);
    await page.goto(url(`/dossiers?round=${roundId}`));
    await page.getByTestId('decision-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-checkbox-wrapper').filter({ hasText: COFFEE.product }).click();
    assert.equal(
      await dialog.locator('.ant-checkbox-wrapper').filter({ hasText: WHITE_TEA.product }).count(),
      0,
      'the tea is the ministry’s',
    );
    await dialog.getByLabel('Số quyết định').fill('15/QĐ-UBND');
    await pickDate(dialog, 'Ngày ký', today().typed);
    await dialog.getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Demo');
    await snap(page, 'evaluation-08-decision-1024');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText('Đã ghi quyết định 15/QĐ-UBND.').waitFor();

    const producer = await newPage(COFFEE.producer, 390);
    await producer.goto(url(`/dossiers/${dossiers.coffee}`));
    await state(producer, 'Đã công nhận');
    assert.match((await producer.getByTestId('result-value').textContent()) ?? '', /điểm — 4★/);
    assert.match((await producer.getByTestId('result').textContent()) ?? '', /Quyết định số 15\/QĐ-UBND/);
    await snap(producer, 'evaluation-09-recognised-phone');
    const view = await getJson<{ state: string; recognisedStars: number }>(producer, `/api/evaluation/dossiers/${dossiers.coffee}`);
    assert.equal(view.state, 'recognised');
    assert.equal(view.recognisedStars, 4);
  });

  it('prints the minutes with the three sheets and the decision listing the coffee', async () => {
    const page = await newPage(OFFICE, 1024);
    const view = await getJson<{ decision: { id: string } }>(page, `/api/evaluation/dossiers/${dossiers.coffee}`);
    const read = async (path: string, name: string) => {
      const response = await page.request.get(url(path));
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, Buffer.from(await response.body()));
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(ARTIFACTS, `evaluation-pdf-${name}`)]);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    };
    const minutes = await read(`/api/evaluation/rounds/${roundId}/minutes.pdf`, 'minutes');
    assert.match(minutes, /BIÊN BẢN/);
    assert.match(minutes, /Cà phê bột nguyên chất Bích Thao/);
    assert.ok(minutes.includes(CONFLICT_REASON), 'the conflict is minuted');
    const coffeeSheetTotals = MEMBERS.slice(0, 3).map(([name, email]) => [name, memberTotals.get(email)?.[0]] as const);
    for (const [name, total] of coffeeSheetTotals) {
      assert.ok(minutes.includes(name), `${name} in the minutes`);
      assert.ok(total !== undefined && minutes.includes(total.toFixed(2).replace('.', ',')), `${name}'s ${total} in the minutes`);
    }
    const decision = await read(`/api/evaluation/decisions/${view.decision.id}/decision.pdf`, 'decision');
    assert.match(decision, /15\/QĐ-UBND/);
    assert.match(decision, /Cà phê bột nguyên chất Bích Thao/);
  });

  it('proposes the white tea to the ministry and records the ministry’s 5★', async () => {
    const page = await newPage(OFFICE, 1024);
    await page.goto(url(`/dossiers?round=${roundId}`));
    await page.getByTestId('decision-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Đề nghị Trung ương (≥ 90 điểm)').click();
    await dialog.locator('.ant-checkbox-wrapper').filter({ hasText: WHITE_TEA.product }).click();
    await dialog.getByLabel('Số quyết định').fill('16/QĐ-UBND');
    await pickDate(dialog, 'Ngày ký', today().typed);
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByText('Đã ghi quyết định 16/QĐ-UBND.').waitFor();

    await page.goto(url(`/dossiers/${dossiers.tea}`));
    await state(page, 'Đã đề nghị Trung ương');
    const form = page.getByTestId('ministry-result');
    // The date first: its Enter also submits the form, which stops at the fields still empty.
    await pickDate(form, 'Ngày quyết định', today().typed);
    await form.getByLabel('Hạng sao').fill('5');
    await form.getByLabel('Điểm').fill('92.5');
    await form.getByLabel('Số quyết định').fill('512/QĐ-BNNMT');
    await snap(page, 'evaluation-10-ministry-form-1024');
    await form.locator('button[type=submit]').click();
    await state(page, 'Trung ương công nhận');
    await form.getByText(/^5★ — quyết định 512\/QĐ-BNNMT/).waitFor();
    await snap(page, 'evaluation-11-ministry-recognised-1024');
    const view = await getJson<{ state: string; recognisedStars: number }>(page, `/api/evaluation/dossiers/${dossiers.tea}`);
    assert.equal(view.state, 'ministry_recognised');
    assert.equal(view.recognisedStars, 5);
  });
});
