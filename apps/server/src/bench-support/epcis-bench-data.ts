import { randomUUID } from 'node:crypto';
import { lotClassUri } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../platform/database/database';
import type { EpcisEvent } from '../modules/traceability/epcis/epcis-document';
import { eventHashId } from '../modules/traceability/epcis/epcis-event-id';
import { eventKeys } from '../modules/traceability/epcis/epcis-keys';
import { epcisCaptures, epcisEventKeys, epcisEvents, type EpcisEventInsert } from '../modules/traceability/epcis/epcis.tables';

/**
 * Synthetic EPCIS data for benchmarks (issue 13): lot classes of products already registered
 * (by `insertRegistryBenchData`), harvest documents shaped like a producer's software would send
 * them, and a fast SQL fill of the event tables that bypasses the capture service. Not for
 * production data.
 */

export const GS1_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const OCOP_CONTEXT = { ocop: 'https://ocop.vn/epcis/' } as const;

/** A lot class of a registered product, with the place its events belong to. */
export type BenchLotClass = { uri: string; productCode: string; producerId: string; provinceCode: string; communeCode: string };

/**
 * `classes` lot classes over the products of the first `producers` producers (by registration
 * number) of the province that have products: round robin over the products, lot codes
 * `V{n}`. Products with a GTIN give their lots as GS1 Digital Links, the others as province URNs,
 * as `lotClassUri` does for real lots.
 */
export async function benchLotClasses(
  db: Database,
  options: { classes: number; producers: number; provinceCode?: string },
): Promise<BenchLotClass[]> {
  const provinceCode = options.provinceCode ?? '14';
  const products = await queryRows<{ code: string; gtin: string | null; producer_id: string; commune_code: string }>(
    db,
    sql`with chosen as (
          select pr.id, pr.commune_code from producers pr
          where pr.province_code = ${provinceCode} and exists (select 1 from products p where p.producer_id = pr.id)
          order by pr.registration_number limit ${options.producers})
        select p.code, g.gtin, c.id as producer_id, c.commune_code
        from products p join chosen c on c.id = p.producer_id
        left join product_gtins g on g.product_id = p.id and g.position = 0
        order by p.code`,
  );
  if (products.length === 0) throw new Error(`no products of province ${provinceCode} to trace`);
  return Array.from({ length: options.classes }, (_, i) => {
    const product = products[i % products.length] as (typeof products)[number];
    const lot = `V${Math.floor(i / products.length) + 1}`;
    return {
      uri: lotClassUri({ code: product.code, gtin14: product.gtin }, lot),
      productCode: product.code,
      producerId: product.producer_id,
      provinceCode,
      communeCode: product.commune_code,
    };
  });
}

/**
 * `count` harvest ObjectEvents (no eventID: the capture computes hash IDs) of the given lot
 * classes, one minute apart from `start`, with the fields a farm app sends: quantity in kg,
 * CBV bizStep and disposition, read point and business location, ILMD and an extension field.
 */
export function harvestEvents(classes: readonly BenchLotClass[], count: number, start: Date): EpcisEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const lot = classes[i % classes.length] as BenchLotClass;
    const time = new Date(start.getTime() + i * 60_000).toISOString().replace('Z', '+00:00');
    return {
      type: 'ObjectEvent',
      eventTime: time,
      eventTimeZoneOffset: '+07:00',
      epcList: [],
      quantityList: [{ epcClass: lot.uri, quantity: 50 + (i % 400) / 4, uom: 'KGM' }],
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: { id: `urn:ocop:vn:site:${lot.communeCode}-vuon-${(i % 12) + 1}` },
      bizLocation: { id: `urn:ocop:vn:site:${lot.communeCode}` },
      ilmd: { 'ocop:growingArea': `Vùng trồng ${(i % 12) + 1}`, 'ocop:harvestMethod': 'Hái tay' },
      'ocop:note': 'Thu hái vụ xuân, trời nắng',
    };
  });
}

export function harvestDocument(events: readonly EpcisEvent[]) {
  return {
    '@context': [GS1_CONTEXT, OCOP_CONTEXT],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-01T08:00:00+07:00',
    epcisBody: { eventList: events },
  };
}

