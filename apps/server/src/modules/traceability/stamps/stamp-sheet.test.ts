import type { StampOrderView, StampView } from '@ocop/contracts/stamps';
import { layoutStampLabels, STAMP_LAYOUT_PRESETS } from '@ocop/domain/traceability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrModulesOf, qrVersionFor } from '../../../platform/pdf/qr';
import { pdfPageCount, pdfPageSize, pdfQrTextsIn, pdfText, writePdfPagePng } from '../../../test-support/pdf-probe';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';

describe('stamp print sheets', () => {
  let t: TestApp;
  let member: Client;
  let order: StampOrderView;
  let items: StampView[];
  let gtin13: string;

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as({ role: 'province_officer' });
    const producerId = (await givenProducer(officer)).id;
    gtin13 = aGtin13();
    const product = await givenProduct(t, officer, producerId, { gtins: [gtin13] });
    member = await t.as({ role: 'producer_member', producerId });
    const lot = await member.post('/api/traceability/lots', {
      productId: product.id,
      lotCode: 'XUAN-26',
      producedOn: '2026-02-20',
      quantity: 1,
      unit: 'kg',
    });
    const created = await member.post('/api/traceability/stamp-orders', { productId: product.id, lotId: lot.json().id, quantity: 70 });
    await t.settleJobs();
    order = (await member.get(`/api/traceability/stamp-orders/${created.json().id}`)).json();
    items = (await member.get(`/api/traceability/stamp-orders/${order.id}/stamps?pageSize=100`)).json().items;
  });
  afterAll(async () => t.close());

  const sheet = (query: string) => member.get(`/api/traceability/stamp-orders/${order.id}/sheet.pdf?${query}`);

  it('prints 65 labels on an A4 page whose QR codes read back, each to its own stamp’s Digital Link', async () => {
    const response = await sheet('layout=a4-65&from=1&to=70');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfPageSize(pdf)).toBe('595.276 x 841.89');
    writePdfPagePng(pdf, 1, '/tmp/ocop-stamp-sheet-a4-65.png');

    const laid = layoutStampLabels(STAMP_LAYOUT_PRESETS['a4-65'], qrModulesOf(qrVersionFor(items[0]?.url ?? '')));
    if (!laid.ok) throw new Error(laid.problem);
    const { labels, code } = laid.geometry;
    // Each label's code cropped on its own (a little margin around it), as a phone sees one stamp.
    const boxes = labels.map((at) => ({ x: at.x + code.x - 1, y: at.y + code.y - 1, width: code.width + 2, height: code.height + 2 }));
    const read = await pdfQrTextsIn(pdf, 1, boxes);
    expect(read).toEqual(items.slice(0, 65).map((item) => item.url));
    expect(read[0]).toBe(`http://localhost/01/0${gtin13}/10/XUAN-26/21/${items[0]?.serial.replace(/-/g, '').slice(0, 20)}`);
    const secondPage = await pdfQrTextsIn(pdf, 2, boxes.slice(0, 5));
    expect(secondPage).toEqual(items.slice(65, 70).map((item) => item.url));

    // The serial is printed beside each code, with its check character.
    const text = pdfText(pdf, 1).replace(/\s/g, '');
    for (const item of items.slice(0, 65)) expect(text).toContain(item.serial);
  });

  it('prints a roll: one label a page of the roll’s size, and a range of the order', async () => {
    const response = await sheet('layout=roll-40x25&from=3&to=5');
    const pdf = response.rawPayload;
    expect(pdfPageCount(pdf)).toBe(3);
    expect(pdfPageSize(pdf)).toMatch(/^113\.38\d* x 70\.86\d*$/); // 40 × 25 mm
    const laid = layoutStampLabels(STAMP_LAYOUT_PRESETS['roll-40x25'], qrModulesOf(qrVersionFor(items[0]?.url ?? '')));
    if (!laid.ok) throw new Error(laid.problem);
    const { code } = laid.geometry;
    const box = { x: code.x - 0.5, y: code.y - 0.5, width: code.width + 1, height: code.height + 1 };
    for (const page of [1, 2, 3]) expect(await pdfQrTextsIn(pdf, page, [box])).toEqual([items[page + 1]?.url]);
  });

  it('prints a custom layout checked by its schema', async () => {
    const custom =
      'layout=custom&kind=sheet&rows=4&columns=3&labelWidthMm=60&labelHeightMm=40&marginTopMm=20&marginLeftMm=10&gapXMm=5&gapYMm=5';
    const response = await sheet(`${custom}&from=1&to=12`);
    expect(response.statusCode).toBe(200);
    expect(pdfPageCount(response.rawPayload)).toBe(1);
    expect((await sheet('layout=custom&kind=sheet&rows=many&columns=3&labelWidthMm=60&labelHeightMm=40')).statusCode).toBe(400);
    expect((await sheet('layout=custom&kind=hexagon')).statusCode).toBe(400);
    expect((await sheet('layout=a4-65&rows=3')).statusCode).toBe(400);
    expect((await sheet('layout=a3-poster')).statusCode).toBe(400);
  });

  it('refuses 60 stamps of 8 mm on A4 with the reason, in Vietnamese and English', async () => {
    const tiny =
      'layout=custom&kind=sheet&rows=10&columns=6&labelWidthMm=8&labelHeightMm=8&marginTopMm=10&marginLeftMm=10&gapXMm=5&gapYMm=5';
    const response = await sheet(tiny);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'stamp_layout.module_too_small', details: { minimumMm: 0.396, field: 'layout' } });
    expect(response.json().title).toContain('nhỏ hơn mức tối thiểu 0.396 mm');
    const english = await member.get(`/api/traceability/stamp-orders/${order.id}/sheet.pdf?${tiny}`, { 'accept-language': 'en' });
    expect(english.json().title).toContain('under the 0.396 mm minimum GS1 sets');
  });

  it.each([
    ['a quiet zone of 2 modules', 'quietZoneModules=2', 'stamp_layout.quiet_zone_too_thin'],
    ['labels wider than the page', 'columns=4', 'stamp_layout.does_not_fit'],
  ])('refuses %s (422)', async (_name, change, code) => {
    const base = new URLSearchParams('layout=custom&kind=sheet&rows=4&columns=3&labelWidthMm=60&labelHeightMm=40');
    for (const [key, value] of new URLSearchParams(change)) base.set(key, value);
    const response = await sheet(base.toString());
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code });
  });

  it('refuses more than 10,000 stamps in one PDF, telling to split', async () => {
    const big = await member.post('/api/traceability/stamp-orders', { productId: order.productId, quantity: 10_001 });
    await t.settleJobs();
    const response = await member.get(`/api/traceability/stamp-orders/${big.json().id}/sheet.pdf?layout=a4-65`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'stamp_sheet.too_many', details: { count: 10_001, max: 10_000 } });
    expect(response.json().title).toContain('hãy chia');
    const range = await member.get(`/api/traceability/stamp-orders/${big.json().id}/sheet.pdf?layout=a4-65&from=9000&to=10001`);
    expect(range.statusCode).toBe(200);
    expect(pdfPageCount(range.rawPayload)).toBe(Math.ceil(1_002 / 65));
  });
});
