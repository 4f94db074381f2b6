import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withScratchPostgres } from './bench-app';
import { startServer } from './server-process';

type Rps = { label: string; rps: number; p50: number; p99: number; errors: number };

async function load(url: string, seconds: number, label: string): Promise<Rps> {
  const result = await autocannon({ url, connections: 50, duration: seconds, pipelining: 1 });
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Start-up to ready on an empty and an existing data directory; /api/health on PostgreSQL (beside bare node:http: edge.bench.ts). */
export async function benchFoundation(options: { seconds: number; postgresUrl: string | undefined }) {
  const lines: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
  try {
    // `npm start` = `npm run build` (web + server bundles) then the server; the build is timed on its own.
    const buildStarted = performance.now();
    const built = spawnSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'ignore' });
    lines.push(`npm run build (the build half of npm start): ${Math.round(performance.now() - buildStarted)} ms (exit ${built.status})`);
    const empty = await startServer({ DATA_DIR: dataDir }, 3801);
    await empty.stop();
    const existing = await startServer({ DATA_DIR: dataDir }, 3802);
    lines.push(`start → ready, empty embedded data dir (migrations, 14,161 admin units, demo data): ${Math.round(empty.readyMs)} ms`);
    lines.push(`start → ready, existing embedded data dir: ${Math.round(existing.readyMs)} ms`);
    await existing.stop();
    const results: Rps[] = [];

    if (options.postgresUrl) {
      await withScratchPostgres(options.postgresUrl, 'ocop_bench', async (databaseUrl) => {
        const onPostgres = await startServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, 3804);
        lines.push(`start → ready, empty PostgreSQL database: ${Math.round(onPostgres.readyMs)} ms`);
        results.push(await load(`${onPostgres.url}/api/health`, options.seconds, 'GET /api/health, PostgreSQL'));
        await onPostgres.stop();
      });
    }
    for (const r of results) {
      lines.push(
        `${r.label}: ${Math.round(r.rps).toLocaleString('en')} req/s (p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}), ${options.seconds} s, 50 connections`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
