import type { ImportJobView } from '@ocop/contracts/registry-files';
import { sql } from 'drizzle-orm';
import { buildProductsWorkbook } from '../apps/server/src/bench-support/import-bench';
import { insertRegistryBenchData } from '../apps/server/src/bench-support/registry-bench-data';
import { queryRows } from '../apps/server/src/platform/database/database';
import { multipart } from '../apps/server/src/test-support/file-fixtures';
import { BENCH_OFFICER, onBothEngines, startBenchApp } from './bench-app';

const SEARCHES = ['che shan tuyet', 'ca phe', 'mat ong', 'xoai', 'tra hoa', 'thao duoc', 'moc chau', 'gao', 'ruou', 'mang'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Import of a 20,000-product xlsx (dry run and commit) and product search at 20,000 products, on one engine. */
async function benchEngine(engine: 'PGlite' | 'PostgreSQL', databaseUrl: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  const bench = await startBenchApp(databaseUrl, 'ocop-bench-registry');
  const { app, database } = bench;
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: BENCH_OFFICER.login, password: BENCH_OFFICER.password },
    });
    const cookie = `ocop_session=${login.cookies.find((c) => c.name === 'ocop_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };

    // Search: the list endpoint with a diacritic-free query at 20,000 products with realistic names.
    const seeded = await insertRegistryBenchData(database.db, { products: 20_000, producers: 10_000, seed: 7 });
    lines.push(
      `${engine}: ${seeded.products.toLocaleString('en')} products of ${seeded.producers.toLocaleString('en')} producers inserted in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from products`);
    // One round first, reported apart: the first queries pay for cold caches and query planning.
    const cold: number[] = [];
    for (const q of SEARCHES) {
      const t0 = performance.now();
      await app.inject({ method: 'GET', url: `/api/products?q=${encodeURIComponent(q)}&pageSize=20`, headers });
      cold.push(performance.now() - t0);
    }
    const latencies: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const q of SEARCHES) {
        const t0 = performance.now();
        const response = await app.inject({ method: 'GET', url: `/api/products?q=${encodeURIComponent(q)}&pageSize=20`, headers });
        latencies.push(performance.now() - t0);
        if (response.statusCode !== 200) throw new Error(`search failed: ${response.body}`);
      }
      const t0 = performance.now();
      await app.inject({ method: 'GET', url: `/api/products?pageSize=20&page=${round + 1}`, headers });
      plain.push(performance.now() - t0);
    }
    lines.push(
      `${engine}: GET /api/products?q=… (diacritic-free, 10 queries × 20, page of 20) at ${count?.n.toLocaleString('en')} products, after a cold round (max ${Math.max(...cold).toFixed(0)} ms): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms; without q: p50 ${percentile(plain, 50).toFixed(1)} ms, p95 ${percentile(plain, 95).toFixed(1)} ms`,
    );
    // Import: producers exist first (as they would from the producer import); then 20,000 product rows.
    const producers = await queryRows<{ registration_number: string }>(
      database.db,
      sql`select registration_number from producers where province_code = '14' order by registration_number limit 500`,
    );
    const workbook = await buildProductsWorkbook({
      rows: 20_000,
      producerRegistrationNumbers: producers.map((p) => p.registration_number),
      pricesAsText: true,
      seed: 3,
    });
    lines.push(`${engine}: 20,000-row products xlsx for 500 existing producers: ${mb(workbook.length)}`);

    let peak = 0;
    const baseline = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const waitFor = async (id: string): Promise<ImportJobView> => {
      for (;;) {
        const job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json() as ImportJobView;
        if (job.status !== 'queued' && job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const body = multipart({
      file: {
        filename: 'san-pham-20000.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: workbook,
      },
    });
    let started = performance.now();
    const dry = await app.inject({
      method: 'POST',
      url: '/api/imports/products?mode=dry-run&provinceCode=14',
      headers: { ...headers, ...body.headers },
      payload: body.body,
    });
    const dryJob = await waitFor((dry.json() as ImportJobView).id);
    const dryMs = performance.now() - started;
    const dryPeak = peak;
    peak = 0;
    started = performance.now();
    const commit = await app.inject({ method: 'POST', url: `/api/imports/${dryJob.id}/commit`, headers });
    const committed = await waitFor((commit.json() as ImportJobView).id);
    const commitMs = performance.now() - started;
    clearInterval(sampler);
    lines.push(
      `${engine}: import dry run of 20,000 products: ${(dryMs / 1000).toFixed(1)} s (${dryJob.status}, ${dryJob.summary?.problemCount ?? '?'} problems), peak RSS ${mb(dryPeak)} (baseline ${mb(baseline)})`,
    );
    lines.push(
      `${engine}: import commit of 20,000 products (checks again, one transaction): ${(commitMs / 1000).toFixed(1)} s (${committed.status}, created ${committed.summary?.created ?? '?'}), peak RSS ${mb(peak)}`,
    );
  } finally {
    await bench.close();
  }
  return lines;
}

export async function benchRegistry(options: { postgresUrl: string | undefined }): Promise<string[]> {
  return onBothEngines(options.postgresUrl, 'ocop_bench_registry', benchEngine);
}
