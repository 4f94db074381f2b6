import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server-process';

const BARE_PORT = 3813;
const BARE_SERVER = `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'application/json' }); s.end('{"status":"ok"}'); }).listen(${BARE_PORT}, '127.0.0.1', () => console.log('up'));`;

/** The lean public page measured beside health; the first page public modules copy. */
export const LEAN_PUBLIC_PATH = '/about';

type Figure = { label: string; rps: number; p50: number; p99: number; errors: number };

async function load(url: string, seconds: number, label: string): Promise<Figure> {
  const result = await autocannon({ url, connections: 50, duration: seconds, pipelining: 1 });
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * The edge in one run, side by side with a bare node:http hello in its own process: /api/health
 * with the default per-request info log and with LOG_LEVEL=warn, and the lean public page.
 * Each server is alone on the machine while it is loaded, so they compete with autocannon alike.
 */
export async function benchEdge(options: { seconds: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-edge-'));
  const figures: Figure[] = [];
  try {
    const bare = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => bare.stdout?.once('data', () => resolve()));
    figures.push(await load(`http://127.0.0.1:${BARE_PORT}/`, options.seconds, 'bare node:http hello'));
    bare.kill();

    // Prepare the data directory once (migrations, admin units, demo data) so every run below starts alike.
    await (await startServer({ DATA_DIR: dataDir }, 3814)).stop();

    const info = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, 3815);
    figures.push(await load(`${info.url}/api/health`, options.seconds, 'GET /api/health, LOG_LEVEL=info (default)'));
    const lean = await fetch(`${info.url}${LEAN_PUBLIC_PATH}`);
    if (lean.ok)
      figures.push(
        await load(`${info.url}${LEAN_PUBLIC_PATH}`, options.seconds, `GET ${LEAN_PUBLIC_PATH} (lean public page), LOG_LEVEL=info`),
      );
    await info.stop();

    const warn = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, 3816);
    figures.push(await load(`${warn.url}/api/health`, options.seconds, 'GET /api/health, LOG_LEVEL=warn'));
    await warn.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const bareRps = figures[0]?.rps ?? 0;
  return figures.map(
    (f) =>
      `${f.label}: ${Math.round(f.rps).toLocaleString('en')} req/s = ${bareRps ? (f.rps / bareRps).toFixed(2) : '?'}× bare (p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}), ${options.seconds} s, 50 connections`,
  );
}
