import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aGtin13, givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { epcisDocument, harvestEvent } from '../../../test-support/epcis-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { validateEpcisDocument } from './epcis-document';
import { epcisCaptures, epcisEvents } from './epcis.tables';

const GS1 = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

describe('EPCIS 2.0 capture and query', () => {
  let t: TestApp;
  let officer: Client;
  let member: Client;
  let otherMember: Client;
  let lotClass: string;
  let gtin14: string;
  let otherLotClass: string;
  let producerId: string;

  const storedEvents = async (forProducer: string) =>
    (await t.database.db.select({ n: count() }).from(epcisEvents).where(eq(epcisEvents.producerId, forProducer)))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    producerId = (await givenProducer(officer)).id;
    const gtin = aGtin13();
    gtin14 = `0${gtin}`;
    const product = await givenProduct(t, officer, producerId, { gtins: [gtin] });
    const plain = await givenProduct(t, officer, producerId);
    lotClass = `urn:ocop:vn:lot:${plain.code}:XUAN-01`;
    member = await t.as({ role: 'producer_member', producerId });
    const otherProducer = (await givenProducer(officer)).id;
    const otherProduct = await givenProduct(t, officer, otherProducer);
    otherLotClass = `urn:ocop:vn:lot:${otherProduct.code}:A1`;
    otherMember = await t.as({ role: 'producer_member', producerId: otherProducer });
    expect(product.gtins).toEqual([gtin14]);
  });
  afterAll(async () => t.close());

  it('captures a producer’s events (202 and a capture job), gives them back by class as valid EPCIS, and stores a repeat once', async () => {
    const document = epcisDocument([
      harvestEvent(lotClass),
      harvestEvent(`urn:epc:class:lgtin:${gtin14.slice(1, 8)}.${gtin14[0]}${gtin14.slice(8, 13)}.LOT7`, {
        eventTime: '2026-03-01T09:00:00+07:00',
      }),
    ]);
    const response = await member.post('/epcis/capture', document);
    expect(response.statusCode).toBe(202);
    expect(response.headers['gs1-epcis-version']).toBe('2.0.0');
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/epcis\/capture\/[0-9a-f-]{36}$/);
    const job = (await member.get(location)).json();
    expect(job).toMatchObject({ running: false, success: true, eventCount: 2, storedCount: 2, duplicateCount: 0, errors: [] });

    const answer = await member.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass)}`);
    expect(answer.statusCode).toBe(200);
    const queryDocument = answer.json();
    expect((await validateEpcisDocument(queryDocument, 'EPCISQueryDocument')).ok).toBe(true);
    const [event] = queryDocument.epcisBody.queryResults.resultsBody.eventList;
    expect(queryDocument.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    expect(event).toMatchObject({
      ...harvestEvent(lotClass),
      eventID: expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/),
    });
    expect(queryDocument['@context']).toEqual([GS1, { ex: 'https://example.vn/epcis/' }]);

    // The LGTIN as a URN and as a Digital Link of any host is the same class.
    const byLink = (
      await member.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(`https://ocop.example.vn/01/${gtin14}/10/LOT7`)}`)
    ).json();
    expect(byLink.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);

    const again = await member.post('/epcis/capture', document);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ success: true, storedCount: 0, duplicateCount: 2 });
    expect(await storedEvents(producerId)).toBe(2);

    const one = await member.get(`/epcis/events/${encodeURIComponent(event.eventID)}`);
    expect(one.json()).toMatchObject({
      '@context': [GS1, { ex: 'https://example.vn/epcis/' }],
      eventID: event.eventID,
      type: 'ObjectEvent',
    });
  });

  it('amends a stored event with its error declaration once (EPCIS 2.0 §7.4.1.2), and keeps a plain repeat a duplicate', async () => {
    const eventID = 'urn:uuid:4f6e0b1c-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
    const event = harvestEvent(lotClass, { eventID, eventTime: '2026-02-28T07:00:00+07:00' });
    expect((await member.post('/epcis/capture', epcisDocument([event]))).json()).toMatchObject({ storedCount: 1 });
    const declared = { ...event, errorDeclaration: { declarationTime: '2026-03-01T10:00:00+07:00', reason: 'incorrect_data' } };
    expect((await member.post('/epcis/capture', epcisDocument([declared]))).json()).toMatchObject({ storedCount: 1, duplicateCount: 0 });
    expect((await member.post('/epcis/capture', epcisDocument([declared]))).json()).toMatchObject({ storedCount: 0, duplicateCount: 1 });
    const stored = (await member.get(`/epcis/events/${encodeURIComponent(eventID)}`)).json();
    expect(stored.errorDeclaration).toEqual(declared.errorDeclaration);
    // Another producer cannot declare this producer's event wrong.
    const foreign = await otherMember.post(
      '/epcis/capture',
      epcisDocument([{ ...declared, quantityList: [{ epcClass: otherLotClass, quantity: 1, uom: 'KGM' }] }]),
    );
    expect(foreign.json()).toMatchObject({ storedCount: 0, duplicateCount: 1 });
  });

  it('refuses each malformed document with 400, its problem codes, and stores nothing', async () => {
    const before = await storedEvents(producerId);
    const cases: [string, Record<string, unknown>, string][] = [
      ['no @context', (({ '@context': _c, ...rest }) => rest)(epcisDocument([harvestEvent(lotClass)])), 'epcis.context_missing'],
      ['unknown action', epcisDocument([harvestEvent(lotClass, { action: 'CREATE' })]), 'epcis.action_invalid'],
      ['bare bizStep outside CBV', epcisDocument([harvestEvent(lotClass, { bizStep: 'drying' })]), 'epcis.bizstep_not_cbv'],
      [
        'quantity as text',
        epcisDocument([harvestEvent(lotClass, { quantityList: [{ epcClass: lotClass, quantity: '12', uom: 'KGM' }] })]),
        'epcis.quantity_not_number',
      ],
      ['unknown top-level field', { ...epcisDocument([harvestEvent(lotClass)]), sendr: 'x' }, 'epcis.unknown_field'],
      [
        'ilmd field without namespace',
        epcisDocument([harvestEvent(lotClass, { ilmd: { growingArea: 'TX-1' } })]),
        'epcis.field_not_namespaced',
      ],
      [
        'eventTime without offset',
        epcisDocument([harvestEvent(lotClass, { eventTime: '2026-03-01T07:30:00' })]),
        'epcis.time_without_offset',
      ],
    ];
    for (const [name, body, code] of cases) {
      const response = await member.post('/epcis/capture', body);
      expect(response.statusCode, name).toBe(400);
      expect(response.headers['content-type'], name).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code, name).toBe('epcis.document_invalid');
      expect(
        problem.details.problems.map((p: { code: string }) => p.code),
        name,
      ).toContain(code);
    }
    expect(await storedEvents(producerId)).toBe(before);
  });

  it('stores nothing of 1,000 events with one bad, unless told to proceed; then the rest and the job lists the bad one', async () => {
    const events = Array.from({ length: 1_000 }, (_, i) =>
      harvestEvent(lotClass, {
        eventTime: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T06:00:${String(i % 60).padStart(2, '0')}+07:00`,
        'ex:n': i,
      }),
    );
    events[500] = harvestEvent(lotClass, { eventTime: '2026-02-01T06:00:00', 'ex:n': 500 });
    const before = await storedEvents(producerId);
    const refused = await member.post('/epcis/capture', epcisDocument(events));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems).toEqual([expect.objectContaining({ code: 'epcis.time_without_offset', eventIndex: 500 })]);
    expect(await storedEvents(producerId)).toBe(before);

    const proceeded = await member.post('/epcis/capture', epcisDocument(events), { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect(proceeded.statusCode).toBe(202);
    expect(proceeded.json()).toMatchObject({
      success: false,
      eventCount: 1_000,
      storedCount: 999,
      errors: [expect.objectContaining({ eventIndex: 500 })],
    });
    expect(await storedEvents(producerId)).toBe(before + 999);

    const bad = await member.post('/epcis/capture', epcisDocument([harvestEvent(lotClass)]), {
      'GS1-Capture-Error-Behaviour': 'sometimes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('epcis.header_invalid');
  });

  it('refuses a capture naming another producer’s product (403, nothing stored) and keeps each producer’s events to itself', async () => {
    const before = await storedEvents(producerId);
    const response = await member.post(
      '/epcis/capture',
      epcisDocument([harvestEvent(lotClass, { eventTime: '2026-03-01T10:00:00+07:00' }), harvestEvent(otherLotClass)]),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'epcis.capture_forbidden',
      details: { problems: [expect.objectContaining({ code: 'epcis.key_not_yours', eventIndex: 1 })] },
    });
    expect(await storedEvents(producerId)).toBe(before);
    const capturesBefore = (await t.database.db.select({ n: count() }).from(epcisCaptures))[0]?.n;
    expect(capturesBefore).toBeGreaterThan(0);

    const foreign = (await otherMember.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass)}`)).json();
    expect(foreign.epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    const province = (await officer.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass)}&perPage=5`)).json();
    expect(province.epcisBody.queryResults.resultsBody.eventList).toHaveLength(5);
  });

  it('refuses a 20 MB document with 413 before reading it', async () => {
    const huge = JSON.stringify(epcisDocument([harvestEvent(lotClass, { 'ex:pad': 'x'.repeat(20 * 1024 * 1024) })]));
    const response = await member.post('/epcis/capture', huge, { 'content-type': 'application/ld+json' });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('request.body_too_large');
  });

  it('pages with nextPageToken in a Link header, filters by the SimpleEventQuery parameters, and refuses what it does not know', async () => {
    const q = encodeURIComponent(lotClass);
    const first = await member.get(`/epcis/events?MATCH_epcClass=${q}&EQ_bizStep=commissioning&perPage=400`);
    expect(first.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(400);
    const link = String(first.headers.link);
    expect(link).toMatch(/^<\/epcis\/events\?.*nextPageToken=[\w-]+>; rel="next"$/);
    const seen = new Set<string>();
    let next: string | undefined = link.slice(1, link.indexOf('>'));
    for (const e of first.json().epcisBody.queryResults.resultsBody.eventList) seen.add(e.eventID);
    while (next) {
      const page = await member.get(next);
      for (const e of page.json().epcisBody.queryResults.resultsBody.eventList) seen.add(e.eventID);
      const header = page.headers.link;
      next = header ? String(header).slice(1, String(header).indexOf('>')) : undefined;
    }
    expect(seen.size).toBe(1_001); // 1 + 1 (declared) + 999, each once across the pages

    const full = await member.get(
      `/epcis/events?MATCH_epcClass=${q}&EQ_bizStep=${encodeURIComponent('https://ref.gs1.org/cbv/BizStep-commissioning')}&perPage=1`,
    );
    expect(full.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    const none = (await member.get(`/epcis/events?MATCH_epcClass=${q}&EQ_bizStep=shipping|receiving`)).json();
    expect(none.epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    const timed = (
      await member.get(`/epcis/events?MATCH_epcClass=${q}&GE_eventTime=${encodeURIComponent('2026-03-01T00:00:00+07:00')}&EQ_action=ADD`)
    ).json();
    expect(timed.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);

    for (const [url, code] of [
      ['/epcis/events?EQ_colour=red', 'epcis.query_invalid'],
      ['/epcis/events?perPage=0', 'epcis.query_invalid'],
      ['/epcis/events?perPage=-1', 'epcis.query_invalid'],
      ['/epcis/events?GE_eventTime=2026-03-01T00:00:00', 'epcis.query_invalid'],
      [
        `/epcis/events?MATCH_epcClass=${q}&nextPageToken=${encodeURIComponent(link.slice(link.indexOf('nextPageToken=') + 14, link.indexOf('>')))}x`,
        'epcis.page_token_invalid',
      ],
      // A token of another query is refused rather than read against it.
      [`/epcis/events?nextPageToken=${link.slice(link.indexOf('nextPageToken=') + 14, link.indexOf('>'))}`, 'epcis.page_token_invalid'],
      [`/epcis/events?MATCH_epc=${'a|'.repeat(101)}a`, 'epcis.query_invalid'],
    ] as const) {
      const response = await member.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code, url).toBe(code);
    }
  });

  it('answers discovery with the GS1 headers, and events by EPC', async () => {
    const options = await t.app.inject({ method: 'OPTIONS', url: '/epcis/events' });
    expect(options.statusCode).toBe(204);
    expect(options.headers).toMatchObject({
      'gs1-epcis-version': '2.0.0',
      'gs1-cbv-version': '2.0.0',
      'gs1-epcis-max': '2.0.0',
      'gs1-capture-error-behaviour': 'all',
    });
    const sscc = 'urn:epc:id:sscc:0614141.1234567890';
    const packed = await member.post(
      '/epcis/capture',
      epcisDocument([
        {
          type: 'AggregationEvent',
          eventTime: '2026-03-02T08:00:00+07:00',
          eventTimeZoneOffset: '+07:00',
          parentID: sscc,
          childEPCs: [],
          childQuantityList: [{ epcClass: lotClass, quantity: 20, uom: 'KGM' }],
          action: 'ADD',
          bizStep: 'packing',
          disposition: 'in_progress',
        },
      ]),
    );
    expect(packed.statusCode).toBe(202);
    const byEpc = (await member.get(`/epcis/epcs/${encodeURIComponent(sscc)}/events`)).json();
    expect(byEpc.epcisBody.queryResults.resultsBody.eventList.map((e: { bizStep: string }) => e.bizStep)).toEqual(['packing']);
    // The carton is this producer's now: another producer cannot add events to it.
    const taken = await otherMember.post(
      '/epcis/capture',
      epcisDocument([
        {
          type: 'ObjectEvent',
          eventTime: '2026-03-03T08:00:00+07:00',
          eventTimeZoneOffset: '+07:00',
          epcList: [sscc],
          action: 'OBSERVE',
          bizStep: 'shipping',
        },
      ]),
    );
    expect(taken.statusCode).toBe(403);
    expect(taken.json().details.problems[0].code).toBe('epcis.key_used_by_other_producer');
  });
});
