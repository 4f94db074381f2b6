import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { LotJourney, LotView } from '@ocop/contracts/traceability';
import type { RoleGrant } from '@ocop/domain/shared';
import { namespacesFromContext } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import {
  type BenchLotClass,
  benchLotClasses,
  fillEpcisEvents,
  harvestDocument,
  harvestEvents,
  insertPlainEvents,
  plainEventRows,
  transformationStory,
} from '../apps/server/src/bench-support/epcis-bench-data';
import { insertRegistryBenchData } from '../apps/server/src/bench-support/registry-bench-data';
import { validateEpcisDocument } from '../apps/server/src/modules/traceability/epcis/epcis-document';
import { eventHashId } from '../apps/server/src/modules/traceability/epcis/epcis-event-id';
import { eventKeys, productReferenceOf } from '../apps/server/src/modules/traceability/epcis/epcis-keys';
import { parseEventQuery } from '../apps/server/src/modules/traceability/epcis/epcis-query';
import { queryRows } from '../apps/server/src/platform/database/database';
import { SESSION_COOKIE } from '../apps/server/src/platform/http/access';
import { BENCH_OFFICER, onBothEngines, startBenchApp } from './bench-app';

/**
 * EPCIS figures of issue 13, as markdown tables: capture throughput against a plain INSERT of
 * the same rows, and MATCH_epcClass over a large event table against a `select 1` round trip,
 * each baseline measured in the same run on the same engine.
 */
export type EpcisBenchOptions = {
  postgresUrl: string | undefined;
  /** Events in the query table (BENCH_EPCIS_EVENTS; 1,000,000 by default). */
  events: number;
  /** Lot classes they spread over. */
  classes: number;
  /** Time the PGlite fill may take before it stops where it got (BENCH_EPCIS_FILL_SECONDS); PostgreSQL is filled whole. */
  fillBudgetMs: number;
  /** Documents of 1,000 events captured (and as many plain inserts) per engine. */
  rounds: number;
  /** Query samples (random classes) per engine, and journey samples. */
  samples: number;
  /** Lots made from 3 input lots whose journeys are read in turn. */
  journeys: number;
};

const EVENTS_PER_DOCUMENT = 1_000;
const PRODUCERS = 8;

