import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { gs1SchemaErrors } from '../apps/server/src/modules/traceability/epcis/epcis-schema';
import { ARTIFACTS, expectNoHorizontalScroll, launchBrowser, logIn, startSystem, type System } from './harness';

// The demo member of the tea company of Tà Xùa and its green tea.
const TEA_MEMBER = 'chetaxua@ocop.demo';
const TEA_PRODUCT = '(Demo) Chè Shan tuyết Tà Xùa';
/** The demo's lot of fresh leaves (120 kg, seeded with the farm and the workshop of the company). */
const RAW_LOT = 'BUP-TX-01';
const TEA_LOT = 'CHE-TX-E2E';
const CARTONS = 5;
/** Where the screenshots go, for people to look at: the ignored artifacts folder, or E2E_SHOTS_DIR. */
const SHOTS = process.env.E2E_SHOTS_DIR ?? ARTIFACTS;

type EpcisEvent = { type: string; eventID: string; bizStep?: string; [key: string]: unknown };
type QueryDocument = {
  '@context': unknown;
  type: string;
  schemaVersion: string;
  epcisBody: { queryResults: { queryName?: string; resultsBody: { eventList: EpcisEvent[] } } };
};

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `traceability-${name}.png`), fullPage: true });
}

/** Picks an option of an antd select by its label: opens it, types to filter, clicks the option. */
async function choose(page: Page, label: string, optionText: string, typed?: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (typed) await select.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

// Issue 13, "Done when": the demo tea producer records harvest → processing → packing for a lot on
// a phone-sized screen; GET /epcis/events?MATCH_epcClass=… returns those events as valid EPCIS 2.0;
// the lot's journey lists the three steps in order.
describe('traceability: a tea lot’s steps recorded on a phone', () => {
  let system: System;
  let browser: Browser;
  let phone: Page;
  const lots: Record<string, { id: string; classUri: string }> = {};

  const url = (path: string) => `${system.baseUrl}${path}`;
  const getJson = async <T>(path: string): Promise<T> => {
    const response = await phone.request.get(url(path));
    assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  /** Adds a site through the sites screen's dialog. */
  async function addSite(name: string, kindLabel: string): Promise<void> {
    await phone.getByTestId('site-new').click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('Tên địa điểm').fill(name);
    await choose(phone, 'Loại', kindLabel);
    await choose(phone, 'Xã, phường', 'Xã Tà Xùa', 'Tà Xùa');
    await dialog.getByLabel('Địa chỉ').fill('Bản Tà Xùa');
    await expectNoHorizontalScroll(phone);
    await shot(phone, '01-site-dialog');
    await phone.getByTestId('site-save').click();
    await phone.getByTestId('site-row').filter({ hasText: name }).waitFor();
  }

  /** Opens a lot from the list by tapping its row, and keeps its id and EPC class. */
  async function openLot(lotCode: string): Promise<void> {
    await phone.goto(url('/lots'));
    await phone.getByTestId('lot-row').filter({ hasText: lotCode }).click();
    await phone.waitForURL(/\/lots\/[0-9a-f-]{36}$/);
    await phone.getByRole('heading', { name: `Lô ${lotCode}` }).waitFor();
    const id = phone.url().split('/').at(-1) ?? '';
    const view = await getJson<{ id: string; classUri: string }>(`/api/traceability/lots/${id}`);
    lots[lotCode] = { id, classUri: view.classUri };
  }

  /** Records a lot of the green tea through the lot form and returns to its page. */
  async function createLot(lotCode: string, quantity: string, withBestBefore: boolean): Promise<void> {
    await phone.goto(url('/lots'));
    await phone.getByTestId('lot-new').click();
    await phone.getByTestId('lot-form').waitFor();
    await choose(phone, 'Sản phẩm', TEA_PRODUCT);
    await phone.getByLabel('Mã lô').fill(lotCode);
    await phone.getByLabel('Số lượng').fill(quantity);
    await choose(phone, 'Xã, phường của vùng trồng', 'Xã Tà Xùa', 'Tà Xùa');
    if (withBestBefore) {
      await phone.getByText('Sử dụng tốt nhất trước', { exact: true }).click();
      // A year ahead, the last day of that month's view: after today whatever today is. A click in the calendar
      // while it still opens can be lost on a busy machine: the choice is made again until the field holds a date.
      const field = phone.locator('#endDate');
      for (let attempt = 1; (await field.inputValue()) === ''; attempt++) {
        assert.ok(attempt <= 3, 'the best-before date did not take');
        await field.click();
        const calendar = phone.locator('.ant-picker-dropdown:visible');
        await calendar.waitFor();
        await calendar.locator('.ant-picker-header-super-next-btn').click();
        await calendar.locator('.ant-picker-cell-in-view').last().click();
        await phone.waitForTimeout(300);
      }
    } else {
      await phone.getByText('Không ghi hạn', { exact: true }).click();
    }
    await expectNoHorizontalScroll(phone);
    await shot(phone, `03-lot-form-${lotCode}`);
    await phone.getByTestId('lot-save').click();
    await phone.waitForURL(/\/lots\/[0-9a-f-]{36}$/);
    await phone.getByRole('heading', { name: `Lô ${lotCode}` }).waitFor();
    const id = phone.url().split('/').at(-1) ?? '';
    const view = await getJson<{ id: string; classUri: string }>(`/api/traceability/lots/${id}`);
    lots[lotCode] = { id, classUri: view.classUri };
  }

  /** Opens a step's form from the lot page, lets `fill` fill it, records it, and waits for the lot page again. */
  async function recordStep(lotCode: string, kind: string, fill: () => Promise<void>): Promise<void> {
    const lot = lots[lotCode];
    assert.ok(lot, lotCode);
    await phone.goto(url(`/lots/${lot.id}`));
    await phone.getByTestId(`step-open-${kind}`).click();
    await phone.getByTestId(`step-form-${kind}`).waitFor();
    await fill();
    await expectNoHorizontalScroll(phone);
    await shot(phone, `04-step-${kind}`);
    await phone.getByTestId('step-submit').click();
    // Back on the lot's page once the server has stored the step's events.
    await phone.waitForURL(url(`/lots/${lot.id}`));
    await phone.getByTestId('step-buttons').waitFor();
  }

  /** The events a query answers, as an EPCIS 2.0 query document checked against GS1's schema. */
  async function queryEvents(parameter: string, classUris: string[]): Promise<EpcisEvent[]> {
    // A list parameter takes its values separated by "|" (the REST binding's SimpleEventQuery).
    const path = `/epcis/events?${parameter}=${encodeURIComponent(classUris.join('|'))}`;
    const response = await phone.request.get(url(path));
    assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
    const document = (await response.json()) as QueryDocument;
    assert.equal(document.type, 'EPCISQueryDocument');
    assert.equal(document.schemaVersion, '2.0');
    assert.deepEqual(gs1SchemaErrors(document), [], `${path}: valid against GS1’s EPCIS 2.0 schema`);
    return document.epcisBody.queryResults.resultsBody.eventList;
  }

  before(async () => {
    system = await startSystem();
    browser = await launchBrowser();
    // A phone in Vietnam: its clock, and so the steps' default times, in Vietnam time.
    phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      timezoneId: 'Asia/Ho_Chi_Minh',
      locale: 'vi-VN',
    });
    await logIn(phone, system, TEA_MEMBER);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('the producer’s sites: the demo’s tea hill and workshop, and a shop added from the phone', async () => {
    await phone.goto(url('/traceability/sites'));
    await phone.getByRole('heading', { name: 'Địa điểm của chủ thể' }).waitFor();
    const rows = phone.getByTestId('site-row');
    await rows.filter({ hasText: 'Vùng trồng, trang trại' }).waitFor();
    await rows.filter({ hasText: 'Cơ sở chế biến' }).waitFor();
    await addSite('Cửa hàng chè Bắc Yên', 'Cửa hàng');
    await expectNoHorizontalScroll(phone);
    await shot(phone, '01-sites');
  });

  it('records the harvest of the demo’s fresh leaves, then a lot of tea made from them', async () => {
    await openLot(RAW_LOT);
    await expectNoHorizontalScroll(phone);
    await shot(phone, '02-raw-lot');
    await recordStep(RAW_LOT, 'harvest', async () => {
      // The harvest happens at the farm: the form picks it.
      await phone.getByTestId('step-form-harvest').getByText('Vùng trồng, trang trại').waitFor();
    });
    await createLot(TEA_LOT, '25', true);
    await phone.goto(url('/lots'));
    await phone.getByTestId('lot-row').filter({ hasText: TEA_LOT }).waitFor();
    await expectNoHorizontalScroll(phone);
    await shot(phone, '02-lot-list');
  });

  it('records the processing of the leaves into the tea lot, then its packing into cartons', async () => {
    await recordStep(TEA_LOT, 'processing', async () => {
      await phone.getByTestId('step-form-processing').getByText('Cơ sở chế biến').waitFor();
      await choose(phone, 'Lô nguyên liệu 1', RAW_LOT);
      await phone.getByLabel('Lượng dùng của lô 1').fill('100');
    });
    await recordStep(TEA_LOT, 'packing', async () => {
      await phone.getByLabel('Số thùng').fill(String(CARTONS));
      await phone.getByLabel('Mỗi thùng (kg)').fill('5');
      await phone.getByText(`${CARTONS} thùng, tổng 25 kg (lô có 25 kg).`).waitFor();
    });
  });

  it('GET /epcis/events?MATCH_epcClass=… answers those events as a valid EPCIS 2.0 query document', async () => {
    const raw = lots[RAW_LOT];
    const tea = lots[TEA_LOT];
    assert.ok(raw && tea);
    const classes = [raw.classUri, tea.classUri];
    const kinds = (events: EpcisEvent[]) => events.map((event) => `${event.type} ${event.bizStep}`).sort();
    const cartons = Array.from({ length: CARTONS }, () => 'AggregationEvent packing');
    // MATCH_epcClass reads quantity and child quantity lists: the leaves commissioned at the
    // harvest, the tea in each of its cartons. (Compared as sets: the cartons share one time.)
    assert.deepEqual(kinds(await queryEvents('MATCH_epcClass', classes)), [...cartons, 'ObjectEvent commissioning']);
    // MATCH_anyEPCClass reads a transformation's inputs and outputs too: the processing joins them.
    const all = await queryEvents('MATCH_anyEPCClass', classes);
    assert.deepEqual(kinds(all), [...cartons, 'ObjectEvent commissioning', 'TransformationEvent creating_class_instance']);
    // …from the leaves into the tea (the index matches a class in any of its spellings).
    const processing = all.find((event) => event.type === 'TransformationEvent')?.eventID;
    const ids = (events: EpcisEvent[]) => events.map((event) => event.eventID);
    assert.deepEqual(ids(await queryEvents('MATCH_inputEPCClass', [raw.classUri])), [processing]);
    assert.deepEqual(ids(await queryEvents('MATCH_outputEPCClass', [tea.classUri])), [processing]);
  });

  it('the lot’s journey lists harvest, processing and packing in that order', async () => {
    const tea = lots[TEA_LOT];
    assert.ok(tea);
    await phone.goto(url(`/lots/${tea.id}`));
    const steps = phone.getByTestId('journey-step');
    await steps.first().waitFor();
    assert.deepEqual(await steps.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.kind)), [
      'harvest',
      'processing',
      'packing',
    ]);
    const texts = await steps.allTextContents();
    assert.match(texts[0] ?? '', /^Thu hoạch/);
    assert.match(texts[0] ?? '', new RegExp(`Lô ${RAW_LOT}`));
    assert.match(texts[1] ?? '', new RegExp(`Từ lô: ${RAW_LOT}`));
    assert.match(texts[2] ?? '', new RegExp(`× ${CARTONS}`));
    await expectNoHorizontalScroll(phone);
    await shot(phone, '05-lot-journey');
    // The same page on an office screen: the journey beside the lot's fields.
    await phone.setViewportSize({ width: 1366, height: 900 });
    await expectNoHorizontalScroll(phone);
    await shot(phone, '06-lot-journey-1366');
  });
});
