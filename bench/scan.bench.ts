import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { stampCheckSymbol } from '@ocop/domain/traceability';
import pg from 'pg';
import { SESSION_COOKIE } from '../apps/server/src/platform/http/access';
import { BENCH_OFFICER, startBenchApp, withScratchPostgres } from './bench-app';
import { startServer } from './server-process';

const BARE_PORT = 3833;
/** A bare node:http hello listening on `port` (run with `node -e`): the baseline of every HTTP figure. */
export const bareServerScript = (port: number) =>
  `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/plain' }); s.end('hello'); }).listen(${port}, '127.0.0.1', () => console.log('up'));`;
const BARE_SERVER = bareServerScript(BARE_PORT);
/**
 * Stamps the load cycles through (each connection walks the list): consumers scan many stamps a few
 * times each, so most scans cost no suspicion query; a serial scanned past the thresholds does.
 */
const STAMPS = 4_000;
/** Turns the bare hello and a scan page load take, each half of the configured seconds. */
const ROUNDS = 3;

export type Figure = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** CPU microseconds per answered request: the server process, every PostgreSQL process, this (load-generating) process. */
  cpu: { server: number; postgres: number; generator: number } | null;
};

const TICK_US = 1_000_000 / 100; // USER_HZ is 100 on Linux

/** CPU time (µs) of a process from /proc, or 0 where it cannot be read. */
function processCpuUs(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return 0;
  }
}

/** CPU time (µs) of every process named postgres (the server's backends included). */
function postgresCpuUs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += processCpuUs(pid);
    } catch {
      // gone between the listing and the read
    }
  }
  return total;
}