type Engine = 'PGlite' | 'PostgreSQL';
type Result = {
  engine: Engine;
  capture: { service: number[]; plain: number[]; phases: Record<string, number[]> };
  load: string;
  query: { events: number; filled: number; complete: boolean; fillMs: number; rows: Timing[] };
  journey: Timing[];
};
type Timing = { label: string; values: number[] };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const median = (values: readonly number[]) => percentile(values, 50);
const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function benchEngine(engine: Engine, databaseUrl: string | undefined, options: EpcisBenchOptions): Promise<Result> {
  const bench = await startBenchApp(databaseUrl, 'ocop-bench-epcis');
  const { app, database, modules } = bench;
  const { db } = database;
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  try {
    await insertRegistryBenchData(db, { products: 400, producers: PRODUCERS, seed: 13 });
    const classes = await benchLotClasses(db, { classes: options.classes, producers: PRODUCERS });
    const owner = classes[0] as BenchLotClass;
    const own = classes.filter((c) => c.producerId === owner.producerId);
    const grants: RoleGrant[] = [
      {
        role: 'producer_member',
        provinceCode: owner.provinceCode,
        communeCode: owner.communeCode,
        producerId: owner.producerId,
        salesPointId: null,
      },
    ];
    const actor = { userId: null, apiKeyId: null, grants };

    // 1. Capture: documents and plain inserts alternate, each with events of its own (distinct times), after one of each as warm-up.
    const capture: Result['capture'] = {
      service: [],
      plain: [],
      phases: { validation: [], 'hash IDs': [], 'keys + owner lookup': [], 'capture total': [] },
    };
    for (let round = -1; round < options.rounds; round++) {
      const start = new Date(Date.UTC(2026, 0, 1) + (round + 1) * 2 * EVENTS_PER_DOCUMENT * 60_000);
      const document = harvestDocument(harvestEvents(own, EVENTS_PER_DOCUMENT, start));
      const [job, took] = await timed(() =>
        modules.traceability.epcis.capture.captureDocument(actor, document, { errorBehaviour: 'rollback' }),
      );
      if (!job.success || job.storedCount !== EVENTS_PER_DOCUMENT)
        throw new Error(`capture stored ${job.storedCount}: ${JSON.stringify(job.errors)}`);

      const plainEvents = harvestEvents(own, EVENTS_PER_DOCUMENT, new Date(start.getTime() + EVENTS_PER_DOCUMENT * 60_000));
      const captureId = randomUUID();
      const rows = plainEventRows(plainEvents, owner, captureId);
      const [, plainTook] = await timed(() => insertPlainEvents(db, captureId, owner, rows));

      // The capture's own steps, apart, on a fresh copy of the same document (not stored).
      const again = harvestDocument(harvestEvents(own, EVENTS_PER_DOCUMENT, start));
      const [validation, validationMs] = await timed(() => validateEpcisDocument(again));
      if (!validation.ok) throw new Error('bench document invalid');
      const namespaces = namespacesFromContext(validation.context);
      const [, hashMs] = await timed(() => validation.events.map((event) => eventHashId(event, namespaces)));
      const [, lookupMs] = await timed(async () => {
        const keys = validation.events.flatMap((event) => eventKeys(event));
        const gtins = new Set<string>();
        const codes = new Set<string>();
        for (const { key } of keys) {
          const reference = productReferenceOf(key);
          if (reference.kind === 'gtin') gtins.add(reference.gtin);
          else if (reference.kind === 'code') codes.add(reference.code);
        }
        await modules.registry.products.keyOwners([...gtins], [...codes]);
      });
      if (round < 0) continue;
      capture.service.push((EVENTS_PER_DOCUMENT / took) * 1000);
      capture.plain.push((EVENTS_PER_DOCUMENT / plainTook) * 1000);
      capture.phases.validation?.push(validationMs);
      capture.phases['hash IDs']?.push(hashMs);
      capture.phases['keys + owner lookup']?.push(lookupMs);
      capture.phases['capture total']?.push(took);
    }

    // 2. Query by class over a large table, filled by SQL; reads by the province officer.
    const fill = await fillEpcisEvents(db, {
      events: options.events,
      classes,
      // PostgreSQL always gets the whole table; only the embedded engine stops where its budget ends.
      budgetMs: engine === 'PGlite' ? options.fillBudgetMs : Number.POSITIVE_INFINITY,
    });
    const [table] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from epcis_events`);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_OFFICER });
    if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
    const headers = { cookie: `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}` };
    const reader = {
      grants: [{ role: 'province_officer', provinceCode: '14', communeCode: null, producerId: null, salesPointId: null }] as RoleGrant[],
    };
    const random = seededRandom(2026);
    const selectOne: number[] = [];
    const service: number[] = [];
    const http: number[] = [];
    const health: number[] = [];
    let found = 0;
    for (let sample = -10; sample < options.samples; sample++) {
      const lotClass = (classes[Math.floor(random() * classes.length)] as BenchLotClass).uri;
      const [, one] = await timed(() => db.execute(sql`select 1`));
      const [answer, byService] = await timed(() =>
        modules.traceability.epcis.query.queryEvents(reader, parseEventQuery({ MATCH_epcClass: lotClass })),
      );
      const [response, byHttp] = await timed(() =>
        app.inject({ method: 'GET', url: `/epcis/events?MATCH_epcClass=${encodeURIComponent(lotClass)}`, headers }),
      );
      if (response.statusCode !== 200) throw new Error(`GET /epcis/events: ${response.statusCode} ${response.body}`);
      const [, healthMs] = await timed(() => app.inject({ method: 'GET', url: '/api/health' }));
      if (sample < 0) continue;
      const list = (answer.document.epcisBody as { queryResults: { resultsBody: { eventList: unknown[] } } }).queryResults.resultsBody
        .eventList;
      found += list.length;
      selectOne.push(one);
      service.push(byService);
      http.push(byHttp);
      health.push(healthMs);
    }
    if (found === 0) throw new Error('no class query found any event');

    // 3. Journeys of lots made from 3 input lots (2 events each), over the same large table.
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const [product] = await queryRows<{ id: string; code: string }>(
      db,
      sql`select id, code from products where producer_id = ${owner.producerId} and status = 'on_sale' order by code limit 1`,
    );
    if (!product) throw new Error('no product on sale for the journeys');
    const newLot = async (lotCode: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/traceability/lots',
        headers: { ...headers, 'x-csrf-token': csrf },
        payload: { productId: product.id, lotCode, producedOn: '2026-02-10', quantity: 80, unit: 'kg' },
      });
      if (response.statusCode !== 201) throw new Error(`lot ${lotCode}: ${response.body}`);
      return response.json() as LotView;
    };
    const outputs: LotView[] = [];
    for (let j = 0; j < options.journeys; j++) {
      const inputs = [await newLot(`J${j}-IN1`), await newLot(`J${j}-IN2`), await newLot(`J${j}-IN3`)];
      const output = await newLot(`J${j}-OUT`);
      const story = transformationStory(
        inputs.map((lot) => lot.classUri),
        output.classUri,
        `urn:ocop:vn:carton:${product.code}:J${j}-OUT:1`,
        new Date(Date.UTC(2026, 1, 1 + j)),
      );
      const job = await modules.traceability.epcis.capture.captureDocument(actor, harvestDocument(story), { errorBehaviour: 'rollback' });
      if (job.storedCount !== story.length) throw new Error(`journey capture: ${JSON.stringify(job.errors)}`);
      outputs.push(output);
    }
    const journeyBase: number[] = [];
    const journeyService: number[] = [];
    const journeyHttp: number[] = [];
    let steps = 0;
    for (let sample = -10; sample < options.samples; sample++) {
      const lot = outputs[(sample + 10) % outputs.length] as LotView;
      const [, one] = await timed(() => db.execute(sql`select 1`));
      const [journey, byService] = await timed(() => modules.traceability.journeys.journeyOfLot(lot.id));
      const [response, byHttp] = await timed(() => app.inject({ method: 'GET', url: `/api/traceability/lots/${lot.id}/journey`, headers }));
      if (response.statusCode !== 200) throw new Error(`journey: ${response.statusCode} ${response.body}`);
      if ((response.json() as LotJourney).steps.length !== journey.steps.length) throw new Error('journey differs over HTTP');
      if (sample < 0) continue;
      steps = journey.steps.length;
      journeyBase.push(one);
      journeyService.push(byService);
      journeyHttp.push(byHttp);
    }
    if (steps !== 10) throw new Error(`a journey has ${steps} steps, not 10`);
    return {
      engine,
      load,
      capture,
      query: {
        events: table?.n ?? 0,
        filled: fill.events,
        complete: fill.complete,
        fillMs: fill.ms,
        rows: [
          { label: 'baseline: `select 1` round trip', values: selectOne },
          {
            label: `MATCH_epcClass through the query service (first page of 30; ${(found / service.length).toFixed(1)} events a class on average)`,
            values: service,
          },
          { label: 'baseline: GET /api/health (inject)', values: health },
          { label: 'GET /epcis/events?MATCH_epcClass= (inject, officer session)', values: http },
        ],
      },
      journey: [
        { label: 'baseline: `select 1` round trip', values: journeyBase },
        {
          label: `journeyOfLot (service; ${steps} steps: 3 input lots × 2, processing, packing, shipping, receiving)`,
          values: journeyService,
        },
        { label: 'GET /api/traceability/lots/:lotId/journey (inject, officer session)', values: journeyHttp },
      ],
    };
  } finally {
    await bench.close();
  }
}

/** The figures as markdown tables, one table per measure with a row per engine. */
export async function benchEpcis(options: EpcisBenchOptions): Promise<string[]> {
  const results: Result[] = [];
  await onBothEngines(options.postgresUrl, 'ocop_bench_epcis', async (engine, url) => {
    results.push(await benchEngine(engine, url, options));
    return [];
  });
  const lines: string[] = [
    `### Capture throughput (documents of ${int(EVENTS_PER_DOCUMENT)} ObjectEvents without eventID, lot classes of registered products, as a producer member; median of ${options.rounds})`,
    '',
    '| Engine | captureDocument (validation, hash IDs, scope, insert) | plain multi-row INSERT of the same rows + keys | ratio (goal ≥ 0.30×) |',
    '| --- | ---: | ---: | ---: |',
    ...results.map((r) => {
      const service = median(r.capture.service);
      const plain = median(r.capture.plain);
      return `| ${r.engine} | ${int(service)} events/s | ${int(plain)} events/s | ${(service / plain).toFixed(2)}× |`;
    }),
    '',
    `Where a capture's time goes (ms per document of ${int(EVENTS_PER_DOCUMENT)}, median; steps timed apart on a copy of the document):`,
    '',
    `| Engine | ${Object.keys(results[0]?.capture.phases ?? {}).join(' | ')} | rest (transaction, inserts, job) |`,
    `| --- |${' ---: |'.repeat(Object.keys(results[0]?.capture.phases ?? {}).length + 1)}`,
    ...results.map((r) => {
      const phases = Object.values(r.capture.phases).map(median);
      const total = phases.at(-1) ?? 0;
      const rest = total - phases.slice(0, -1).reduce((a, b) => a + b, 0);
      return `| ${r.engine} | ${phases.map(ms).join(' | ')} | ${ms(rest)} |`;
    }),
    '',
    `### Query by EPC class (${options.samples} random classes of ${int(options.classes)}, ${PRODUCERS} producers, read by a province officer; ratio of p50 to the \`select 1\` p50)`,
    '',
    ...results.map(
      (r) =>
        `- ${r.engine}: ${int(r.query.events)} events in the table: ${int(r.query.filled)} filled by SQL in ${(r.query.fillMs / 1000).toFixed(0)} s${r.query.complete ? '' : ` (of ${int(options.events)} asked: the ${options.fillBudgetMs / 1000} s fill budget ran out)`}, the rest captured above`,
    ),
    '',
    ...timingTable(results.map((r) => ({ engine: r.engine, rows: r.query.rows }))),
    '',
    `### Journey of a lot made from 3 input lots (${options.journeys} such lots read in turn, ${options.samples} samples, over the same table)`,
    '',
    ...timingTable(results.map((r) => ({ engine: r.engine, rows: r.journey }))),
    '',
    `Load average (1 / 5 / 15 min) when each engine started: ${results.map((r) => `${r.engine} ${r.load}`).join('; ')} on this machine's ${cpus().length} CPUs.`,
  ];
  return lines;
}

