import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epcisEventKeys, epcisEvents } from '../modules/traceability/epcis/epcis.tables';
import { type Client, startTestApp, type TestApp } from '../test-support/test-app';
import {
  type BenchLotClass,
  benchLotClasses,
  fillEpcisEvents,
  harvestDocument,
  harvestEvents,
  insertPlainEvents,
  plainEventRows,
} from './epcis-bench-data';
import { insertRegistryBenchData } from './registry-bench-data';

type QueryAnswer = {
  epcisBody: { queryResults: { resultsBody: { eventList: { eventID: string; quantityList: { epcClass: string }[] }[] } } };
};
const eventsOf = (answer: QueryAnswer) => answer.epcisBody.queryResults.resultsBody.eventList;

describe('EPCIS bench data', () => {
  let t: TestApp;
  let officer: Client;
  let classes: BenchLotClass[];

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    await insertRegistryBenchData(t.database.db, { products: 40, producers: 4, seed: 13 });
    classes = await benchLotClasses(t.database.db, { classes: 100, producers: 4 });
  });
  afterAll(() => t.close());

  it('makes harvest documents the capture stores whole, and plain rows with the very IDs and keys the capture gives them', async () => {
    const owner = classes[0] as BenchLotClass;
    const own = classes.filter((c) => c.producerId === owner.producerId);
    expect(new Set(classes.map((c) => c.producerId)).size).toBe(4);
    expect(classes.some((c) => c.uri.startsWith('https://id.gs1.org/01/'))).toBe(true);
    expect(classes.some((c) => c.uri.startsWith('urn:ocop:vn:lot:'))).toBe(true);

    const member = await t.as({ role: 'producer_member', producerId: owner.producerId });
    const events = harvestEvents(own, 20, new Date('2026-01-01T00:00:00Z'));
    const captured = await member.post('/epcis/capture', harvestDocument(events));
    expect(captured.statusCode).toBe(202);
    expect(captured.json()).toMatchObject({ success: true, storedCount: 20 });

    const rows = plainEventRows(events, owner, randomUUID());
    const answer = (await member.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(own[1]?.uri ?? '')}&perPage=100`)).json();
    const stored = eventsOf(answer).map((event) => event.eventID);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((id) => rows.some((row) => row.row.eventId === id))).toBe(true);
    expect(rows[1]?.keys).toEqual([{ key: own[1]?.uri, role: 'quantity' }]);

    // The same events stored the plain way collide on eventID: the baseline writes the capture's rows.
    await expect(insertPlainEvents(t.database.db, randomUUID(), owner, rows)).rejects.toThrow();
    const fresh = plainEventRows(harvestEvents(own, 20, new Date('2027-01-01T00:00:00Z')), owner, randomUUID());
    await insertPlainEvents(t.database.db, fresh[0]?.row.captureId ?? '', owner, fresh);
    const [keyCount] = await t.database.db
      .select({ n: count() })
      .from(epcisEventKeys)
      .innerJoin(epcisEvents, eq(epcisEvents.id, epcisEventKeys.eventRowId))
      .where(eq(epcisEvents.captureId, fresh[0]?.row.captureId ?? ''));
    expect(keyCount?.n).toBe(20);
  });

  it('fills the tables by SQL with events each query by class finds, and stops at its time budget', async () => {
    const filled = await fillEpcisEvents(t.database.db, { events: 2_500, classes, chunk: 1_000 });
    expect(filled).toMatchObject({ events: 2_500, complete: true });
    // A class of another producer than the first test's: only the fill named it.
    const lotClass = classes.find((c) => c.producerId !== classes[0]?.producerId) as BenchLotClass;
    const first = await officer.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass.uri)}`);
    expect(first.statusCode).toBe(200);
    const page = eventsOf(first.json());
    expect(page).toHaveLength(25); // 2,500 events over 100 classes
    expect(page.every((event) => event.quantityList[0]?.epcClass === lotClass.uri)).toBe(true);
    const [stored] = await t.database.db
      .select()
      .from(epcisEvents)
      .where(eq(epcisEvents.eventId, page[0]?.eventID ?? ''));
    expect(stored).toMatchObject({ producerId: lotClass.producerId, communeCode: lotClass.communeCode, provinceCode: '14' });

    const none = await fillEpcisEvents(t.database.db, { events: 1_000, classes, budgetMs: 0 });
    expect(none).toMatchObject({ events: 0, complete: false });
  });
});