/** The rows the capture would store for these events (hash IDs, keys, columns), ready for a plain INSERT. */
export function plainEventRows(
  events: readonly EpcisEvent[],
  owner: { provinceCode: string; producerId: string; communeCode: string },
  captureId: string,
): { row: EpcisEventInsert; keys: ReturnType<typeof eventKeys> }[] {
  const recordTime = new Date();
  return events.map((event) => {
    const id = eventHashId(event, OCOP_CONTEXT);
    if (!id.ok) throw new Error(id.reason);
    const kept = { ...event, eventID: id.id };
    return {
      keys: eventKeys(kept),
      row: {
        eventId: id.id,
        eventType: event.type,
        provinceCode: owner.provinceCode,
        producerId: owner.producerId,
        communeCode: owner.communeCode,
        captureId,
        eventTime: new Date(String(event.eventTime)),
        recordTime,
        action: 'ADD',
        bizStep: 'https://ref.gs1.org/cbv/BizStep-commissioning',
        disposition: 'https://ref.gs1.org/cbv/Disp-active',
        readPoint: (event.readPoint as { id: string }).id,
        bizLocation: (event.bizLocation as { id: string }).id,
        event: kept,
        context: [OCOP_CONTEXT],
      },
    };
  });
}

/**
 * The floor the capture is measured against: in one transaction, the capture row, one
 * multi-row INSERT of the event rows and one of their key rows (1,000 events × 15 columns stay
 * under PostgreSQL's 65,535 parameters), with no checks, lookups or conflict handling.
 */
export async function insertPlainEvents(
  db: Database,
  captureId: string,
  owner: { provinceCode: string; producerId: string },
  rows: ReturnType<typeof plainEventRows>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(epcisCaptures).values({
      id: captureId,
      provinceCode: owner.provinceCode,
      producerId: owner.producerId,
      errorBehaviour: 'rollback',
      running: false,
      success: true,
      eventCount: rows.length,
      storedCount: rows.length,
      duplicateCount: 0,
      createdAt: new Date(),
      finishedAt: new Date(),
    });
    const ids = await tx
      .insert(epcisEvents)
      .values(rows.map((r) => r.row))
      .returning({ id: epcisEvents.id });
    const keyRows = rows.flatMap((r, i) => r.keys.map((key) => ({ ...key, eventRowId: ids[i]?.id as number })));
    if (keyRows.length > 0) await tx.insert(epcisEventKeys).values(keyRows);
  });
}

/**
 * Fills the event tables with `events` harvest events spread evenly over `classes` (each event
 * one quantity key), through `INSERT … SELECT FROM generate_series` in chunks, each chunk one
 * statement that also writes the key rows. Event IDs have the hash-ID shape but are not hashes
 * of the content. Stops early once `budgetMs` is spent (the answer says how many went in), then
 * refreshes the planner's statistics.
 */