export async function load(baseUrl: string, paths: readonly string[], seconds: number, label: string, serverPid?: number): Promise<Figure> {
  const before = { server: serverPid ? processCpuUs(serverPid) : 0, postgres: postgresCpuUs(), generator: process.cpuUsage() };
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: 50,
    duration: seconds,
    pipelining: 1,
    // One request whose path is set as it is sent, walking the list: autocannon pre-builds a list of
    // requests once per connection (50 × 4,000 builds would be the generator's main cost, taken from
    // the server's core); every load, the bare one included, pays the same per-request build.
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
  const answered = Math.max(1, result['2xx'] + result.non2xx);
  const generator = process.cpuUsage(before.generator);
  const cpu = {
    server: serverPid ? (processCpuUs(serverPid) - before.server) / answered : 0,
    postgres: (postgresCpuUs() - before.postgres) / answered,
    generator: (generator.user + generator.system) / answered,
  };
  return {
    cpu,
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Stamps of one order for a product with a lot, activated: what the load scans (set up in this process, then closed). */
async function givenActivatedStamps(databaseUrl: string): Promise<string[]> {
  const bench = await startBenchApp(databaseUrl, 'ocop-bench-scan');
  try {
    return await activatedStampsIn(bench, STAMPS);
  } finally {
    await bench.close();
  }
}

/** `count` activated stamps of a new product with a lot, made through the API of a running bench app. */
export async function activatedStampsIn(bench: Awaited<ReturnType<typeof startBenchApp>>, count: number): Promise<string[]> {
  const login = await bench.app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...BENCH_OFFICER } });
  const session = {
    cookie: login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    csrf: (login.json() as { csrfToken: string }).csrfToken,
  };
  const call = async (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
    const response = await bench.app.inject({
      method,
      url,
      headers: { cookie: `${SESSION_COOKIE}=${session.cookie}`, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown> & { id: string };
  };
  const producer = await call('POST', '/api/producers', {
    type: 'cooperative',
    name: `HTX quét tem ${randomInt(1e9)}`,
    registrationNumber: `55${String(randomInt(0, 1e8)).padStart(8, '0')}`,
    communeCode: '03868',
    address: 'Bản Tà Xùa',
  });
  const sets = await bench.modules.registry.classification.listSets({});
  const productSetId = sets.items.find((item) => item.code === '1.5.1')?.id;
  const product = await call('POST', '/api/products', { producerId: producer.id, productSetId, nameVi: 'Chè Shan tuyết Tà Xùa (bench)' });
  const lot = await call('POST', '/api/traceability/lots', {
    productId: product.id,
    lotCode: 'BENCH-01',
    producedOn: '2026-01-10',
    expiresOn: '2027-01-10',
    quantity: 500,
    unit: 'kg',
  });
  await call('POST', `/api/traceability/lots/${lot.id}/steps`, {
    kind: 'harvest',
    eventTime: '2026-01-10T07:00:00+07:00',
    quantity: 500,
    unit: 'kg',
  }).catch(() => undefined); // the journey is nicer with a step; the bench does not depend on the form's exact shape
  const order = await call('POST', '/api/traceability/stamp-orders', { productId: product.id, lotId: lot.id, quantity: count });
  await bench.jobs.settle();
  await call('POST', `/api/traceability/stamp-orders/${order.id}/activation`, { from: 1, to: count });
  const serials: string[] = [];
  while (serials.length < count) {
    const page = (await call(
      'GET',
      `/api/traceability/stamp-orders/${order.id}/stamps?pageSize=500&from=${serials.length + 1}`,
    )) as unknown as {
      items: { serial: string }[];
    };
    if (page.items.length === 0) break;
    serials.push(...page.items.map((item) => item.serial.replace(/-/g, '').slice(0, 20)));
  }
  return serials;
}

async function countScans(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('select count(*)::int as n from stamp_scans')).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * `GET /s/:serial` over real HTTP on PostgreSQL, every scan durably recorded before its reply,
 * beside a bare node:http hello in the same run, taking turns with it (50 connections each, one
 * request at a time each; CPU per request of the server, PostgreSQL and the load generator): the
 * group-commit writer (SCAN_BATCH_MAX=500) and the naive path (SCAN_BATCH_MAX=1: one INSERT and
 * one counter upsert per scan, still one request at a time per transaction). Rate limits are lifted
 * (all the load comes from one address). Needs `npm run build` (the built server).
 */
export async function benchScan(options: { seconds: number; postgresUrl: string | undefined }): Promise<string[]> {
  if (!options.postgresUrl) return ['(PostgreSQL not reachable: scan figures skipped)'];
  return withScratchPostgres(options.postgresUrl, 'ocop_bench_scan', async (databaseUrl) => {
    const serials = await givenActivatedStamps(databaseUrl);
    const paths = serials.map((serial) => `/s/${serial}`);
    const figures: Figure[] = [];

    const bare = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => bare.stdout?.once('data', () => resolve()));
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;

    const env = { DATABASE_URL: databaseUrl, SEED_DEMO: 'never', SCAN_RATE_BURST: '1000000', SCAN_RATE_PER_MINUTE: '1000000' };
    let pageBytes = 0;
    let gzipBytes = 0;
    let unknownLine = '';
    const before = await countScans(databaseUrl);
    let answered = 0;
    const roundSeconds = Math.max(1, Math.round(options.seconds / 2));
    try {
      const modes = [
        ['500', 'GET /s/:serial, group commit (≤ 500 scans per INSERT)'],
        ['1', 'GET /s/:serial, naive (one INSERT per scan)'],
      ] as const;
      // BENCH_SCAN_NAIVE=0 leaves the naive path out (its figure moves little; a profile wants the group commit alone).
      for (const [batchMax, label] of process.env.BENCH_SCAN_NAIVE === '0' ? modes.slice(0, 1) : modes) {
        const server = await startServer({ ...env, SCAN_BATCH_MAX: batchMax }, 3834);
        try {
          if (!pageBytes) {
            const body = await (await fetch(`${server.url}${paths[0]}`)).text();
            answered += 1;
            pageBytes = Buffer.byteLength(body);
            gzipBytes = gzipSync(body).length;
          }
          // Warm the page-facts cache and the connections before measuring.
          await load(server.url, paths, 1, 'warm-up').then((f) => {
            answered += f.ok;
          });
          // The bare hello and the scan page take turns, ROUNDS times: the machine is shared, and a
          // ratio of two loads minutes apart measured the neighbours as much as the code.
          const bareRounds: Figure[] = [];
          const pageRounds: Figure[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            bareRounds.push(await load(bareUrl, ['/'], roundSeconds, 'bare node:http hello', bare.pid));
            const figure = await load(server.url, paths, roundSeconds, label, server.child.pid);
            answered += figure.ok;
            pageRounds.push(figure);
          }
          figures.push(combined(bareRounds, `bare node:http hello (beside the ${batchMax === '1' ? 'naive path' : 'group commit'})`));
          figures.push(combined(pageRounds, label));
          if (!unknownLine) unknownLine = await unknownTimings(server.url, serials[0] ?? '');
        } finally {
          await server.stop();
        }
      }
    } finally {
      bare.kill();
    }
    const recorded = (await countScans(databaseUrl)) - before;
    const lines = figures.map(
      (f, i) =>
        `${f.label}: ${Math.round(f.rps).toLocaleString('en')} req/s = ${ratioTo(f, figures[i - (i % 2)])}× bare (p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors}; ` +
        `CPU µs per request: server ${cpuFigure(f.cpu?.server)}, PostgreSQL ${cpuFigure(f.cpu?.postgres)}, load generator ${cpuFigure(f.cpu?.generator)})`,
    );
    lines.push(`scan page: ${pageBytes.toLocaleString('en')} bytes, ${gzipBytes.toLocaleString('en')} bytes gzip (budget 14,336)`);
    const probes = unknownLine ? 900 : 0;
    lines.push(
      `durability: ${recorded.toLocaleString('en')} rows in stamp_scans ≥ ${answered.toLocaleString('en')} 2xx answers + ${probes} unknown-serial probes ` +
        `(every answered scan was committed first; the excess are requests still in flight when a load phase stopped counting)`,
    );
    if (unknownLine) lines.push(unknownLine);
    return lines;
  });
}

/** Rounds of one load as one figure: requests over the whole time, the middle round's latencies, CPU per request over all. */
export function combined(rounds: readonly Figure[], label: string): Figure {
  const total = (pick: (f: Figure) => number) => rounds.reduce((sum, f) => sum + pick(f), 0);
  const middle = (pick: (f: Figure) => number) => [...rounds.map(pick)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)] ?? 0;
  const answered = Math.max(
    1,
    total((f) => f.ok + f.non2xx),
  );
  const cpuTotal = (pick: (cpu: NonNullable<Figure['cpu']>) => number) =>
    total((f) => (f.cpu ? pick(f.cpu) * (f.ok + f.non2xx) : 0)) / answered;
  return {
    label,
    rps: total((f) => f.rps) / rounds.length,
    p50: middle((f) => f.p50),
    p99: middle((f) => f.p99),
    ok: total((f) => f.ok),
    non2xx: total((f) => f.non2xx),
    errors: total((f) => f.errors),
    cpu: { server: cpuTotal((c) => c.server), postgres: cpuTotal((c) => c.postgres), generator: cpuTotal((c) => c.generator) },
  };
}

