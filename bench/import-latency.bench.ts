import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildProductsWorkbook } from '../apps/server/src/bench-support/import-bench';
import { insertRegistryBenchData } from '../apps/server/src/bench-support/registry-bench-data';
import { queryRows } from '../apps/server/src/platform/database/database';
import { multipart } from '../apps/server/src/test-support/file-fixtures';
import { BENCH_OFFICER, onBothEngines, startBenchApp } from './bench-app';

/** Rows of the imported file (the figure). */
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
/** Pause between two reads of the concurrent reader. */
const READ_EVERY_MS = 25;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A plain `GET /api/products` over real HTTP, again and again, while `during` runs: the latency a
 * user's list page sees. Real sockets, not inject: the server's event loop and its database
 * connection are what is measured.
 */
async function readWhile(base: string, cookie: string, during: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  const reader = (async () => {
    while (!done) {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/products?pageSize=20`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`read failed: ${response.status}`);
      latencies.push(performance.now() - t0);
      await sleep(READ_EVERY_MS);
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await reader;
  }
  return latencies;
}

/** Worst and p99 latency of a plain product read while a 20,000-row product import commits, beside the same reads at rest. */
async function benchEngine(engine: 'PGlite' | 'PostgreSQL', databaseUrl: string | undefined): Promise<string[]> {
  const bench = await startBenchApp(databaseUrl, 'ocop-bench-import');
  const { app, database } = bench;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: BENCH_OFFICER.login, password: BENCH_OFFICER.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;

    await insertRegistryBenchData(database.db, { products: 5_000, producers: 2_000, seed: 5 });
    const producers = await queryRows<{ registration_number: string }>(
      database.db,
      sql`select registration_number from producers where province_code = '14' order by registration_number limit 500`,
    );
    const workbook = await buildProductsWorkbook({
      rows: IMPORT_ROWS,
      producerRegistrationNumbers: producers.map((p) => p.registration_number),
      seed: 9,
    });

    const atRest = await readWhile(base, cookie, () => sleep(3_000));
    let status = '?';
    let importMs = 0;
    const during = await readWhile(base, cookie, async () => {
      const form = multipart({
        file: {
          filename: 'san-pham.xlsx',
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: workbook,
        },
      });
      const t0 = performance.now();
      const started = await fetch(`${base}/api/imports/products?mode=commit&provinceCode=14`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, ...form.headers },
        body: form.body,
      });
      const { id } = (await started.json()) as { id: string };
      for (;;) {
        const job = (await (await fetch(`${base}/api/imports/${id}`, { headers: { cookie } })).json()) as { status: string };
        status = job.status;
        if (status !== 'queued' && status !== 'running') break;
        await sleep(200);
      }
      importMs = performance.now() - t0;
    });
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from products`);
    const rest50 = percentile(atRest, 50);
    const worst = Math.max(...during);
    return [
      `${engine}: GET /api/products at rest (${atRest.length} reads): p50 ${rest50.toFixed(1)} ms, worst ${Math.max(...atRest).toFixed(1)} ms`,
      `${engine}: the same read during a ${IMPORT_ROWS.toLocaleString('en')}-row product import commit (${(importMs / 1000).toFixed(1)} s, ${status}, ${count?.n.toLocaleString('en')} products after; ${during.length} reads): p50 ${percentile(during, 50).toFixed(1)} ms, p99 ${percentile(during, 99).toFixed(1)} ms, worst ${worst.toFixed(0)} ms = ${(worst / rest50).toFixed(1)}× the p50 at rest`,
    ];
  } finally {
    await bench.close();
  }
}

export async function benchImportLatency(options: { postgresUrl: string | undefined }): Promise<string[]> {
  return onBothEngines(options.postgresUrl, 'ocop_bench_import', benchEngine);
}

// Run alone: `npm exec -- tsx bench/import-latency.bench.ts` (npm run bench runs it with the rest).
if (process.argv[1]?.endsWith('import-latency.bench.ts')) {
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  for (const line of await benchImportLatency({ postgresUrl: process.env.BENCH_NO_POSTGRES ? undefined : postgresUrl }))
    console.log(`- ${line}`);
}
