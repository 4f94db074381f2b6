import type { LotView } from '@ocop/contracts/traceability';
import { DomainError } from '@ocop/domain/shared';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { epcisDocument } from '../../../test-support/epcis-builders';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';
import { traceabilityCertificatesPort, traceabilityRegistryPort } from '../../../traceability-ports';
import { SYSTEM_CONTEXT } from '../../identity';
import { createPortalExportRepository } from './national-portal.repository';
import { createPortalExportService, type PortalExportLimits } from './national-portal.service';

const URL_BASE = '/api/traceability/exports/national-portal';
const PERIOD = 'from=2026-01-01&to=2026-02-28';
const FILES = ['organisations', 'products', 'lots', 'events'] as const;
const SCHEMA_FOLDER = join(REFERENCE_DATA_FOLDER, 'national-portal');

type Records = { records: Record<string, unknown>[] };
type Archive = Record<(typeof FILES)[number], Records> & {
  manifest: { counts: Record<string, number>; files: { name: string; bytes: number; sha256: string; records: number }[] };
};

function unzip(body: Buffer): { json: Archive; raw: Record<string, Uint8Array> } {
  const raw = unzipSync(new Uint8Array(body));
  const json = Object.fromEntries(
    Object.entries(raw).map(([name, bytes]) => [name.replace(/\.json$/, ''), JSON.parse(new TextDecoder().decode(bytes))]),
  );
  return { json: json as Archive, raw };
}

const validators = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return Object.fromEntries(
    [...FILES, 'manifest'].map((name) => [
      name,
      ajv.compile(JSON.parse(readFileSync(join(SCHEMA_FOLDER, `${name}.schema.json`), 'utf8')) as object),
    ]),
  );
})();

const portalDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('ocop-portal-'));

