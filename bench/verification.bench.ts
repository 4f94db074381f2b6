import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server-process';

const BARE_PORT = 3823;
const BARE_SERVER = `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/plain' }); s.end('hello'); }).listen(${BARE_PORT}, '127.0.0.1', () => console.log('up'));`;
const DEMO_OFFICER = { login: 'vanphong.sonla@ocop.demo', password: 'ocop-demo-2025' };

type Figure = { label: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; bytes: number };

async function load(url: string, seconds: number, label: string, headers: Record<string, string> = {}): Promise<Figure> {
  const result = await autocannon({ url, connections: 50, duration: seconds, pipelining: 1, headers });
  const body = await (await fetch(url, { headers })).arrayBuffer();
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: body.byteLength,
  };
}

/** A real certificate number of the demo data, read as the demo officer would. */
async function demoCertificateNumber(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_OFFICER),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = (await (await fetch(`${baseUrl}/api/certificates?pageSize=1`, { headers: { cookie } })).json()) as {
    items: { number: string }[];
  };
  const number = page.items[0]?.number;
  if (!number) throw new Error('the demo data has no certificate');
  return number;
}

/** Waits until the first start's background work (demo image variants, digests) is done: health answers fast again. */
async function settleJobs(baseUrl: string) {
  for (let calm = 0; calm < 10; ) {
    const started = performance.now();
    await fetch(`${baseUrl}/api/health`);
    calm = performance.now() - started < 20 ? calm + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * `GET /c/:number` over real HTTP beside a bare node:http hello in the same run: a real number (HTML
 * and JSON) and a made-up one, whose latencies should be alike (no enumeration by timing).
 */
export async function benchVerification(options: { seconds: number }): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-verify-'));
  const figures: Figure[] = [];
  let coldLine = '';
  try {
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => bare.stdout?.once('data', () => resolve()));
    figures.push(await load(`http://127.0.0.1:${BARE_PORT}/`, options.seconds, 'bare node:http hello'));
    bare.kill();

    // Prepare the data directory once (migrations, reference and demo data, their background jobs), then measure a second start.
    const first = await startServer({ DATA_DIR: dataDir }, 3825);
    await settleJobs(first.url);
    await first.stop();
    const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, 3824);
    try {
      const number = await demoCertificateNumber(server.url);
      const path = `/c/${number.split('/').map(encodeURIComponent).join('/')}`;
      figures.push(await load(`${server.url}${path}`, options.seconds, `GET /c/${number} (HTML)`));
      figures.push(await load(`${server.url}${path}`, options.seconds, `GET /c/${number} (JSON)`, { accept: 'application/json' }));
      figures.push(await load(`${server.url}/c/99999/GCN-OCOP-14-2026`, options.seconds, 'GET /c/99999/GCN-OCOP-14-2026 (made up: 404)'));
    } finally {
      await server.stop();
    }
    // Without the cache every answer is a lookup: real and made-up numbers, one at a time, interleaved.
    const cold = await startServer({ DATA_DIR: dataDir, VERIFY_CACHE_SECONDS: '0' }, 3826);
    try {
      const number = await demoCertificateNumber(cold.url);
      coldLine = await coldTimings(cold.url, number);
    } finally {
      await cold.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const bare = figures[0]?.rps ?? 0;
  const real = figures[1];
  const madeUp = figures[3];
  const lines = figures.map(
    (f) =>
      `${f.label}: ${Math.round(f.rps).toLocaleString('en')} req/s = ${bare ? (f.rps / bare).toFixed(2) : '?'}× bare (p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.bytes.toLocaleString('en')} bytes, non-2xx ${f.non2xx}, errors ${f.errors})`,
  );
  if (real && madeUp)
    lines.push(
      `made-up vs real number: p50 ${madeUp.p50} vs ${real.p50} ms, req/s ratio ${(madeUp.rps / real.rps).toFixed(2)} (near 1: the answer's timing does not tell whether a number exists)`,
    );
  if (coldLine) lines.push(coldLine);
  return lines;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** p50/p90 of uncached answers for the real number and for distinct made-up ones, interleaved on one connection. */
async function coldTimings(baseUrl: string, number: string): Promise<string> {
  const real: number[] = [];
  const madeUp: number[] = [];
  const path = `/c/${number.split('/').map(encodeURIComponent).join('/')}`;
  for (let i = 0; i < 400; i++) {
    const fake = `/c/${90_000 + i}/GCN-OCOP-14-2026`;
    for (const [target, times] of [
      [path, real],
      [fake, madeUp],
    ] as const) {
      const started = performance.now();
      await (await fetch(`${baseUrl}${target}`)).arrayBuffer();
      times.push(performance.now() - started);
    }
  }
  real.sort((a, b) => a - b);
  madeUp.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  return `uncached (VERIFY_CACHE_SECONDS=0), 400 each, one connection: real p50 ${f(percentile(real, 0.5))} ms / p90 ${f(percentile(real, 0.9))} ms; made-up p50 ${f(percentile(madeUp, 0.5))} ms / p90 ${f(percentile(madeUp, 0.9))} ms; ratio of p50 ${f(percentile(madeUp, 0.5) / percentile(real, 0.5))}`;
}