export async function fillEpcisEvents(
  db: Database,
  options: { events: number; classes: readonly BenchLotClass[]; chunk?: number; budgetMs?: number; onChunk?: (done: number) => void },
): Promise<{ events: number; ms: number; complete: boolean }> {
  const started = performance.now();
  const chunk = options.chunk ?? 20_000;
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const first = options.classes[0];
  if (!first) throw new Error('no lot classes');
  const captureId = randomUUID();
  const now = new Date();
  await db.insert(epcisCaptures).values({
    id: captureId,
    provinceCode: first.provinceCode,
    errorBehaviour: 'rollback',
    running: false,
    success: true,
    eventCount: options.events,
    storedCount: options.events,
    duplicateCount: 0,
    createdAt: now,
    finishedAt: now,
  });
  // The classes as a table to join on by index; a plain table (not temporary) because a pool may
  // answer each chunk on another connection.
  const staging = `bench_epcis_classes_${captureId.slice(0, 8)}`;
  await db.execute(
    sql.raw(`create table ${staging} (idx int primary key, uri text not null, producer_id uuid not null, commune_code text not null)`),
  );
  let done = 0;
  try {
    for (let i = 0; i < options.classes.length; i += 1_000) {
      const rows = options.classes.slice(i, i + 1_000).map((c, j) => sql`(${i + j}, ${c.uri}, ${c.producerId}::uuid, ${c.communeCode})`);
      await db.execute(sql`insert into ${sql.raw(staging)} (idx, uri, producer_id, commune_code) values ${sql.join(rows, sql`, `)}`);
    }
    const n = options.classes.length;
    while (done < options.events && performance.now() - started < budget) {
      const from = done + 1;
      const to = Math.min(options.events, done + chunk);
      await db.execute(sql`
        with made as (
          insert into epcis_events (event_id, event_type, province_code, producer_id, commune_code, capture_id, event_time,
            record_time, action, biz_step, disposition, read_point, biz_location, event, context)
          select e.event_id, 'ObjectEvent', ${first.provinceCode}, c.producer_id, c.commune_code, ${captureId}::uuid, e.event_time,
            e.event_time + interval '5 minutes', 'ADD', 'https://ref.gs1.org/cbv/BizStep-commissioning',
            'https://ref.gs1.org/cbv/Disp-active', 'urn:ocop:vn:site:' || c.commune_code || '-vuon-' || (g % 12 + 1),
            'urn:ocop:vn:site:' || c.commune_code,
            jsonb_build_object(
              'type', 'ObjectEvent', 'eventID', e.event_id,
              'eventTime', to_char(e.event_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
              'eventTimeZoneOffset', '+07:00', 'epcList', '[]'::jsonb,
              'quantityList', jsonb_build_array(jsonb_build_object('epcClass', c.uri, 'quantity', 50 + (g % 400) / 4.0, 'uom', 'KGM')),
              'action', 'ADD', 'bizStep', 'commissioning', 'disposition', 'active',
              'readPoint', jsonb_build_object('id', 'urn:ocop:vn:site:' || c.commune_code || '-vuon-' || (g % 12 + 1)),
              'bizLocation', jsonb_build_object('id', 'urn:ocop:vn:site:' || c.commune_code),
              'ilmd', jsonb_build_object('ocop:growingArea', 'Vùng trồng ' || (g % 12 + 1), 'ocop:harvestMethod', 'Hái tay'),
              'ocop:note', 'Thu hái vụ xuân, trời nắng'),
            ${JSON.stringify([OCOP_CONTEXT])}::jsonb
          from generate_series(${from}::int, ${to}::int) g
          join ${sql.raw(staging)} c on c.idx = g % ${n}
          cross join lateral (select
            'ni:///sha-256;' || md5(${captureId}::text || g) || md5(g || ${captureId}::text) || '?ver=CBV2.0' as event_id,
            timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute' as event_time) e
          returning id, event #>> '{quantityList,0,epcClass}' as uri)
        insert into epcis_event_keys (key, role, event_row_id) select m.uri, 'quantity', m.id from made m`);
      done = to;
      options.onChunk?.(done);
    }
  } finally {
    await db.execute(sql.raw(`drop table if exists ${staging}`));
  }
  await db.execute(sql`analyze epcis_events`);
  await db.execute(sql`analyze epcis_event_keys`);
  return { events: done, ms: Math.round(performance.now() - started), complete: done === options.events };
}

/**
 * The story of a lot made from three (or more) input lots: two harvests of each input, the
 * transformation into the output lot, packing into a carton, shipping and receiving, one hour
 * apart from `start`.
 */
export function transformationStory(inputs: readonly string[], output: string, carton: string, start: Date): EpcisEvent[] {
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString().replace('Z', '+00:00');
  const common = { eventTimeZoneOffset: '+07:00', 'ocop:note': 'Thu hái vụ xuân' };
  const harvests = inputs.flatMap((uri, i) =>
    [0, 1].map((k) => ({
      ...common,
      type: 'ObjectEvent',
      eventTime: at(i * 2 + k),
      epcList: [],
      quantityList: [{ epcClass: uri, quantity: 40 + k * 5, uom: 'KGM' }],
      action: k === 0 ? 'ADD' : 'OBSERVE',
      bizStep: k === 0 ? 'commissioning' : 'inspecting',
      disposition: 'active',
      readPoint: { id: `urn:ocop:vn:site:vuon-${i + 1}` },
    })),
  );
  const after = inputs.length * 2;
  return [
    ...harvests,
    {
      ...common,
      type: 'TransformationEvent',
      eventTime: at(after + 1),
      inputQuantityList: inputs.map((uri) => ({ epcClass: uri, quantity: 80, uom: 'KGM' })),
      outputQuantityList: [{ epcClass: output, quantity: 60, uom: 'KGM' }],
      bizStep: 'commissioning',
      disposition: 'active',
    },
    {
      ...common,
      type: 'AggregationEvent',
      eventTime: at(after + 2),
      parentID: carton,
      childQuantityList: [{ epcClass: output, quantity: 10, uom: 'KGM' }],
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
    },
    {
      ...common,
      type: 'ObjectEvent',
      eventTime: at(after + 3),
      epcList: [carton],
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      'ocop:destinationName': 'Điểm bán OCOP Mộc Châu',
    },
    {
      ...common,
      type: 'ObjectEvent',
      eventTime: at(after + 4),
      epcList: [carton],
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'sellable_accessible',
    },
  ];
}