describe('national traceability portal export', () => {
  let t: TestApp;
  let officer: Client;
  let producerA: { id: string; registrationNumber: string };
  let producerB: { id: string };
  let hanoiProducer: { id: string; registrationNumber: string };
  let plain: { id: string; code: string };
  let withGtin: { id: string; code: string; gtin14: string };
  let hanoiProduct: { id: string; code: string };
  let certificate: { number: string };
  const lot: Record<string, LotView> = {};

  /** Events stored the way every event is: an EPCIS document through the capture interface. */
  async function givenEvents(client: Client, events: Record<string, unknown>[]) {
    const response = await client.post('/epcis/capture', epcisDocument(events));
    if (response.statusCode !== 202) throw new Error(`capture refused: ${response.body}`);
  }

  const objectEvent = (eventTime: string, fields: Record<string, unknown>) => ({
    type: 'ObjectEvent',
    eventID: `urn:uuid:${randomUUID()}`,
    eventTime,
    eventTimeZoneOffset: '+07:00',
    action: 'OBSERVE',
    ...fields,
  });

  beforeAll(async () => {
    t = await startTestApp(); // 2026-03-02 in Vietnam
    officer = await t.as({ role: 'province_officer' });
    producerA = await givenProducer(officer);
    producerB = await givenProducer(officer);
    plain = await givenProduct(t, officer, producerA.id);
    const gtin13 = aGtin13();
    const created = await givenProduct(t, officer, producerA.id, { gtins: [gtin13] });
    withGtin = { ...created, gtin14: `0${gtin13}` };
    certificate = await givenLegacyCertificate(t, { expiresOn: '2027-06-30', producerId: producerA.id, productId: withGtin.id });
    const productB = await givenProduct(t, officer, producerB.id);

    const system = await t.as({ role: 'system_admin' });
    hanoiProducer = await givenProducer(system, { provinceCode: HANOI, communeCode: '00004', legacyCommuneCode: null });
    hanoiProduct = await givenProduct(t, system, hanoiProducer.id);

    const addLot = async (client: Client, name: string, body: Record<string, unknown>) => {
      const response = await client.post('/api/traceability/lots', { quantity: 100, unit: 'kg', ...body });
      if (response.statusCode !== 201) throw new Error(`lot ${name}: ${response.body}`);
      lot[name] = response.json() as LotView;
    };
    await addLot(officer, 'L1', {
      productId: plain.id,
      lotCode: 'XUAN-01',
      producedOn: '2026-02-20',
      expiresOn: '2027-02-20',
      quantity: 120.5,
    });
    await addLot(officer, 'L2', { productId: withGtin.id, lotCode: 'DONG-12', producedOn: '2025-12-01', unit: 'l' });
    await addLot(officer, 'L3', { productId: plain.id, lotCode: 'XUAN-00', producedOn: '2026-01-10', growingAreaCode: 'VN-SLTX-0012' });
    await addLot(officer, 'LB', { productId: productB.id, lotCode: 'B-1', producedOn: '2026-02-01' });
    await addLot(await t.as({ role: 'province_officer', provinceCode: HANOI }), 'LH', {
      productId: hanoiProduct.id,
      lotCode: 'HN-1',
      producedOn: '2026-02-01',
    });

    const l1 = lot.L1?.classUri as string;
    await givenEvents(await t.as({ role: 'producer_member', producerId: producerA.id }), [
      // 00:00 on 1 January in Vietnam: the first instant of the period.
      objectEvent('2025-12-31T17:00:00Z', {
        action: 'ADD',
        bizStep: 'commissioning',
        quantityList: [{ epcClass: l1, quantity: 120.5, uom: 'KGM' }],
      }),
      {
        type: 'TransformationEvent',
        eventID: `urn:uuid:${randomUUID()}`,
        eventTime: '2026-02-21T03:00:00Z',
        eventTimeZoneOffset: '+07:00',
        bizStep: 'packing',
        inputQuantityList: [{ epcClass: lot.L2?.classUri, quantity: 5, uom: 'LTR' }],
        outputQuantityList: [{ epcClass: l1, quantity: 20, uom: 'KGM' }],
      },
      objectEvent('2026-02-25T10:00:00.5Z', {
        bizStep: 'shipping',
        disposition: 'in_transit',
        bizLocation: { id: 'urn:epc:id:sgln:893504950.001.0' },
        quantityList: [{ epcClass: l1, quantity: 20, uom: 'KGM' }],
        destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:893504950.002' }],
      }),
      // 23:59:59 on 28 February in Vietnam: the last second of the period; the next one is outside.
      objectEvent('2026-02-28T16:59:59Z', { bizStep: 'https://ocop.vn/voc/say-kho', quantityList: [{ epcClass: l1, quantity: 1 }] }),
      objectEvent('2026-02-28T17:00:00Z', { bizStep: 'receiving', quantityList: [{ epcClass: l1, quantity: 1 }] }),
      objectEvent('2025-06-01T00:00:00Z', { bizStep: 'receiving', quantityList: [{ epcClass: l1, quantity: 1 }] }),
    ]);
    await givenEvents(await t.as({ role: 'province_officer', provinceCode: HANOI }), [
      objectEvent('2026-02-02T02:00:00Z', { bizStep: 'shipping', quantityList: [{ epcClass: lot.LH?.classUri, quantity: 3 }] }),
    ]);
  });
  afterAll(async () => t.close());

  it('answers a ZIP whose five files follow their JSON Schemas, with counts and checksums in the manifest', async () => {
    const before = new Set(portalDirs());
    const response = await officer.get(`${URL_BASE}?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain('truy-xuat-nguon-goc-14-2026-01-01-2026-02-28.zip');
    const { json, raw } = unzip(response.rawPayload);
    expect(Object.keys(raw).sort()).toEqual(['events.json', 'lots.json', 'manifest.json', 'organisations.json', 'products.json']);
    for (const name of [...FILES, 'manifest'] as const) {
      const validate = validators[name];
      expect(validate?.(json[name]), `${name}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    }
    expect(json.manifest).toMatchObject({
      schemaVersion: '1.0',
      provinceCode: '14',
      producerId: null,
      period: { from: '2026-01-01', to: '2026-02-28', timeZone: 'Asia/Ho_Chi_Minh' },
      generatedAt: '2026-03-02T02:00:00.000Z',
      counts: { organisations: 2, products: 3, lots: 4, events: 4 },
    });
    for (const file of json.manifest.files) {
      const bytes = raw[file.name] as Uint8Array;
      expect(file.bytes).toBe(bytes.length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.records).toBe(json[file.name.replace('.json', '') as (typeof FILES)[number]].records.length);
    }
    // The archive was built in a temporary folder, removed once the answer went out.
    await vi.waitFor(() => expect(portalDirs().filter((name) => !before.has(name))).toEqual([]));
  });

  it('gives the period’s events in time order, in Vietnamese and local time, tied to our lots and products', async () => {
    const { json } = unzip((await officer.get(`${URL_BASE}?${PERIOD}`)).rawPayload);
    const events = json.events.records;
    expect(events.map((event) => [event.eventTime, event.stageVi])).toEqual([
      ['2026-01-01T00:00:00+07:00', 'Gán mã định danh (khởi tạo)'],
      ['2026-02-21T10:00:00+07:00', 'Đóng gói'],
      ['2026-02-25T17:00:00.500+07:00', 'Xuất hàng'],
      ['2026-02-28T23:59:59+07:00', 'Khác'],
    ]);
    expect(events[2]).toMatchObject({
      stage: 'shipping',
      disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
      dispositionVi: 'Đang vận chuyển',
      place: { bizLocation: 'urn:epc:id:sgln:893504950.001.0', gln: '8935049500018' },
      organisationId: producerA.id,
      items: [{ role: 'epc', ocopCode: plain.code, lotCode: 'XUAN-01', productId: plain.id, lotId: lot.L1?.id, quantity: 20, uom: 'KGM' }],
    });
    expect(events[1]?.items).toMatchObject([
      { role: 'input', gtin: withGtin.gtin14, lotCode: 'DONG-12', productId: withGtin.id, lotId: lot.L2?.id, quantity: 5 },
      { role: 'output', ocopCode: plain.code, lotId: lot.L1?.id },
    ]);

    // The lots of the period, then the lot an event names though it was made before the period.
    expect(json.lots.records.map((record) => record.lotCode)).toEqual(['XUAN-00', 'B-1', 'XUAN-01', 'DONG-12']);
    expect(json.lots.records.find((record) => record.lotCode === 'DONG-12')).toMatchObject({
      gtin: withGtin.gtin14,
      traceCode: lot.L2?.classUri,
      unit: 'l',
      unitVi: 'lít',
      unitUom: 'LTR',
      productionDate: '2025-12-01',
    });
    expect(json.lots.records.find((record) => record.lotCode === 'XUAN-01')).toMatchObject({
      quantity: 120.5,
      expiryDate: '2027-02-20',
      ocopCode: plain.code,
      organisationId: producerA.id,
    });
    expect(json.products.records.map((record) => record.productId).sort()).toEqual([plain.id, withGtin.id, lot.LB?.productId].sort());
    expect(json.products.records.find((record) => record.productId === withGtin.id)).toMatchObject({
      gtin: withGtin.gtin14,
      ocopStars: 4,
      ocopCertificate: { number: certificate.number, validUntil: '2027-06-30' },
      productSet: { code: '1.5.1' },
    });
    expect(json.products.records.find((record) => record.productId === plain.id)).toMatchObject({ ocopStars: null, ocopCertificate: null });
    expect(json.organisations.records.find((record) => record.organisationId === producerA.id)).toMatchObject({
      registrationNumber: producerA.registrationNumber,
      organisationTypeVi: 'Hợp tác xã',
      address: { communeCode: '03868', provinceCode: '14', countryCode: 'VN' },
    });
  });

  it('never exports another province’s data, and gives Hà Nội’s staff only Hà Nội’s', async () => {
    const sonLa = (await officer.get(`${URL_BASE}?${PERIOD}`)).rawPayload;
    const text = Object.values(unzipSync(new Uint8Array(sonLa)))
      .map((bytes) => new TextDecoder().decode(bytes))
      .join('\n');
    for (const foreign of [hanoiProducer.id, hanoiProducer.registrationNumber, hanoiProduct.id, hanoiProduct.code, lot.LH?.id as string])
      expect(text).not.toContain(foreign);

    const hanoi = await t.as({ role: 'province_officer', provinceCode: HANOI });
    const { json } = unzip((await hanoi.get(`${URL_BASE}?${PERIOD}`)).rawPayload);
    expect(json.manifest.counts).toEqual({ organisations: 1, products: 1, lots: 1, events: 1 });
    expect(json.lots.records[0]).toMatchObject({ lotId: lot.LH?.id });
    expect(json.events.records[0]?.items).toMatchObject([{ lotId: lot.LH?.id, productId: hanoiProduct.id }]);

    const refused = await hanoi.get(`${URL_BASE}?${PERIOD}&provinceCode=14`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'province.outside_scope' });
  });

  it('narrows to one producer, keeping the lots its events name', async () => {
    const { json } = unzip((await officer.get(`${URL_BASE}?${PERIOD}&producerId=${producerA.id}`)).rawPayload);
    expect(json.manifest).toMatchObject({ producerId: producerA.id, counts: { organisations: 1, products: 2, lots: 3, events: 4 } });
    expect(json.lots.records.map((record) => record.lotCode)).toEqual(['XUAN-00', 'XUAN-01', 'DONG-12']);

    const foreign = await officer.get(`${URL_BASE}?${PERIOD}&producerId=${hanoiProducer.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'producer.not_found' });
  });

  it('gives the same bytes for the same data, and records each export in the audit log', async () => {
    const first = (await officer.get(`${URL_BASE}?${PERIOD}`)).rawPayload;
    const second = (await officer.get(`${URL_BASE}?${PERIOD}`)).rawPayload;
    expect(second.equals(first)).toBe(true);

    const admin = await t.as({ role: 'province_admin' });
    const entries = (await admin.get('/api/audit-entries?entityType=national_portal_export')).json().items as {
      action: string;
      after: unknown;
    }[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]).toMatchObject({ action: 'traceability.portal_exported', after: { counts: { events: 4 } } });
  });

  it('refuses a period beyond a year, or backwards, in Vietnamese first, naming the field', async () => {
    const long = await officer.get(`${URL_BASE}?from=2025-01-01&to=2026-01-02`);
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ code: 'portal_export.period_too_long', details: { field: 'to', days: 367, maxDays: 366 } });
    expect(long.json().title).toBe(
      'Mỗi lần xuất dữ liệu chỉ được tối đa 366 ngày; khoảng đã chọn dài 367 ngày. Hãy chia thành nhiều lần xuất.',
    );
    expect((await officer.get(`${URL_BASE}?from=2025-01-01&to=2025-12-31`)).statusCode).toBe(200);

    const backwards = await officer.get(`${URL_BASE}?from=2026-02-01&to=2026-01-31`);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json()).toMatchObject({ code: 'portal_export.period_invalid', details: { field: 'to' } });
    const english = await officer.get(`${URL_BASE}?from=2026-02-01&to=2026-01-31`, { 'accept-language': 'en' });
    expect(english.json().title).toContain('The export period is not valid');

    expect((await officer.get(`${URL_BASE}?from=2026-02-30&to=2026-03-01`)).statusCode).toBe(400);
    expect((await officer.get(`${URL_BASE}?from=2026-01-01`)).statusCode).toBe(400);
  });

  it('is for province staff only; a system administrator names the province', async () => {
    const commune = await t.as({ role: 'commune_officer', communeCode: '03868' });
    expect((await commune.get(`${URL_BASE}?${PERIOD}`)).statusCode).toBe(403);
    const member = await t.as({ role: 'producer_member', producerId: producerA.id });
    expect((await member.get(`${URL_BASE}?${PERIOD}`)).statusCode).toBe(403);

    const system = await t.as({ role: 'system_admin' });
    const unnamed = await system.get(`${URL_BASE}?${PERIOD}`);
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json()).toMatchObject({ code: 'portal_export.province_required', details: { field: 'provinceCode' } });
    const named = await system.get(`${URL_BASE}?${PERIOD}&provinceCode=14`);
    expect(unzip(named.rawPayload).json.manifest.counts).toMatchObject({ events: 4, lots: 4 });
  });

  describe('bounds on the rows of one export', () => {
    let tempDir: string;
    beforeAll(() => {
      tempDir = mkdtempSync(join(tmpdir(), 'ocop-portal-test-'));
    });
    afterAll(() => rmSync(tempDir, { recursive: true, force: true }));
    const serviceWith = (limits: PortalExportLimits) =>
      createPortalExportService({
        transactions: t.transactions,
        clock: t.clock,
        audit: t.modules.identity.audit,
        registry: traceabilityRegistryPort(t.modules.registry),
        certificates: traceabilityCertificatesPort(t.modules.certification),
        repository: createPortalExportRepository({ transactions: t.transactions }),
        limits,
        tempDir,
      });
    const grants = [{ role: 'province_officer' as const, provinceCode: '14', communeCode: null, producerId: null, salesPointId: null }];
    const query = { from: '2026-01-01', to: '2026-02-28' };

    const refusal = async (limits: PortalExportLimits) => {
      const error = await serviceWith(limits)
        .exportForPortal({ userId: randomUUID(), grants }, query, SYSTEM_CONTEXT)
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(readdirSync(tempDir)).toEqual([]);
      return error instanceof DomainError ? { code: error.code, details: error.details } : error;
    };

    it('refuses more events than the bound, leaving no file behind', async () => {
      expect(await refusal({ maxEvents: 3, maxLots: 100, pageSize: 2 })).toEqual({
        code: 'portal_export.too_many_events',
        details: { max: 3 },
      });
    });

    it('refuses more lots than the bound, counting those the events name', async () => {
      // Three lots were made in the period; the fourth is one the events name.
      expect(await refusal({ maxEvents: 100, maxLots: 2, pageSize: 2 })).toEqual({
        code: 'portal_export.too_many_lots',
        details: { max: 2 },
      });
      expect(await refusal({ maxEvents: 100, maxLots: 3, pageSize: 2 })).toEqual({
        code: 'portal_export.too_many_lots',
        details: { max: 3 },
      });
    });

    it('pages through rows without changing a byte: pages of 1 give what pages of 1,000 give', async () => {
      const paged = await serviceWith({ maxEvents: 4, maxLots: 4, pageSize: 1 }).exportForPortal(
        { userId: randomUUID(), grants },
        query,
        SYSTEM_CONTEXT,
      );
      const whole = await serviceWith({ maxEvents: 4, maxLots: 4, pageSize: 1_000 }).exportForPortal(
        { userId: randomUUID(), grants },
        query,
        SYSTEM_CONTEXT,
      );
      try {
        expect(readFileSync(paged.path).equals(readFileSync(whole.path))).toBe(true);
        expect(paged.manifest.counts).toEqual({ organisations: 2, products: 3, lots: 4, events: 4 });
      } finally {
        await paged.discard();
        await whole.discard();
      }
      expect(existsSync(paged.path)).toBe(false);
      expect(readdirSync(tempDir)).toEqual([]);
    });
  });
});
