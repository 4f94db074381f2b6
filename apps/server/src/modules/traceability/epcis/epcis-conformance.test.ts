import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { canonicalGs1Uri, type JsonObject, type JsonValue, namespacesFromContext } from '@ocop/domain/traceability';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';
import { documentNamespaces, eventMeaning } from '../../../test-support/epcis-meaning';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { type EpcisEvent, validateEpcisDocument } from './epcis-document';
import { eventHashId } from './epcis-event-id';

/**
 * Issue 13's conformance test: every GS1 example document (gs1/EPCIS @2b888be) goes in through
 * POST /epcis/capture as a province officer and each of its events comes back out of
 * GET /epcis/events?EQ_eventID=… equal in meaning (test-support/epcis-meaning.ts says what may
 * differ), inside a query document that itself passes GS1's schema.
 *
 * The 47 files are 46 EPCISDocuments (54 events, 7 of them without eventID, which get CBV 2.0 §8.9
 * hash IDs) and 1 EPCISQueryDocument (2 events): a query answer, which this repository's capture
 * takes as well (its events are read from queryResults), so all 47 are captured.
 *
 * Five eventIDs occur in more than one example (the same event as sent, with an error declaration,
 * with SBDH headers, …). A repository stores an eventID once, so each document must meet a
 * repository without the others' copy to come back as it was sent: the documents are dealt into
 * rounds, each with its own app and database, no eventID twice within one round.
 */

const EXAMPLES = join(REFERENCE_DATA_FOLDER, 'gs1', 'examples');
const JSON_LD = { 'content-type': 'application/ld+json' };

function jsonldFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? jsonldFiles(join(dir, name)) : [join(dir, name)]))
    .filter((path) => path.endsWith('.jsonld'));
}

type DocumentType = 'EPCISDocument' | 'EPCISQueryDocument';
type Example = { name: string; type: DocumentType; document: JsonObject; events: JsonObject[]; eventIds: string[] };

const files = jsonldFiles(EXAMPLES)
  .map((path) => relative(EXAMPLES, path).replaceAll('\\', '/'))
  .sort();
const parsed = files.map((name) => ({ name, document: JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as JsonObject }));

/** The eventID each event must be stored under: its own, or its hash ID (what the repository must assign). */
async function withExpectedIds(name: string, document: JsonObject): Promise<Example> {
  const type: DocumentType = document.type === 'EPCISQueryDocument' ? 'EPCISQueryDocument' : 'EPCISDocument';
  const validated = await validateEpcisDocument(document, type);
  if (!validated.ok) throw new Error(`${name} does not validate: ${JSON.stringify(validated.problems)}`);
  const eventIds = validated.events.map((event) => {
    if (typeof event.eventID === 'string') return event.eventID;
    const id = eventHashId(event, validated.namespaces);
    if (!id.ok) throw new Error(`${name}: ${id.reason}`);
    return id.id;
  });
  return { name, type, document, events: validated.events as JsonObject[], eventIds };
}

const examples = await Promise.all(parsed.map(({ name, document }) => withExpectedIds(name, document)));

/** Deals the examples into rounds in which no eventID occurs twice (first fit, in name order). */
function dealRounds(all: readonly Example[]): Example[][] {
  const rounds: { ids: Set<string>; examples: Example[] }[] = [];
  for (const example of all) {
    let round = rounds.find(({ ids }) => example.eventIds.every((id) => !ids.has(id)));
    if (round === undefined) {
      round = { ids: new Set(), examples: [] };
      rounds.push(round);
    }
    for (const id of example.eventIds) round.ids.add(id);
    round.examples.push(example);
  }
  return rounds.map(({ examples: dealt }) => dealt);
}
const rounds = dealRounds(examples);

/** POST /epcis/capture, then the capture job once the work it queued has run. */
async function capture(t: TestApp, client: Client, document: JsonObject, headers: Record<string, string> = {}) {
  const response = await client.post('/epcis/capture', document, { ...JSON_LD, ...headers });
  if (response.statusCode !== 202) return { response, job: undefined };
  const location = new URL(String(response.headers.location), 'http://localhost').pathname;
  expect(location).toMatch(/^\/epcis\/capture\/[^/]+$/);
  await t.settleJobs();
  const job = await client.get(location);
  expect(job.statusCode).toBe(200);
  return { response, job: job.json() as { captureID: string; running: boolean; success: boolean; errors?: unknown[] } };
}

