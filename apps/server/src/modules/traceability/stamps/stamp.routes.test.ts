import type { StampListBody, StampOrderView, StampView } from '@ocop/contracts/stamps';
import { formatStampSerial, stampCheckSymbol } from '@ocop/domain/traceability';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { stampOrders, stamps } from './stamp.tables';

describe('stamp orders, activation and voiding', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client;
  let producerId: string;
  let product: { id: string; code: string };
  let gtinProduct: { id: string; code: string };
  let gtin13: string;
  let lotId: string;
  let otherLotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Jobs run when a test settles them, so each test sees the order before and after issuing.
    await t.jobs.stop();
    officer = await t.as({ role: 'province_officer' });
    producerId = (await givenProducer(officer)).id;
    product = await givenProduct(t, officer, producerId);
    gtin13 = aGtin13();
    gtinProduct = await givenProduct(t, officer, producerId, { gtins: [gtin13] });
    member = await t.as({ role: 'producer_member', producerId });
    const lot = (productId: string, lotCode: string) =>
      member.post('/api/traceability/lots', { productId, lotCode, producedOn: '2026-02-20', quantity: 100, unit: 'kg' });
    lotId = (await lot(gtinProduct.id, 'XUAN/26')).json().id;
    otherLotId = (await lot(gtinProduct.id, 'HE-26')).json().id;
  });
  afterAll(async () => t.close());

  async function issuedOrder(body: Record<string, unknown>, client: Client = member): Promise<StampOrderView> {
    const created = await client.post('/api/traceability/stamp-orders', body);
    expect(created.statusCode).toBe(202);
    await t.settleJobs();
    return (await client.get(`/api/traceability/stamp-orders/${created.json().id}`)).json() as StampOrderView;
  }
  const stampsOf = async (orderId: string, client: Client = member) =>
    ((await client.get(`/api/traceability/stamp-orders/${orderId}/stamps?pageSize=500`)).json() as { items: StampView[] }).items;
  const storedOrder = async (id: string) => (await t.database.db.select().from(stampOrders).where(eq(stampOrders.id, id)))[0];
  const storedStamps = (orderId: string) =>
    t.database.db.select().from(stamps).where(eq(stamps.orderId, orderId)).orderBy(asc(stamps.sequence));

  it('issues an order through a job: 202 issuing, then every stamp with a unique serial and its Digital Link', async () => {
    const created = await member.post('/api/traceability/stamp-orders', { productId: gtinProduct.id, lotId, quantity: 25 });
    expect(created.statusCode).toBe(202);
    expect(created.json()).toMatchObject({ state: 'issuing', issuedCount: 0, quantity: 25, lotCode: 'XUAN/26', gtin14: `0${gtin13}` });
    expect(await stampsOf(created.json().id)).toEqual([]);
    await t.settleJobs();
    const order = (await member.get(`/api/traceability/stamp-orders/${created.json().id}`)).json() as StampOrderView;
    expect(order).toMatchObject({ state: 'issued', issuedCount: 25, activatedCount: 0, voidCount: 0 });
    expect(order.issuedAt).not.toBeNull();

    const items = await stampsOf(order.id);
    expect(items.map((item) => item.sequence)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(items.map((item) => item.serial)).size).toBe(25);
    for (const item of items) {
      expect(item.serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-Z*~$=]$/);
      const stored = item.serial.replace(/-/g, '').slice(0, 20);
      expect(item).toMatchObject({ state: 'issued', lotId, url: `http://localhost/01/0${gtin13}/10/XUAN%2F26/21/${stored}` });
    }
    const job = await t.jobs.get(order.id);
    expect(job).toMatchObject({ status: 'completed', progress: { issued: 25, quantity: 25 } });

    const list = (await member.get(`/api/traceability/stamp-orders?productId=${gtinProduct.id}`)).json();
    expect(list.items.map((item: StampOrderView) => item.id)).toContain(order.id);
  });

  it('lists the orders of one lot (the lot page’s "Tem của lô")', async () => {
    const ofLot = await issuedOrder({ productId: gtinProduct.id, lotId: otherLotId, quantity: 1 });
    await issuedOrder({ productId: gtinProduct.id, quantity: 1 });
    const list = (await member.get(`/api/traceability/stamp-orders?lotId=${otherLotId}`)).json() as {
      items: StampOrderView[];
      total: number;
    };
    expect(list.items.map((item) => item.id)).toEqual([ofLot.id]);
    expect(list.total).toBe(1);
    expect((await member.get('/api/traceability/stamp-orders?lotId=not-a-uuid')).statusCode).toBe(400);
  });

  it('links a stamp of a product without a GTIN to /s/{serial}', async () => {
    const order = await issuedOrder({ productId: product.id, quantity: 2 });
    const [first] = await stampsOf(order.id);
    expect(first?.url).toBe(`http://localhost/s/${first?.serial.replace(/-/g, '').slice(0, 20)}`);
    expect(order).toMatchObject({ gtin14: null, lotId: null });
  });

  it.each([0, 10_000_001, -5])('refuses an order of %i stamps with 422, and stores nothing', async (quantity) => {
    const before = (await t.database.db.select().from(stampOrders)).length;
    const response = await member.post('/api/traceability/stamp-orders', { productId: product.id, quantity });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'stamp_order.quantity_invalid',
      details: { field: 'quantity', min: 1, max: 10_000_000 },
    });
    expect(response.json().title).toContain('10000000');
    expect((await t.database.db.select().from(stampOrders)).length).toBe(before);
  });

  it('refuses a lot of another product', async () => {
    const response = await member.post('/api/traceability/stamp-orders', { productId: product.id, lotId, quantity: 5 });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'stamp_order.lot_not_of_product' });
  });

  it('activates a range, attaching the lot; voids; never brings a void stamp back; keeps the counts', async () => {
    const order = await issuedOrder({ productId: gtinProduct.id, quantity: 20 });
    const activate = (body: Record<string, unknown>) => member.post(`/api/traceability/stamp-orders/${order.id}/activation`, body);

    const first = await activate({ from: 1, to: 10, lotId: otherLotId });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ changed: 10, unchanged: 0 });
    expect((await activate({ from: 1, to: 10 })).json()).toEqual({ changed: 0, unchanged: 10 });
    const clash = await activate({ from: 5, to: 12, lotId });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'stamp.other_lot', details: { count: 6 } });

    const voided = await member.post(`/api/traceability/stamp-orders/${order.id}/voiding`, { from: 9, to: 12 });
    expect(voided.json()).toEqual({ changed: 4, unchanged: 0 });
    expect(await storedOrder(order.id)).toMatchObject({ activatedCount: 8, voidCount: 4 });

    const back = await activate({ from: 11, to: 14 });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'stamp.void_cannot_activate', details: { count: 2 } });
    expect(back.json().title).toContain('đã bị hủy');
    const states = (await storedStamps(order.id)).map((stamp) => stamp.state);
    expect(states.slice(12, 14)).toEqual(['issued', 'issued']); // nothing of the refused call was written
    expect(states.filter((state) => state === 'activated')).toHaveLength(8);

    const entries = (
      await (await t.as({ role: 'province_admin' })).get(`/api/audit-entries?entityType=stamp_order&entityId=${order.id}`)
    ).json().items as { action: string }[];
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'stamp_order.created',
      'stamps.activated',
      'stamps.activated',
      'stamps.voided',
    ]);
  });

  it.each([[{ from: 0, to: 3 }], [{ from: 5, to: 4 }], [{ from: 1, to: 21 }]])(
    'refuses the range %j of a 20-stamp order with 422',
    async (range) => {
      const order = await issuedOrder({ productId: product.id, quantity: 20 });
      const response = await member.post(`/api/traceability/stamp-orders/${order.id}/activation`, range);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'stamp.range_invalid', details: { quantity: 20 } });
    },
  );

  it('activates and voids a list of serials as typed or scanned: any case, spaces, O for 0', async () => {
    const order = await issuedOrder({ productId: gtinProduct.id, quantity: 6 });
    const items = await stampsOf(order.id);
    const typed = items.slice(0, 3).map((item) => ` ${item.serial.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')} `);
    const response = await member.post('/api/traceability/stamps/activation', {
      serials: [...typed, items[0]?.serial ?? ''],
      lotId,
    } satisfies StampListBody);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ changed: 3, unchanged: 1 });
    expect((await storedStamps(order.id)).map((stamp) => [stamp.state, stamp.lotId])).toEqual([
      ...Array.from({ length: 3 }, () => ['activated', lotId]),
      ...Array.from({ length: 3 }, () => ['issued', null]),
    ]);
    const voided = await member.post('/api/traceability/stamps/voiding', { serials: [items[5]?.serial, items[0]?.serial] });
    expect(voided.json()).toEqual({ changed: 2, unchanged: 0 });
    expect(await storedOrder(order.id)).toMatchObject({ activatedCount: 2, voidCount: 2 });
  });

  it('refuses a list with a wrong check character, an unknown serial, or more than 10,000, changing nothing', async () => {
    const order = await issuedOrder({ productId: product.id, quantity: 3 });
    const items = await stampsOf(order.id);
    const good = items[0]?.serial ?? '';
    const stored = good.replace(/-/g, '').slice(0, 20);
    const wrongCheck = `${stored}${stampCheckSymbol(stored) === '0' ? '1' : '0'}`;

    const typo = await member.post('/api/traceability/stamps/activation', { serials: [good, wrongCheck] });
    expect(typo.statusCode).toBe(422);
    expect(typo.json()).toMatchObject({ code: 'stamp.serial_invalid', details: { position: 2, problem: 'wrong_check', field: 'serials' } });

    const madeUp = formatStampSerial('ZZZZZZZZZZZZZZZZZZZZ');
    const unknown = await member.post('/api/traceability/stamps/activation', { serials: [good, madeUp] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'stamp.not_found', details: { count: 1, serials: madeUp } });

    const many = await member.post('/api/traceability/stamps/activation', { serials: Array.from({ length: 10_001 }, () => good) });
    expect(many.statusCode).toBe(422);
    expect(many.json()).toMatchObject({ code: 'stamp.too_many', details: { count: 10_001, max: 10_000 } });
    expect((await storedStamps(order.id)).every((stamp) => stamp.state === 'issued')).toBe(true);

    // Exactly 10,000 (one serial, repeated) is taken.
    const most = await member.post('/api/traceability/stamps/activation', { serials: Array.from({ length: 10_000 }, () => good) });
    expect(most.json()).toEqual({ changed: 1, unchanged: 9_999 });
  });

  it('refuses another producer’s member (404) and a Hà Nội officer (404), changing nothing; a commune officer may not (403)', async () => {
    const order = await issuedOrder({ productId: gtinProduct.id, quantity: 4 });
    const items = await stampsOf(order.id);
    const stranger = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
    const hanoi = await t.as({ role: 'province_officer', provinceCode: HANOI });
    const commune = await t.as({ role: 'commune_officer', communeCode: '03868' });

    for (const other of [stranger, hanoi]) {
      const range = await other.post(`/api/traceability/stamp-orders/${order.id}/activation`, { from: 1, to: 4 });
      expect(range.statusCode).toBe(404);
      expect(range.json()).toMatchObject({ code: 'stamp_order.not_found' });
      const list = await other.post('/api/traceability/stamps/activation', { serials: items.map((item) => item.serial) });
      expect(list.statusCode).toBe(404);
      expect(list.json()).toMatchObject({ code: 'stamp.not_found', details: { count: 4 } });
      expect((await other.post('/api/traceability/stamps/voiding', { serials: [items[0]?.serial] })).statusCode).toBe(404);
      expect((await other.get(`/api/traceability/stamp-orders/${order.id}`)).statusCode).toBe(404);
      expect((await other.post('/api/traceability/stamp-orders', { productId: gtinProduct.id, quantity: 1 })).statusCode).toBe(404);
      expect(((await other.get('/api/traceability/stamp-orders')).json() as { total: number }).total).toBe(0);
    }
    expect((await commune.post(`/api/traceability/stamp-orders/${order.id}/activation`, { from: 1, to: 4 })).statusCode).toBe(403);
    expect((await storedStamps(order.id)).every((stamp) => stamp.state === 'issued')).toBe(true);
    expect(await storedOrder(order.id)).toMatchObject({ activatedCount: 0, voidCount: 0 });

    // The province's officer may act for the producer.
    expect((await officer.post(`/api/traceability/stamp-orders/${order.id}/activation`, { from: 1, to: 4 })).json()).toEqual({
      changed: 4,
      unchanged: 0,
    });
  });
  it('finds one stamp of an order by its serial as scanned (any case, spaces): its sequence makes a range', async () => {
    const order = await issuedOrder({ productId: gtinProduct.id, quantity: 5 });
    const other = await issuedOrder({ productId: gtinProduct.id, quantity: 1 });
    const items = await stampsOf(order.id);
    const fourth = items[3];
    if (!fourth) throw new Error('no fourth stamp');
    const typed = ` ${fourth.serial.toLowerCase().replace(/-/g, ' ')} `;
    const found = await member.get(`/api/traceability/stamp-orders/${order.id}/stamps/${encodeURIComponent(typed)}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual(fourth);

    // A stamp of another order is not one of this order's.
    const elsewhere = (await stampsOf(other.id))[0]?.serial ?? '';
    const notHere = await member.get(`/api/traceability/stamp-orders/${order.id}/stamps/${elsewhere}`);
    expect(notHere.statusCode).toBe(404);
    expect(notHere.json()).toMatchObject({ code: 'stamp.not_found', details: { count: 1, serials: elsewhere } });

    const stored = fourth.serial.replace(/-/g, '').slice(0, 20);
    const wrongCheck = `${stored}${stampCheckSymbol(stored) === '0' ? '1' : '0'}`;
    const typo = await member.get(`/api/traceability/stamp-orders/${order.id}/stamps/${wrongCheck}`);
    expect(typo.statusCode).toBe(422);
    expect(typo.json()).toMatchObject({ code: 'stamp.serial_invalid', details: { problem: 'wrong_check', field: 'serial' } });
    // The bound of what a scanner may send: 64 characters.
    expect((await member.get(`/api/traceability/stamp-orders/${order.id}/stamps/${'A'.repeat(65)}`)).statusCode).toBe(400);

    const stranger = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
    const foreign = await stranger.get(`/api/traceability/stamp-orders/${order.id}/stamps/${fourth.serial}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'stamp_order.not_found' });
  });

  it('keeps a voiding’s reason in the audit log, refusing a reason over 500 characters or blank', async () => {
    const order = await issuedOrder({ productId: product.id, quantity: 4 });
    const items = await stampsOf(order.id);
    const range = await member.post(`/api/traceability/stamp-orders/${order.id}/voiding`, { from: 1, to: 2, reason: ' Cuộn tem bị ướt ' });
    expect(range.json()).toEqual({ changed: 2, unchanged: 0 });
    const list = await member.post('/api/traceability/stamps/voiding', { serials: [items[2]?.serial], reason: 'x'.repeat(500) });
    expect(list.json()).toEqual({ changed: 1, unchanged: 0 });
    for (const reason of ['x'.repeat(501), '   ']) {
      const refused = await member.post(`/api/traceability/stamp-orders/${order.id}/voiding`, { from: 4, to: 4, reason });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'request.invalid' });
    }
    expect((await storedStamps(order.id)).map((stamp) => stamp.state)).toEqual(['void', 'void', 'void', 'issued']);

    const entries = (
      await (await t.as({ role: 'province_admin' })).get(`/api/audit-entries?entityType=stamp_order&entityId=${order.id}`)
    ).json().items as { action: string; after: { reason?: string } }[];
    expect(
      entries
        .filter((entry) => entry.action === 'stamps.voided')
        .map((entry) => entry.after.reason)
        .sort(),
    ).toEqual(['Cuộn tem bị ướt', 'x'.repeat(500)]);
  });
});