function timingTable(engines: { engine: Engine; rows: Timing[] }[]): string[] {
  return [
    '| Engine | measure | samples | p50 ms | p95 ms | × select 1 (p50) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...engines.flatMap(({ engine, rows }) => {
      const base = median(rows[0]?.values ?? []);
      return rows.map(
        (row) =>
          `| ${engine} | ${row.label} | ${row.values.length} | ${ms(median(row.values))} | ${ms(percentile(row.values, 95))} | ${(median(row.values) / base).toFixed(1)}× |`,
      );
    }),
  ];
}

export function epcisBenchOptions(postgresUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): EpcisBenchOptions {
  const events = Number(env.BENCH_EPCIS_EVENTS ?? 1_000_000);
  return {
    postgresUrl,
    events,
    classes: Math.max(1, Math.min(20_000, Math.floor(events / 50))),
    fillBudgetMs: Number(env.BENCH_EPCIS_FILL_SECONDS ?? 300) * 1000,
    rounds: Number(env.BENCH_EPCIS_ROUNDS ?? 5),
    samples: Number(env.BENCH_EPCIS_SAMPLES ?? 200),
    journeys: Number(env.BENCH_EPCIS_JOURNEYS ?? 10),
  };
}

// `npx tsx bench/epcis.bench.ts` runs these figures alone (with the BENCH_EPCIS_* overrides).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  for (const line of await benchEpcis(epcisBenchOptions(process.env.BENCH_NO_POSTGRES ? undefined : postgresUrl))) console.log(line);
}
