import type { StampView } from '@ocop/contracts/stamps';
import type { FakeReportPage, ScanAnalyticsView } from '@ocop/contracts/stamp-scans';
import { formatStampSerial, stampCheckSymbol } from '@ocop/domain/traceability';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { aPng, multipart } from '../../../test-support/file-fixtures';
import { givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { stampFakeReports, stampScanCounters, stampScans } from './scan.tables';

const ZALO = 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 Chrome/108.0 Mobile Safari/537.36 Zalo android/12100';

describe('the public scan page /s/:serial', () => {
  let t: TestApp;
  let member: Client;
  let otherMember: Client;
  let officer: Client;
  let producer: { id: string; name: string };
  let product: { id: string; nameVi: string };
  let lotId: string;
  /** Stored serials (20 characters) of one order of 10 for the lot: 1–6 activated, 7 void, 8–10 issued. */
  let serials: string[];

  const scan = (path: string, headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
    t.app.inject({ method: 'GET', url: path, headers: { 'user-agent': ZALO, ...headers }, remoteAddress });
  const report = (path: string, form: Record<string, string>, remoteAddress = '10.0.0.2') =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
      remoteAddress,
    });
  const scansOf = async (serial: string | null) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          serial === null
            ? sql`select count(*)::int as n from stamp_scans where serial is null`
            : sql`select count(*)::int as n from stamp_scans where serial = ${serial}`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await startTestApp({
      settings: {
        scanPlaceHeader: 'cf-ipcountry',
        scanAddressSalt: 'a-test-salt-of-sixteen-or-more',
        scanRateLimits: {
          scan: { capacity: 20, refillPerSecond: 0.001 },
          report: { capacity: 3, refillPerSecond: 0.0001 },
          maxKeys: 1_000,
        },
      },
    });
    officer = await t.as({ role: 'province_officer' });
    producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa <b>' });
    product = await givenProduct(t, officer, producer.id, { nameVi: 'Chè Shan tuyết <script>alert(1)</script>' });
    member = await t.as({ role: 'producer_member', producerId: producer.id });
    otherMember = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
    await givenLegacyCertificate(t, { expiresOn: '2027-06-30', producerId: producer.id, productId: product.id });
    lotId = (
      await member.post('/api/traceability/lots', {
        productId: product.id,
        lotCode: 'TX-2026-01',
        producedOn: '2026-02-20',
        expiresOn: '2027-02-20',
        quantity: 100,
        unit: 'kg',
      })
    ).json().id;
    const order = await member.post('/api/traceability/stamp-orders', { productId: product.id, lotId, quantity: 10 });
    expect(order.statusCode).toBe(202);
    await t.settleJobs();
    const items = (await member.get(`/api/traceability/stamp-orders/${order.json().id}/stamps?pageSize=50`)).json().items as StampView[];
    serials = items.map((item) => item.serial.replace(/-/g, '').slice(0, 20));
    expect((await member.post(`/api/traceability/stamp-orders/${order.json().id}/activation`, { from: 1, to: 7 })).statusCode).toBe(200);
    expect((await member.post(`/api/traceability/stamp-orders/${order.json().id}/voiding`, { from: 7, to: 7 })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('answers an activated stamp "Chính hãng" first, then the product, producer, OCOP stars, lot, journey and the scan count; recorded before the reply', async () => {
    const serial = serials[0] as string;
    const response = await scan(`/s/${serial}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body;
    expect(body.indexOf('Chính hãng')).toBeGreaterThan(-1);
    expect(body.indexOf('Chính hãng')).toBeLessThan(body.indexOf('<h1'));
    expect(body).toContain('Chè Shan tuyết &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script');
    expect(body).toContain('HTX Chè Tà Xùa &lt;b&gt;');
    expect(body).toContain('★★★★');
    expect(body).toContain('Giấy chứng nhận còn hiệu lực');
    expect(body).toContain('30/06/2027');
    expect(body).toContain('Lô sản xuất TX-2026-01');
    expect(body).toContain('20/02/2026');
    expect(body).toContain('20/02/2027');
    expect(body).toContain('Hành trình sản phẩm');
    expect(body).toContain('Tem này đã được quét 1 lần, lần đầu lúc 09:00 02/03/2026.');
    expect(body).toContain('Báo tem giả');
    expect(body).toContain('href="?lang=en"');
    // Durable before the reply: the row is there as soon as the answer is.
    const [row] = await t.database.db.select().from(stampScans).where(eq(stampScans.serial, serial));
    expect(row).toMatchObject({
      known: true,
      stampState: 'activated',
      productId: product.id,
      lotId,
      agentClass: 'zalo',
      limited: false,
      place: null,
    });
    expect(row?.addressHash).toMatch(/^[0-9a-f]{32}$/);
    expect(row?.addressHash).not.toContain('10.0.0.1');
    const [counter] = await t.database.db.select().from(stampScanCounters).where(eq(stampScanCounters.serial, serial));
    expect(counter).toMatchObject({ scanCount: 1, suspiciousReason: null });

    const again = await scan(`/s/${serial}?lang=en`, {}, '10.0.0.9');
    expect(again.body).toContain('Genuine');
    expect(again.body).toContain('This stamp has been scanned 2 times');
    expect(again.body).toContain('href="?lang=vi"');
  });

  it('keeps room on the counters’ pages (fillfactor 70), so a scan can update its counter in place (HOT)', async () => {
    const [table] = await queryRows<{ reloptions: string[] | null }>(
      t.database.db,
      sql`select reloptions from pg_class where relname = 'stamp_scan_counters'`,
    );
    expect(table?.reloptions).toContain('fillfactor=70');
  });

  it('stays under 14 KB compressed, with no script', async () => {
    const response = await scan(`/s/${serials[1]}`);
    const gzipped = gzipSync(response.body).length;
    expect(gzipped).toBeLessThanOrEqual(14 * 1024);
    expect(response.body).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('reads the printed form: with the check character, hyphens or spaces, in lower case', async () => {
    const serial = serials[2] as string;
    const printed = `${serial.slice(0, 5)}-${serial.slice(5, 10)}-${serial.slice(10, 15)}-${serial.slice(15)}-${stampCheckSymbol(serial)}`;
    for (const text of [printed, printed.toLowerCase(), printed.replace(/-/g, ' '), serial.toLowerCase()]) {
      const response = await scan(`/s/${encodeURIComponent(text)}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Chính hãng');
    }
    expect(await scansOf(serial)).toBe(4);
  });

  it('gives every stamp of a lot the same page but for its serial and its count (the page is encoded once per lot, verdict and language)', async () => {
    const [one, two] = [serials[1] as string, serials[2] as string];
    const scanLine = /<p style="margin-top:1\.5rem"><small>([^<]*)<\/small><br>([^<]*)<\/p>/;
    for (const language of ['', '?lang=en']) {
      const [first, second] = [await scan(`/s/${one}${language}`, {}, '10.0.0.41'), await scan(`/s/${two}${language}`, {}, '10.0.0.41')];
      expect(first.body.match(scanLine)?.[1]).toBe(formatStampSerial(one));
      expect(second.body.match(scanLine)?.[1]).toBe(formatStampSerial(two));
      expect(first.body.match(scanLine)?.[2]).toMatch(
        language ? /^This stamp has been scanned \d+ times?, first at / : /^Tem này đã được quét \d+ lần/,
      );
      expect(first.body.replace(scanLine, '')).toBe(second.body.replace(scanLine, ''));
      expect(Number(first.headers['content-length'])).toBe(Buffer.byteLength(first.body));
    }
  });

  it('says "Tem chưa kích hoạt" for an issued stamp and "Tem đã hủy" for a void one', async () => {
    const issued = await scan(`/s/${serials[8]}`);
    expect(issued.statusCode).toBe(200);
    expect(issued.body).toContain('Tem chưa kích hoạt');
    expect(issued.body).not.toContain('Chính hãng');
    const voided = await scan(`/s/${serials[6]}`);
    expect(voided.body).toContain('Tem đã hủy');
  });

  it('gives a made-up serial, a bad check character, a bad shape and a too-long text the same 404 page, each looked up and recorded', async () => {
    const real = serials[0] as string;
    const wrongCheck = `${real}${stampCheckSymbol(real) === '0' ? '1' : '0'}`;
    const madeUp = 'ZZZZZZZZZZZZZZZZZZZZ';
    const before = await scansOf(null);
    const bodies: string[] = [];
    for (const text of [madeUp, wrongCheck, 'hello', 'U'.repeat(20), 'A'.repeat(300), '%3Cscript%3E', '%F0%9F%98%80']) {
      const response = await scan(`/s/${text}`);
      expect(response.statusCode, text).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      bodies.push(response.body);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('Không tìm thấy tem');
    expect(bodies[0]).toContain('Báo tem giả');
    expect(bodies[0]).not.toContain(real);
    // The made-up serial has a serial's shape: recorded under it; the others under no serial.
    expect(await scansOf(madeUp)).toBe(1);
    expect(await scansOf(null)).toBe(before + 6);
  });

  it('records the trusted place header when configured, and marks two scans in different countries within hours suspicious', async () => {
    const serial = serials[3] as string;
    expect((await scan(`/s/${serial}`, { 'cf-ipcountry': 'VN' }, '10.1.0.1')).body).toContain('Chính hãng');
    const response = await scan(`/s/${serial}`, { 'cf-ipcountry': 'KH' }, '10.1.0.2');
    expect(response.body).toContain('Tem đáng ngờ');
    expect(response.body).toContain('kiểm tra người bán');
    const rows = await t.database.db.select({ place: stampScans.place }).from(stampScans).where(eq(stampScans.serial, serial));
    expect(rows.map((row) => row.place).sort()).toEqual(['KH', 'VN']);
    const [counter] = await t.database.db.select().from(stampScanCounters).where(eq(stampScanCounters.serial, serial));
    expect(counter).toMatchObject({ suspiciousReason: 'far_apart' });
    expect(counter?.suspiciousAt).not.toBeNull();
    // A garbage header value stores nothing.
    await scan(`/s/${serials[4]}`, { 'cf-ipcountry': '<b>' }, '10.1.0.3');
    const [garbage] = await t.database.db
      .select({ place: stampScans.place })
      .from(stampScans)
      .where(eq(stampScans.serial, serials[4] as string));
    expect(garbage?.place).toBeNull();
  });

  it('1,000 fast scans of one serial from one address: rate-limited with a small 429 page, every one counted, the serial marked suspicious', async () => {
    const serial = serials[5] as string;
    const statuses: number[] = [];
    for (let i = 0; i < 1_000; i += 100) {
      const batch = await Promise.all(Array.from({ length: 100 }, () => scan(`/s/${serial}`, {}, '10.9.9.9')));
      statuses.push(...batch.map((response) => response.statusCode));
      const limited = batch.find((response) => response.statusCode === 429) as LightMyRequestResponse | undefined;
      if (limited) {
        expect(limited.body).toContain('Bạn quét quá nhanh');
        expect(limited.body.length).toBeLessThan(2_000);
        expect(limited.headers['retry-after']).toBe('60');
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(980);
    expect(statuses.some((status) => status >= 500)).toBe(false);
    expect(await scansOf(serial)).toBe(1_000);
    const limitedRows = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(stampScans)
      .where(and(eq(stampScans.serial, serial), eq(stampScans.limited, true)));
    expect(Number(limitedRows[0]?.n)).toBe(980);
    const [counter] = await t.database.db.select().from(stampScanCounters).where(eq(stampScanCounters.serial, serial));
    expect(counter).toMatchObject({ scanCount: 1_000, suspiciousReason: 'too_many_scans' });
    // Another phone now reads the warning.
    const other = await scan(`/s/${serial}`, {}, '10.9.9.10');
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Tem đáng ngờ');
    // Scans were written in batches, not one INSERT each.
    expect(t.modules.traceability.scans.recorder.stats.flushes).toBeLessThan(t.modules.traceability.scans.recorder.stats.rows);
  });

  it('answers 503 with a retry page when the scan cannot be recorded, and records again once the database is back', async () => {
    const serial = serials[1] as string;
    const before = await scansOf(serial);
    await t.database.db.execute(sql`alter table stamp_scans rename to stamp_scans_away`);
    try {
      const response = await scan(`/s/${serial}`, {}, '10.5.5.5');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.body).toContain('Tạm thời không kiểm tra được');
      expect(response.body).not.toContain('Chính hãng');
    } finally {
      await t.database.db.execute(sql`alter table stamp_scans_away rename to stamp_scans`);
    }
    expect((await scan(`/s/${serial}`, {}, '10.5.5.5')).statusCode).toBe(200);
    expect(await scansOf(serial)).toBe(before + 1);
  });

  it('writes scans into the month partition of their time', async () => {
    const partitions = await queryRows<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'stamp_scans'::regclass`,
    );
    expect(partitions.map((row) => row.name)).toContain('stamp_scans_y2026m03');
    const [inMarch] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from stamp_scans_y2026m03`);
    expect(Number(inMarch?.n)).toBeGreaterThan(0);
    // A scan in a month never seen before gets its partition on the way.
    t.clock.advance(40 * 86_400_000);
    expect((await scan(`/s/${serials[0]}`, {}, '10.7.7.7')).statusCode).toBe(200);
    const [inApril] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from stamp_scans_y2026m04`);
    expect(Number(inApril?.n)).toBe(1);
    t.clock.advance(-40 * 86_400_000);
  });

  it('takes a fake report through a plain form, stores it for the producer and tells its members', async () => {
    const serial = serials[0] as string;
    const response = await report(`/s/${serial}`, { message: 'Tem bị bóc ra dán lại <b>', contact: '0912 345 678', website: '' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Cảm ơn bạn đã báo');
    const [row] = await t.database.db.select().from(stampFakeReports).where(eq(stampFakeReports.serial, serial));
    expect(row).toMatchObject({
      known: true,
      producerId: product.id ? producer.id : '',
      productId: product.id,
      message: 'Tem bị bóc ra dán lại <b>',
      contact: '0912 345 678',
    });
    await t.settleJobs();
    const inbox = (await member.get('/api/notifications')).json() as { items: { kind: string; body: string }[] };
    expect(inbox.items.some((item) => item.kind === 'stamp.fake_reported')).toBe(true);

    const list = (await member.get('/api/traceability/fake-reports')).json() as FakeReportPage;
    expect(list.items[0]).toMatchObject({
      productName: product.nameVi,
      lotCode: 'TX-2026-01',
      contact: '0912 345 678',
      agentClass: 'other',
    });
    expect(list.items[0]?.serial).toMatch(/^[0-9A-Z]{5}-/);
    expect(((await otherMember.get('/api/traceability/fake-reports')).json() as FakeReportPage).total).toBe(0);
  });

  it('refuses an empty or too long report with the form again (422), and thanks a robot filling the hidden field without storing it', async () => {
    const serial = serials[1] as string;
    const count = async () => (await t.database.db.select().from(stampFakeReports).where(eq(stampFakeReports.serial, serial))).length;
    const empty = await report(`/s/${serial}`, { message: '   ' }, '10.3.0.1');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Hãy nhập nội dung báo cáo.');
    const long = await report(`/s/${serial}`, { message: 'x'.repeat(1_001) }, '10.3.0.2');
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('dài quá 1.000 ký tự');
    const contact = await report(`/s/${serial}`, { message: 'giả', contact: 'c'.repeat(201) }, '10.3.0.3');
    expect(contact.statusCode).toBe(422);
    const robot = await report(`/s/${serial}`, { message: 'buy pills', website: 'http://spam.example' }, '10.3.0.4');
    expect(robot.statusCode).toBe(200);
    expect(await count()).toBe(0);
    const exact = await report(`/s/${serial}`, { message: 'x'.repeat(1_000), contact: 'c'.repeat(200) }, '10.3.0.5');
    expect(exact.statusCode).toBe(200);
    expect(await count()).toBe(1);
  });

  it('limits reports per address: past the bucket, a 429 page and nothing stored', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await report(`/s/${serials[2]}`, { message: `lần ${i}` }, '10.4.0.1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('accepts a report on an unknown serial; the province staff see it, producers do not', async () => {
    const response = await report('/s/ZZZZZZZZZZZZZZZZZZZY', { message: 'Tem lạ ở chợ' }, '10.6.0.1');
    expect(response.statusCode).toBe(200);
    const list = (await officer.get('/api/traceability/fake-reports?pageSize=100')).json() as FakeReportPage;
    expect(list.items.some((item) => item.serial === 'ZZZZZZZZZZZZZZZZZZZY' && item.productName === '')).toBe(true);
    const own = (await member.get('/api/traceability/fake-reports?pageSize=100')).json() as FakeReportPage;
    expect(own.items.some((item) => item.serial === 'ZZZZZZZZZZZZZZZZZZZY')).toBe(false);
  });

  it('marks a serial scanned from more than 20 addresses within a day suspicious', async () => {
    const serial = serials[4] as string;
    for (let i = 0; i < 21; i++) await scan(`/s/${serial}`, {}, `10.20.0.${i + 1}`);
    const [counter] = await t.database.db.select().from(stampScanCounters).where(eq(stampScanCounters.serial, serial));
    expect(counter?.scanCount).toBeLessThanOrEqual(50);
    expect(counter).toMatchObject({ suspiciousReason: 'too_many_addresses' });
  });

  it('shows the product’s small picture, lazy, from an address cached for a year', async () => {
    const form = multipart({ file: { filename: 'toi.png', bytes: await aPng(400, 300) } });
    const uploaded = await officer.post(`/api/products/${product.id}/images`, form.body, form.headers);
    expect(uploaded.statusCode).toBe(201);
    await t.settleJobs();
    t.modules.traceability.scans.forgetCached(); // the page facts of this product were reused from earlier scans
    const page = await scan(`/s/${serials[0]}`, {}, '10.8.0.1');
    const src = /<img src="([^"]+)"[^>]*loading="lazy"/.exec(page.body)?.[1];
    expect(src).toMatch(new RegExp(`^/s/img/${product.id}/[0-9a-f-]{36}$`));
    const image = await t.app.inject({ method: 'GET', url: src as string });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\//);
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.rawPayload.length).toBeLessThan(100_000);
    // Another product's id with this file, or this product with another file: nothing.
    const otherProduct = await givenProduct(t, officer, producer.id);
    const fileId = (src as string).split('/').pop();
    expect((await t.app.inject({ method: 'GET', url: `/s/img/${otherProduct.id}/${fileId}` })).statusCode).toBe(404);
  });

  it('serves no file through the image route unless it is the product’s primary picture', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/s/img/${product.id}/${product.id}` });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/s/img/x/y' })).statusCode).toBe(404);
  });
});

describe('scan analytics and fake reports API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('counts the reader’s scans by day, product, lot, commune and app; a producer sees only its own; a period past 366 days is refused', async () => {
    const registrar = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(registrar);
    const product = await givenProduct(t, registrar, producer.id);
    const owner = await t.as({ role: 'producer_member', producerId: producer.id });
    const otherProducerId = (await givenProducer(registrar)).id;
    const lotId = (
      await owner.post('/api/traceability/lots', {
        productId: product.id,
        lotCode: 'A1',
        producedOn: '2026-02-20',
        quantity: 5,
        unit: 'kg',
      })
    ).json().id;
    const order = await owner.post('/api/traceability/stamp-orders', { productId: product.id, lotId, quantity: 3 });
    await t.settleJobs();
    await owner.post(`/api/traceability/stamp-orders/${order.json().id}/activation`, { from: 1, to: 3 });
    const items = (await owner.get(`/api/traceability/stamp-orders/${order.json().id}/stamps`)).json().items as StampView[];
    const [a, b] = items.map((item) => item.serial.replace(/-/g, '').slice(0, 20));
    await t.app.inject({ method: 'GET', url: `/s/${a}`, headers: { 'user-agent': ZALO } });
    await t.app.inject({
      method: 'GET',
      url: `/s/${a}`,
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' },
    });
    t.clock.advance(86_400_000);
    await t.app.inject({ method: 'GET', url: `/s/${b}`, headers: { 'user-agent': ZALO } });
    await t.app.inject({ method: 'GET', url: '/s/ZZZZZZZZZZZZZZZZZZZZ' });
    // Sessions expire after 30 idle minutes: sign in again a day later.
    const member = await t.as({ role: 'producer_member', producerId: producer.id });
    const other = await t.as({ role: 'producer_member', producerId: otherProducerId });
    const officer = await t.as({ role: 'province_officer' });

    const response = await member.get('/api/traceability/scan-analytics?from=2026-03-01&to=2026-03-07');
    expect(response.statusCode).toBe(200);
    const view = response.json() as ScanAnalyticsView;
    expect(view.totals).toEqual({ scans: 3, stamps: 2, suspicious: 0, reports: 0 });
    expect(view.byDay).toHaveLength(7);
    expect(view.byDay.slice(0, 4)).toEqual([
      { day: '2026-03-01', scans: 0 },
      { day: '2026-03-02', scans: 2 },
      { day: '2026-03-03', scans: 1 },
      { day: '2026-03-04', scans: 0 },
    ]);
    expect(view.byProduct).toEqual([{ productId: product.id, productName: product.nameVi, scans: 3 }]);
    expect(view.byLot).toEqual([{ lotId, lotCode: 'A1', productName: product.nameVi, scans: 3 }]);
    expect(view.byCommune).toEqual([{ communeCode: producer.communeCode, communeName: expect.any(String), scans: 3 }]);
    expect(view.byCommune[0]?.communeName).not.toBe(producer.communeCode);
    expect(view.byAgent).toEqual([
      { agentClass: 'zalo', scans: 2 },
      { agentClass: 'ios', scans: 1 },
    ]);
    const filtered = (
      await officer.get(`/api/traceability/scan-analytics?from=2026-03-01&to=2026-03-07&lotId=${lotId}`)
    ).json() as ScanAnalyticsView;
    expect(filtered.totals.scans).toBe(3);

    const theirs = (await other.get('/api/traceability/scan-analytics?from=2026-03-01&to=2026-03-07')).json() as ScanAnalyticsView;
    expect(theirs.totals).toEqual({ scans: 0, stamps: 0, suspicious: 0, reports: 0 });
    expect(theirs.byProduct).toEqual([]);

    const defaults = (await member.get('/api/traceability/scan-analytics')).json() as ScanAnalyticsView;
    expect(defaults.byDay).toHaveLength(30);
    expect(defaults.to).toBe('2026-03-03');

    const long = await member.get('/api/traceability/scan-analytics?from=2025-01-01&to=2026-03-01');
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ code: 'scan_analytics.period_invalid', details: { maxDays: 366 } });
    const backwards = await member.get('/api/traceability/scan-analytics?from=2026-03-05&to=2026-03-01');
    expect(backwards.statusCode).toBe(422);
    expect((await member.get('/api/traceability/scan-analytics?from=2025-03-02&to=2026-03-02')).statusCode).toBe(200);
    expect((await member.get('/api/traceability/scan-analytics?from=yesterday')).statusCode).toBe(400);
    expect((await member.get('/api/traceability/fake-reports?pageSize=101')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/traceability/scan-analytics')).statusCode).toBe(401);
    const seller = await t.as({ role: 'council_member' });
    expect((await seller.get('/api/traceability/scan-analytics')).statusCode).toBe(403);
  });
});