export const ratioTo = (figure: Figure, base: Figure | undefined) => (base?.rps ? (figure.rps / base.rps).toFixed(2) : '?');

export const cpuFigure = (us: number | undefined) => (us === undefined ? '?' : Math.round(us).toLocaleString('en'));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Made-up serials of a valid shape against malformed ones (bad check character, bad shape), one at a time, interleaved. */
async function unknownTimings(baseUrl: string, real: string): Promise<string> {
  const madeUp: number[] = [];
  const badCheck: number[] = [];
  const badShape: number[] = [];
  const wrongCheck = `${real}${stampCheckSymbol(real) === '0' ? '1' : '0'}`;
  for (let i = 0; i < 300; i++) {
    const fake = `${'Z'.repeat(15)}${String(10_000 + i)}`.replace(/[ILOU]/g, 'Z');
    const triple = [
      [`/s/${fake}`, madeUp],
      [`/s/${wrongCheck}`, badCheck],
      [`/s/not-a-serial-${i}`, badShape],
    ] as const;
    // A different order each round, so being first (or last) in a round favours none.
    for (let k = 0; k < triple.length; k++) {
      const [path, times] = triple[(i + k) % triple.length] as (typeof triple)[number];
      const started = performance.now();
      await (await fetch(`${baseUrl}${path}`)).arrayBuffer();
      times.push(performance.now() - started);
    }
  }
  for (const list of [madeUp, badCheck, badShape]) list.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  return `unknown serials, 300 each, one connection: made-up p50 ${f(percentile(madeUp, 0.5))} ms / p90 ${f(percentile(madeUp, 0.9))}; bad check character p50 ${f(percentile(badCheck, 0.5))} / p90 ${f(percentile(badCheck, 0.9))}; bad shape p50 ${f(percentile(badShape, 0.5))} / p90 ${f(percentile(badShape, 0.9))} (all one lookup and one recorded scan)`;
}

// Run alone: `npx tsx bench/scan.bench.ts` (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const line of await benchScan({ seconds, postgresUrl })) console.log(`- ${line}`);
}