/** The events GET /epcis/events?EQ_eventID=… answers, in a query document that passes GS1's schema. */
async function eventsWithId(client: Client, eventId: string) {
  const response: LightMyRequestResponse = await client.get(`/epcis/events?EQ_eventID=${encodeURIComponent(eventId)}`);
  expect(response.statusCode).toBe(200);
  const body = response.json() as JsonObject;
  const validated = await validateEpcisDocument(body, 'EPCISQueryDocument');
  if (!validated.ok) expect.fail(`the query answer fails GS1's schema: ${JSON.stringify(validated.problems)}`);
  return { events: validated.events as JsonObject[], namespaces: documentNamespaces(body) };
}

describe('GS1 example documents through capture and query', () => {
  it('finds 47 files: 46 EPCISDocuments with 54 events (7 without eventID) and 1 EPCISQueryDocument with 2', () => {
    expect(files).toHaveLength(47);
    const documents = examples.filter(({ type }) => type === 'EPCISDocument');
    expect(documents).toHaveLength(46);
    expect(documents.flatMap(({ events }) => events)).toHaveLength(54);
    expect(documents.flatMap(({ events }) => events).filter((event) => event.eventID === undefined)).toHaveLength(7);
    const queries = examples.filter(({ type }) => type === 'EPCISQueryDocument');
    expect(queries.map(({ name, events }) => [name, events.length])).toEqual([['EPCISQueryDocument.jsonld', 2]]);
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds.flat()).toHaveLength(47);
  });

  it('compares by meaning, not blindly: another value, a lost field, a reordered list or a rewritten key differ', () => {
    const example = examples.find(({ name }) => name === 'Example_9.6.1-ObjectEvent.jsonld');
    const event = example?.events[0];
    if (example === undefined || event === undefined) throw new Error('example missing');
    const namespaces = documentNamespaces(example.document);
    const meaning = eventMeaning(event, namespaces);
    expect(eventMeaning({ ...event, recordTime: '2026-03-02T02:00:00Z', eventID: 'x' }, namespaces)).toEqual(meaning);
    expect(eventMeaning({ ...event, bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping' }, namespaces)).toEqual(meaning);
    expect(eventMeaning({ ...event, action: 'ADD' }, namespaces)).not.toEqual(meaning);
    const { readPoint: _lost, ...withoutReadPoint } = event;
    expect(eventMeaning(withoutReadPoint, namespaces)).not.toEqual(meaning);
    const epcs = event.epcList as string[];
    expect(eventMeaning({ ...event, epcList: [...epcs].reverse() }, namespaces)).not.toEqual(meaning);
    // Keys and times come back as captured here (GS1-EPC-Format: No_Preference), so they compare as written.
    expect(eventMeaning({ ...event, epcList: epcs.map((epc) => canonicalGs1Uri(epc) ?? epc) }, namespaces)).not.toEqual(meaning);
    expect(eventMeaning({ ...event, eventTime: new Date(String(event.eventTime)).toISOString() }, namespaces)).not.toEqual(meaning);
  });

  describe.each(rounds.map((dealt, i) => [i + 1, dealt] as const))('round %i', (_round, dealt) => {
    let t: TestApp;
    let officer: Client;

    beforeAll(async () => {
      t = await startTestApp();
      officer = await t.as({ role: 'province_officer' });
    });
    afterAll(async () => t.close());

    it.each(dealt.map((example) => [example.name, example] as const))(
      '%s is captured and comes back equal in meaning',
      async (_name, example) => {
        const { response, job } = await capture(t, officer, example.document);
        expect(response.statusCode, response.body).toBe(202);
        expect(job).toMatchObject({ running: false, success: true });
        const sent = documentNamespaces(example.document);
        for (const [i, event] of example.events.entries()) {
          const eventId = example.eventIds[i] ?? '';
          const stored = await eventsWithId(officer, eventId);
          expect(stored.events, `${example.name} event ${i}`).toHaveLength(1);
          const [back] = stored.events;
          if (back === undefined) continue;
          expect(back.eventID).toBe(eventId);
          expect(Number.isNaN(Date.parse(String(back.recordTime)))).toBe(false);
          expect(eventMeaning(back, stored.namespaces), `${example.name} event ${i}`).toEqual(eventMeaning(event, sent));
        }
      },
    );
  });

  describe('what the repository stores once, and what it leaves out', () => {
    let t: TestApp;
    let officer: Client;

    beforeAll(async () => {
      t = await startTestApp();
      officer = await t.as({ role: 'province_officer' });
    });
    afterAll(async () => t.close());

    it('stores each event once when the same document is captured twice, with eventIDs and with hash IDs', async () => {
      for (const name of ['Example_9.6.1-ObjectEvent.jsonld', 'Example-TransactionEvents-2020_07_03y.jsonld']) {
        const example = examples.find((candidate) => candidate.name === name);
        if (example === undefined) throw new Error(`${name} missing`);
        for (let time = 0; time < 2; time++) {
          const { response, job } = await capture(t, officer, example.document);
          expect(response.statusCode).toBe(202);
          expect(job).toMatchObject({ running: false, success: true });
        }
        for (const id of example.eventIds) expect((await eventsWithId(officer, id)).events).toHaveLength(1);
      }
    });

    it('stores once an event sent again without eventID in another form: keys reordered, CBV URIs, Digital Links', async () => {
      const example = examples.find(({ name }) => name === 'Example-TransactionEvents-2020_07_03y.jsonld');
      const sent = example?.events[1];
      if (example === undefined || sent === undefined) throw new Error('example missing');
      const link = (uri: JsonValue | undefined) =>
        canonicalGs1Uri(String(uri))?.replace('https://id.gs1.org', 'https://ocop.example.vn') ?? '';
      const rewritten: JsonObject = Object.fromEntries(Object.entries(sent).reverse());
      rewritten.bizStep = 'https://ref.gs1.org/cbv/BizStep-transporting';
      rewritten.disposition = 'https://ref.gs1.org/cbv/Disp-in_transit';
      rewritten.epcList = (sent.epcList as string[]).map(link);
      rewritten.readPoint = { id: link((sent.readPoint as JsonObject).id) };
      expect(rewritten.epcList).toEqual(['https://ocop.example.vn/8004/952005385w2']);
      const namespaces = namespacesFromContext(example.document['@context']);
      expect(eventHashId(rewritten as EpcisEvent, namespaces)).toEqual({ ok: true, id: example.eventIds[1] });

      await capture(t, officer, example.document);
      const { response, job } = await capture(t, officer, { ...example.document, epcisBody: { eventList: [rewritten] } });
      expect(response.statusCode, response.body).toBe(202);
      expect(job).toMatchObject({ running: false, success: true });
      const stored = await eventsWithId(officer, example.eventIds[1] ?? '');
      expect(stored.events).toHaveLength(1);
      expect(stored.events[0]?.bizStep).toBe('transporting');
    });

    it('under GS1-Capture-Error-Behaviour: proceed, stores the good events of a document with one bad one', async () => {
      const event = (serial: string, bizStep: string): JsonObject => ({
        type: 'ObjectEvent',
        eventTime: '2026-03-01T08:00:00+07:00',
        eventTimeZoneOffset: '+07:00',
        epcList: [`https://id.gs1.org/01/08930000000017/21/${serial}`],
        action: 'OBSERVE',
        bizStep,
      });
      const document = {
        '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: '2026-03-01T08:05:00+07:00',
        epcisBody: { eventList: [event('P1', 'shipping'), event('P2', 'drying'), event('P3', 'receiving')] },
      };
      const ids = document.epcisBody.eventList.map((sent) => {
        const id = eventHashId(sent as EpcisEvent, {});
        return id.ok ? id.id : '';
      });

      const rolledBack = await capture(t, officer, document);
      if (rolledBack.job !== undefined) expect(rolledBack.job).toMatchObject({ running: false, success: false });
      else expect(rolledBack.response.statusCode).toBe(400);
      for (const id of ids) expect((await eventsWithId(officer, id)).events).toEqual([]);

      const { response, job } = await capture(t, officer, document, { 'GS1-Capture-Error-Behaviour': 'proceed' });
      expect(response.statusCode).toBe(202);
      expect(job).toMatchObject({ running: false, success: false });
      expect(JSON.stringify(job?.errors)).toContain('bizStep');
      expect((await eventsWithId(officer, ids[0] ?? '')).events).toHaveLength(1);
      expect((await eventsWithId(officer, ids[1] ?? '')).events).toEqual([]);
      expect((await eventsWithId(officer, ids[2] ?? '')).events).toHaveLength(1);
    });
  });
});
