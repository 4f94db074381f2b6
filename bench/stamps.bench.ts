import { randomInt } from 'node:crypto';
import { SESSION_COOKIE } from '../apps/server/src/platform/http/access';
import { BENCH_OFFICER, onBothEngines, startBenchApp } from './bench-app';

type App = Awaited<ReturnType<typeof startBenchApp>>;
type Session = { cookie: string; csrf: string };

const MB = 2 ** 20;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function login(bench: App): Promise<Session> {
  const response = await bench.app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...BENCH_OFFICER } });
  if (response.statusCode !== 200) throw new Error(`login: ${response.body}`);
  return {
    cookie: response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    csrf: (response.json() as { csrfToken: string }).csrfToken,
  };
}

async function call(bench: App, session: Session, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await bench.app.inject({
    method,
    url,
    headers: { cookie: `${SESSION_COOKIE}=${session.cookie}`, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response;
}

/** Runs `work` while sampling the resident set and the heap every 5 ms. */
async function measured<T>(work: () => Promise<T>) {
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const start = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - start, peakRss, peakHeap };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Issuing an order of `count` stamps (one durable job, batches of 5,000, each its own transaction)
 * on PGlite and PostgreSQL: time, stamps/s, peak RSS and heap over the process's at start; then the
 * print PDF of 10,000 of them on the A4 65-label sheet (time, size). `STAMPS_BENCH_COUNT` overrides
 * the size for a quick run.
 */
export async function benchStamps(options: { postgresUrl: string | undefined }): Promise<string[]> {
  const count = Number(process.env.STAMPS_BENCH_COUNT ?? 1_000_000);
  const n = count.toLocaleString('en');
  return onBothEngines(options.postgresUrl, 'ocop_bench_stamps', async (engine, databaseUrl) => {
    const bench = await startBenchApp(databaseUrl, 'ocop-bench-stamps');
    try {
      await bench.jobs.stop(); // the bench settles the job itself, so the timing covers exactly its run
      const officer = await login(bench);
      const producer = (
        await call(bench, officer, 'POST', '/api/producers', {
          type: 'cooperative',
          name: `HTX tem ${randomInt(1e9)}`,
          registrationNumber: `55${String(randomInt(0, 1e8)).padStart(8, '0')}`,
          communeCode: '03868',
          address: 'Bản Tà Xùa',
        })
      ).json() as { id: string };
      const sets = await bench.modules.registry.classification.listSets({});
      const productSetId = sets.items.find((item) => item.code === '1.5.1')?.id;
      const product = (
        await call(bench, officer, 'POST', '/api/products', { producerId: producer.id, productSetId, nameVi: 'Chè tem bench' })
      ).json() as {
        id: string;
      };
      const order = (
        await call(bench, officer, 'POST', '/api/traceability/stamp-orders', { productId: product.id, quantity: count })
      ).json() as { id: string };
      global.gc?.();
      const before = process.memoryUsage();
      const issued = await measured(() => bench.jobs.settle());
      const view = (await call(bench, officer, 'GET', `/api/traceability/stamp-orders/${order.id}`)).json() as {
        state: string;
        issuedCount: number;
      };
      const lines = [
        `${engine}: issuing ${n} stamps (one job, batches of 5,000): ${seconds(issued.ms)}, ${Math.round(count / (issued.ms / 1000)).toLocaleString('en')} stamps/s, ` +
          `order ${view.state} with ${view.issuedCount.toLocaleString('en')}; peak RSS ${Math.round(issued.peakRss / MB)} MB ` +
          `(+${Math.round((issued.peakRss - before.rss) / MB)} MB), peak heap ${Math.round(issued.peakHeap / MB)} MB (+${Math.round((issued.peakHeap - before.heapUsed) / MB)} MB)`,
      ];
      const printed = Math.min(10_000, count);
      const sheet = await measured(() =>
        call(bench, officer, 'GET', `/api/traceability/stamp-orders/${order.id}/sheet.pdf?layout=a4-65&from=1&to=${printed}`),
      );
      lines.push(
        `${engine}: print sheet of ${printed.toLocaleString('en')} stamps (A4, 65 labels a page, vector QR): ${seconds(sheet.ms)}, ` +
          `${(sheet.result.rawPayload.length / MB).toFixed(1)} MB, peak RSS ${Math.round(sheet.peakRss / MB)} MB`,
      );
      return lines;
    } finally {
      await bench.close();
    }
  });
}
