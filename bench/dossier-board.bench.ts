import { insertDossierBenchData } from '../apps/server/src/bench-support/dossier-bench-data';
import { SESSION_COOKIE } from '../apps/server/src/platform/http/access';
import { BENCH_OFFICER, onBothEngines, startBenchApp } from './bench-app';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The secretariat's board at 2,000 dossiers of Sơn La over two rounds, read by a province officer
 * through HTTP (inject): the requests the screen makes (the round's first page, a state tab, a
 * search by product name, a far page), each `samples` times, interleaved with a bare GET /api/health
 * through the same app as the baseline, after a warm-up round. Sampling stops early after
 * `budgetMs` of measuring (the lines say how many samples were taken), so a slow machine still
 * finishes in bounded time.
 */
async function benchEngine(
  engine: 'PGlite' | 'PostgreSQL',
  databaseUrl: string | undefined,
  samples: number,
  budgetMs: number,
): Promise<string[]> {
  const bench = await startBenchApp(databaseUrl, 'ocop-bench-dossiers');
  const { app } = bench;
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: BENCH_OFFICER.login, password: BENCH_OFFICER.password },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
    const headers = { cookie: `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}` };
    const seeded = await insertDossierBenchData(bench.database.db, { dossiers: 2_000 });
    const round = seeded.openRoundId;
    const requests: { label: string; url: string }[] = [
      { label: 'round, first page of 50', url: `/api/evaluation/dossiers?roundId=${round}&page=1&pageSize=50` },
      { label: 'round, state=proposed', url: `/api/evaluation/dossiers?roundId=${round}&state=proposed&page=1&pageSize=50` },
      {
        label: 'round, state=submitted (15-day clock per row)',
        url: `/api/evaluation/dossiers?roundId=${round}&state=submitted&page=1&pageSize=50`,
      },
      { label: 'round, q=Mật ong', url: `/api/evaluation/dossiers?roundId=${round}&q=${encodeURIComponent('Mật ong')}&page=1&pageSize=50` },
      { label: 'round, page 20 of 50', url: `/api/evaluation/dossiers?roundId=${round}&page=20&pageSize=50` },
    ];
    const times = requests.map(() => [] as number[]);
    const health: number[] = [];
    const totals = requests.map(() => 0);
    let deadline = Number.POSITIVE_INFINITY;
    for (let sample = -2; sample < samples && (sample < 10 || performance.now() < deadline); sample++) {
      if (sample === 0) deadline = performance.now() + budgetMs;
      for (const [index, request] of requests.entries()) {
        const start = performance.now();
        const response = await app.inject({ method: 'GET', url: request.url, headers });
        const took = performance.now() - start;
        if (response.statusCode !== 200) throw new Error(`${request.url}: ${response.statusCode} ${response.body}`);
        if (sample < 0) {
          totals[index] = (response.json() as { total: number }).total;
          continue; // warm-up
        }
        times[index]?.push(took);
      }
      const start = performance.now();
      await app.inject({ method: 'GET', url: '/api/health' });
      if (sample >= 0) health.push(performance.now() - start);
    }
    const healthP50 = percentile(health, 50);
    return [
      `${engine}: ${seeded.dossiers.toLocaleString('en')} dossiers (2 rounds, ${seeded.products.toLocaleString('en')} products of ${seeded.producers.toLocaleString('en')} producers) inserted in ${(seeded.ms / 1000).toFixed(1)} s`,
      `${engine}: baseline GET /api/health (inject), ${health.length} samples: p50 ${ms(healthP50)}, p95 ${ms(percentile(health, 95))}`,
      ...requests.map((request, index) => {
        const values = times[index] ?? [];
        const p50 = percentile(values, 50);
        return `${engine}: GET /api/evaluation/dossiers ${request.label} (${totals[index]} matching), ${values.length} samples: p50 ${ms(p50)}, p95 ${ms(percentile(values, 95))} (${(p50 / healthP50).toFixed(1)}× health p50)`;
      }),
    ];
  } finally {
    await bench.close();
  }
}

export async function benchDossierBoard(options: {
  postgresUrl: string | undefined;
  samples?: number;
  budgetMs?: number;
}): Promise<string[]> {
  const samples = options.samples ?? 50;
  const budgetMs = options.budgetMs ?? 10_000;
  return onBothEngines(options.postgresUrl, 'ocop_bench_dossiers', (engine, url) => benchEngine(engine, url, samples, budgetMs));
}
