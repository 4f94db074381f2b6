import type { LotJourney, LotView, SiteView, StepRecordedView } from '@ocop/contracts/traceability';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { validateEpcisDocument } from '../epcis/epcis-document';
import { epcisEvents } from '../epcis/epcis.tables';
import { lotCartonCounters } from './step.tables';

const TA_XUA = '03868'; // the commune of producerBody()
const BA_DINH = '00004'; // Hà Nội: a sales point may be in another province
const WORKSHOP_GLN = '8934567000017';
const MINUTE = 60_000;

type EventList = Record<string, unknown>[];

describe('recording a lot’s steps from the phone forms', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client;
  let stranger: Client;
  let producerId: string;
  let farm: SiteView;
  let workshop: SiteView;
  let shop: SiteView;
  let strangerSite: SiteView;
  let leafProduct: { id: string; code: string };
  let teaProduct: { id: string; code: string };
  let strangerLot: LotView;

  const newLot = async (client: Client, productId: string, overrides: Record<string, unknown> = {}) => {
    const response = await client.post('/api/traceability/lots', {
      productId,
      lotCode: `L${Math.floor(Math.random() * 1e8)}`,
      producedOn: '2026-03-01',
      quantity: 120,
      unit: 'kg',
      ...overrides,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as LotView;
  };
  const newSite = async (client: Client, owner: string, overrides: Record<string, unknown>) => {
    const response = await client.post('/api/traceability/sites', { producerId: owner, communeCode: TA_XUA, ...overrides });
    expect(response.statusCode).toBe(201);
    return response.json() as SiteView;
  };
  const step = (client: Client, lotId: string, body: Record<string, unknown>) => client.post(`/api/traceability/lots/${lotId}/steps`, body);
  /** MATCH_epcClass finds quantity lists (harvest, packing, shipping); MATCH_anyEPCClass adds a transformation's lists. */
  const eventsOf = async (client: Client, epcClass: string, parameter = 'MATCH_anyEPCClass'): Promise<EventList> => {
    const answer = await client.get(`/epcis/events?${parameter}=${encodeURIComponent(epcClass)}`);
    expect(answer.statusCode).toBe(200);
    const document = answer.json();
    const validation = await validateEpcisDocument(document, 'EPCISQueryDocument');
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    return document.epcisBody.queryResults.resultsBody.eventList as EventList;
  };
  const storedEvents = async () =>
    (await t.database.db.select({ n: count() }).from(epcisEvents).where(eq(epcisEvents.producerId, producerId)))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await startTestApp(); // 2026-03-02 09:00 in Vietnam
    officer = await t.as({ role: 'province_officer' });
    producerId = (await givenProducer(officer)).id;
    member = await t.as({ role: 'producer_member', producerId });
    leafProduct = await givenProduct(t, officer, producerId);
    teaProduct = await givenProduct(t, officer, producerId, { gtins: [aGtin13()] });
    farm = await newSite(member, producerId, { name: 'Đồi chè Tà Xùa', kind: 'farm' });
    workshop = await newSite(member, producerId, { name: 'Xưởng chế biến', kind: 'processing', gln: WORKSHOP_GLN });
    shop = await newSite(member, producerId, { name: 'Cửa hàng của HTX', kind: 'shop' });
    const strangerProducer = (await givenProducer(officer)).id;
    stranger = await t.as({ role: 'producer_member', producerId: strangerProducer });
    strangerSite = await newSite(stranger, strangerProducer, { name: 'Vườn khác', kind: 'farm' });
    strangerLot = await newLot(stranger, (await givenProduct(t, officer, strangerProducer)).id);
  });
  afterAll(async () => t.close());

  it('records a harvest, a processing, packing, shipping and receiving, each stored as EPCIS events found by the lot’s class', async () => {
    const leaf = await newLot(member, leafProduct.id, { lotCode: 'LA/01', bestBefore: '2026-03-10', growingAreaCommuneCode: TA_XUA });
    const harvested = await step(member, leaf.id, {
      kind: 'harvest',
      siteId: farm.id,
      eventTime: '2026-03-02T07:30:00+07:00',
      note: 'Hái sáng',
    });
    expect(harvested.statusCode).toBe(201);
    const harvest = harvested.json() as StepRecordedView;
    expect(harvest.eventIds).toHaveLength(1);
    expect(harvest.eventIds[0]).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(harvest.captureId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await eventsOf(member, leaf.classUri, 'MATCH_epcClass')).toEqual([
      expect.objectContaining({
        eventID: harvest.eventIds[0],
        type: 'ObjectEvent',
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        eventTime: '2026-03-02T07:30:00.000+07:00',
        eventTimeZoneOffset: '+07:00',
        readPoint: { id: `urn:ocop:vn:site:${farm.id}` },
        quantityList: [{ epcClass: leaf.classUri, quantity: 120, uom: 'KGM' }],
        ilmd: expect.objectContaining({ 'cbvmda:lotNumber': 'LA/01', 'cbvmda:bestBeforeDate': '2026-03-10' }),
        'ocop:note': 'Hái sáng',
      }),
    ]);

    const tea = await newLot(member, teaProduct.id, { lotCode: 'BT-01', quantity: 40, unit: 'box', expiresOn: '2028-03-01' });
    expect(tea.classUri).toMatch(/^https:\/\/id\.gs1\.org\/01\/\d{14}\/10\/BT-01$/);
    const processed = await step(member, tea.id, {
      kind: 'processing',
      siteId: workshop.id,
      inputs: [{ lotId: leaf.id, quantity: '100,5' }],
    });
    expect(processed.statusCode).toBe(201);
    const [transformation] = await eventsOf(member, tea.classUri);
    expect(transformation).toMatchObject({
      type: 'TransformationEvent',
      bizStep: 'creating_class_instance',
      readPoint: { id: `https://id.gs1.org/414/${WORKSHOP_GLN}` },
      inputQuantityList: [{ epcClass: leaf.classUri, quantity: 100.5, uom: 'KGM' }],
      outputQuantityList: [{ epcClass: tea.classUri, quantity: 40 }],
    });
    // The input lot's history now has its harvest and the processing that used it.
    expect((await eventsOf(member, leaf.classUri)).map((event) => event.type)).toEqual(['ObjectEvent', 'TransformationEvent']);

    const packed = await step(member, tea.id, { kind: 'packing', siteId: workshop.id, cartonCount: 3, quantityPerCarton: 10 });
    expect(packed.statusCode).toBe(201);
    expect((packed.json() as StepRecordedView).eventIds).toHaveLength(3);
    const morePacked = await step(member, tea.id, { kind: 'packing', siteId: workshop.id, cartonCount: 1, quantityPerCarton: 10 });
    expect(morePacked.statusCode).toBe(201);
    const cartons = (await eventsOf(member, tea.classUri, 'MATCH_epcClass')).filter((event) => event.type === 'AggregationEvent');
    // Numbered on across the two forms, so no carton is named twice.
    expect(cartons.map((event) => event.parentID)).toEqual([1, 2, 3, 4].map((n) => `urn:ocop:vn:carton:${teaProduct.code}:BT-01:${n}`));
    expect(cartons[0]).toMatchObject({
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
      childQuantityList: [{ epcClass: tea.classUri, quantity: 10 }],
    });

    const destination = { name: 'Điểm bán OCOP Ba Đình', communeCode: BA_DINH };
    const shipped = await step(member, tea.id, { kind: 'shipping', siteId: workshop.id, quantity: 40, destination });
    expect(shipped.statusCode).toBe(201);
    const received = await step(member, tea.id, { kind: 'receiving', quantity: 40, destination });
    expect(received.statusCode).toBe(201);
    const toOwnShop = await step(member, tea.id, {
      kind: 'shipping',
      siteId: workshop.id,
      quantity: 1,
      destination: { siteId: shop.id },
      eventTime: '2026-03-02T09:05:00+07:00',
    });
    expect(toOwnShop.statusCode).toBe(201);
    const moves = (await eventsOf(member, tea.classUri, 'MATCH_epcClass')).filter((event) => event.type === 'ObjectEvent');
    expect(moves).toMatchObject([
      {
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        sourceList: [
          { type: 'owning_party', source: `urn:ocop:vn:producer:${producerId}` },
          { type: 'location', source: `https://id.gs1.org/414/${WORKSHOP_GLN}` },
        ],
        destinationList: [{ type: 'location', destination: `urn:ocop:vn:commune:${BA_DINH}` }],
        'ocop:destinationName': 'Điểm bán OCOP Ba Đình',
      },
      { bizStep: 'receiving', disposition: 'sellable_accessible', readPoint: { id: `urn:ocop:vn:commune:${BA_DINH}` } },
      {
        bizStep: 'shipping',
        destinationList: [{ type: 'location', destination: `urn:ocop:vn:site:${shop.id}` }],
        'ocop:destinationName': 'Cửa hàng của HTX',
      },
    ]);

    // The journey names the places after the producer's sites, and follows the tea back to its leaves.
    const journey = (await member.get(`/api/traceability/lots/${tea.id}/journey`)).json() as LotJourney;
    expect(journey.steps.map((s) => [s.kind, s.lotCode, s.placeName])).toEqual([
      ['harvest', 'LA/01', 'Đồi chè Tà Xùa'],
      ['processing', 'BT-01', 'Xưởng chế biến'],
      ...Array.from({ length: 4 }, () => ['packing', 'BT-01', 'Xưởng chế biến']),
      ['shipping', 'BT-01', 'Xưởng chế biến'],
      ['receiving', 'BT-01', null],
      ['shipping', 'BT-01', 'Xưởng chế biến'],
    ]);

    const admin = await t.as({ role: 'province_admin' });
    const entries = (await admin.get(`/api/audit-entries?entityType=lot&entityId=${tea.id}`)).json().items as { action: string }[];
    expect(entries.filter((entry) => entry.action === 'lot.step_recorded')).toHaveLength(6);
  });

  it('takes the time now when the form gives none, and a phone clock up to 10 minutes ahead', async () => {
    const lot = await newLot(member, leafProduct.id);
    expect((await step(member, lot.id, { kind: 'harvest', siteId: farm.id })).statusCode).toBe(201);
    const [event] = await eventsOf(member, lot.classUri);
    expect(event?.eventTime).toBe('2026-03-02T09:00:00.000+07:00');
    const ahead = new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString();
    expect((await step(member, lot.id, { kind: 'harvest', siteId: farm.id, eventTime: ahead, quantity: 1 })).statusCode).toBe(201);
  });

  it('refuses a step of another producer’s lot (403) and an unknown lot (404), storing nothing', async () => {
    const before = await storedEvents();
    const response = await step(member, strangerLot.id, { kind: 'harvest', siteId: farm.id });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'step.lot_forbidden' });
    const missing = await step(member, '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', { kind: 'harvest', siteId: farm.id });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'lot.not_found' });
    const communeOfficer = await t.as({ role: 'commune_officer', communeCode: TA_XUA });
    expect((await step(communeOfficer, strangerLot.id, { kind: 'harvest', siteId: farm.id })).statusCode).toBe(403);
    expect(await storedEvents()).toBe(before);
  });

  it('refuses an input lot of another producer (403)', async () => {
    const output = await newLot(member, teaProduct.id);
    const response = await step(member, output.id, {
      kind: 'processing',
      siteId: workshop.id,
      inputs: [{ lotId: strangerLot.id, quantity: 1 }],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'step.input_lot_other_producer', details: { field: 'inputs.0.lotId' } });
  });

  it('lets the province’s staff record a step of any producer of the province', async () => {
    const lot = await newLot(member, leafProduct.id);
    expect((await step(officer, lot.id, { kind: 'harvest', siteId: farm.id })).statusCode).toBe(201);
  });

  it.each<[string, (ids: { lot: LotView; input: LotView }) => Record<string, unknown>, string, string]>([
    ['a processing without inputs', () => ({ kind: 'processing', siteId: workshop.id, inputs: [] }), 'step.input_count', 'inputs'],
    [
      'a processing with 21 inputs',
      ({ input }) => ({
        kind: 'processing',
        siteId: workshop.id,
        inputs: Array.from({ length: 21 }, () => ({ lotId: input.id, quantity: 1 })),
      }),
      'step.input_count',
      'inputs',
    ],
    [
      'an input lot twice',
      ({ input }) => ({ kind: 'processing', siteId: workshop.id, inputs: [input, input].map((l) => ({ lotId: l.id, quantity: 1 })) }),
      'step.input_lot_repeated',
      'inputs.1.lotId',
    ],
    [
      'the lot as its own input',
      ({ lot }) => ({ kind: 'processing', siteId: workshop.id, inputs: [{ lotId: lot.id, quantity: 1 }] }),
      'step.input_is_output',
      'inputs.0.lotId',
    ],
    [
      'an input lot that does not exist',
      () => ({ kind: 'processing', siteId: workshop.id, inputs: [{ lotId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', quantity: 1 }] }),
      'step.input_lot_unknown',
      'inputs.0.lotId',
    ],
    [
      'more of an input than its lot has',
      ({ input }) => ({ kind: 'processing', siteId: workshop.id, inputs: [{ lotId: input.id, quantity: 120.001 }] }),
      'step.quantity_exceeds_lot',
      'inputs.0.quantity',
    ],
    [
      'a time 11 minutes ahead',
      () => ({ kind: 'harvest', siteId: farm.id, eventTime: new Date(t.clock.now().getTime() + 11 * MINUTE).toISOString() }),
      'step.time_in_future',
      'eventTime',
    ],
    [
      'a time over a year before the lot',
      () => ({ kind: 'harvest', siteId: farm.id, eventTime: '2025-02-27T23:00:00+07:00' }),
      'step.time_too_early',
      'eventTime',
    ],
    [
      'a site that does not exist',
      () => ({ kind: 'harvest', siteId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' }),
      'step.site_unknown',
      'siteId',
    ],
    ['another producer’s site', () => ({ kind: 'harvest', siteId: strangerSite.id }), 'step.site_unknown', 'siteId'],
    [
      'another producer’s site as the destination',
      () => ({ kind: 'receiving', destination: { siteId: strangerSite.id } }),
      'step.site_unknown',
      'destination.siteId',
    ],
    [
      'a destination commune not on the map',
      () => ({ kind: 'shipping', siteId: workshop.id, destination: { name: 'Chợ', communeCode: '99999' } }),
      'admin_unit.commune_not_found',
      'destination.communeCode',
    ],
    ['a quantity of 0', () => ({ kind: 'harvest', siteId: farm.id, quantity: 0 }), 'step.quantity_invalid', 'quantity'],
    [
      'a negative quantity',
      () => ({ kind: 'shipping', siteId: farm.id, quantity: '-5', destination: { siteId: shop.id } }),
      'step.quantity_invalid',
      'quantity',
    ],
    ['more than the lot has', () => ({ kind: 'harvest', siteId: farm.id, quantity: 120.5 }), 'step.quantity_exceeds_lot', 'quantity'],
    [
      'cartons holding nothing',
      () => ({ kind: 'packing', siteId: workshop.id, cartonCount: 2, quantityPerCarton: 0 }),
      'step.quantity_invalid',
      'quantityPerCarton',
    ],
    [
      'cartons holding more than the lot',
      () => ({ kind: 'packing', siteId: workshop.id, cartonCount: 13, quantityPerCarton: 10 }),
      'step.quantity_exceeds_lot',
      'quantityPerCarton',
    ],
  ])('refuses %s with 422 naming the field, storing nothing', async (_name, body, code, field) => {
    const lot = await newLot(member, leafProduct.id);
    const input = await newLot(member, leafProduct.id);
    const before = await storedEvents();
    const response = await step(member, lot.id, body({ lot, input }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code, details: { field } });
    expect(await storedEvents()).toBe(before);
    expect(await t.database.db.select().from(lotCartonCounters).where(eq(lotCartonCounters.lotId, lot.id))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown kind', { kind: 'drying', siteId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b' }],
    ['a note of 501 characters', { kind: 'harvest', note: 'x'.repeat(501) }],
    ['0 cartons', { kind: 'packing', cartonCount: 0, quantityPerCarton: 1 }],
    ['501 cartons', { kind: 'packing', cartonCount: 501, quantityPerCarton: 1 }],
    [
      '101 inputs',
      { kind: 'processing', inputs: Array.from({ length: 101 }, () => ({ lotId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', quantity: 1 })) },
    ],
    ['a time without offset', { kind: 'harvest', eventTime: '2026-03-02T08:00:00' }],
    [
      'a destination with both a site and a name',
      { kind: 'receiving', destination: { siteId: '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', name: 'x', communeCode: BA_DINH } },
    ],
  ])('refuses %s as a malformed request (400)', async (_name, body) => {
    const lot = await newLot(member, leafProduct.id);
    const response = await step(member, lot.id, { siteId: farm.id, ...body });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid' });
  });

  it('takes a note of 500 characters and 500 cartons in one form, numbering up to the lot’s last carton', async () => {
    const lot = await newLot(member, teaProduct.id, { quantity: 1000, unit: 'box' });
    const response = await step(member, lot.id, {
      kind: 'packing',
      siteId: workshop.id,
      cartonCount: 500,
      quantityPerCarton: 2,
      note: 'x'.repeat(500),
    });
    expect(response.statusCode).toBe(201);
    expect((response.json() as StepRecordedView).eventIds).toHaveLength(500);
    expect(await t.database.db.select().from(lotCartonCounters).where(eq(lotCartonCounters.lotId, lot.id))).toEqual([
      { lotId: lot.id, lastNumber: 500 },
    ]);
  });

  it('stops at 99,999 cartons in a lot', async () => {
    const lot = await newLot(member, teaProduct.id, { quantity: 1000, unit: 'box' });
    await t.database.db.insert(lotCartonCounters).values({ lotId: lot.id, lastNumber: 99_998 });
    const refused = await step(member, lot.id, { kind: 'packing', siteId: workshop.id, cartonCount: 2, quantityPerCarton: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'step.carton_limit', details: { max: 99_999, packed: 99_998 } });
    const last = await step(member, lot.id, { kind: 'packing', siteId: workshop.id, cartonCount: 1, quantityPerCarton: 1 });
    expect(last.statusCode).toBe(201);
    const [carton] = (await eventsOf(member, lot.classUri)).filter((event) => event.type === 'AggregationEvent');
    expect(carton?.parentID).toBe(`urn:ocop:vn:carton:${teaProduct.code}:${lot.lotCode}:99999`);
  });

  it('answers in Vietnamese first', async () => {
    const lot = await newLot(member, leafProduct.id);
    const response = await step(member, lot.id, { kind: 'processing', siteId: workshop.id, inputs: [] });
    expect(response.json().title).toBe('Một công đoạn chế biến cần từ 1 đến 20 lô nguyên liệu đầu vào (đang có 0).');
  });
});
