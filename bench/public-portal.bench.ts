import { catalogueQuery } from '@ocop/contracts/catalogue';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { catalogueSourcesPort } from '../apps/server/src/catalogue-ports';
import { insertCatalogueBenchData } from '../apps/server/src/bench-support/catalogue-bench-data';
import { producerPath } from '../apps/server/src/modules/catalogue/producers/producer-index';
import { startBenchApp, withScratchPostgres } from './bench-app';
import { activatedStampsIn, bareServerScript, combined, cpuFigure, type Figure, load, ratioTo } from './scan.bench';
import { startServer } from './server-process';

const PRODUCTS = 20_000;
/** Turns the bare hello and the product page take (as scan.bench.ts does). */
const ROUNDS = 3;
/** Product pages the load walks through (each connection takes the next): not one hot page. */
const LOADED_PAGES = 2_000;
/** The compressed budget of a public page before images (issue 15, part 8). */
const PAGE_BUDGET_GZIP = 30 * 1024;

/** What people type on a phone: no diacritics, joined or split syllables, other orders, one-letter typos, filters alone. */
const SEARCHES = [
  'q=ruou tao meo bac yen',
  'q=taomeo',
  'q=bac yen ruou',
  'q=ruuo tao meo',
  'q=che shan tuyte',
  'q=mat ong hao ban',
  'q=caphe arabica moc chau',
  'q=hop tac xa ta xua',
  'stars=5&group=1',
  'place=moc chau&sort=stars',
] as const;

type PageFacts = { productSlug: string; producerPath: string; certificateNumber: string; stampSerial: string };

/**
 * Every public page whose bytes are printed, one line each (pages other parts add, such as
 * `/chu-the/:slug`, `/diem-ban` or `/tin-tuc`, are one more line here). `data`: a download, not a
 * page, so the page budget does not apply.
 */
export const PUBLIC_PAGES: { label: string; path: (facts: PageFacts) => string; data?: true }[] = [
  { label: 'catalogue /san-pham (first page of 20)', path: () => '/san-pham' },
  { label: 'catalogue search /san-pham?q=ruou+tao+meo', path: () => '/san-pham?q=ruou+tao+meo' },
  { label: 'product page /san-pham/:slug', path: (f) => `/san-pham/${encodeURIComponent(f.productSlug)}` },
  { label: 'producer page /chu-the/:slug', path: (f) => f.producerPath },
  { label: 'sales points and map /diem-ban (no point registered in the bench data)', path: () => '/diem-ban' },
  { label: 'news /tin-tuc (none published in the bench data)', path: () => '/tin-tuc' },
  { label: 'legal texts /van-ban (none published in the bench data)', path: () => '/van-ban' },
  { label: 'verification /c/:number', path: (f) => `/c/${encodeURIComponent(f.certificateNumber)}` },
  { label: 'scan page /s/:serial', path: (f) => `/s/${f.stampSerial}` },
  { label: 'about /about', path: () => '/about' },
  { label: 'robots.txt', path: () => '/robots.txt' },
  { label: `open data JSON (${PRODUCTS.toLocaleString('en')} products)`, path: () => '/du-lieu-mo/san-pham-ocop.json', data: true },
  { label: `open data CSV (${PRODUCTS.toLocaleString('en')} products)`, path: () => '/du-lieu-mo/san-pham-ocop.csv', data: true },
  { label: 'sitemap.xml', path: () => '/sitemap.xml', data: true },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (n: number) => n.toFixed(2);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

type BenchApp = Awaited<ReturnType<typeof startBenchApp>>;

/** 20,000 certified products seeded with SQL; the snapshot built from the database; search through the service and HTTP. */
async function catalogueFigures(engine: string, bench: BenchApp): Promise<string[]> {
  const seeded = await insertCatalogueBenchData(bench.database.db, { products: PRODUCTS, today: new Date().toISOString().slice(0, 10) });
  const { catalogue } = bench.modules.catalogue;
  const everything = catalogueQuery.parse({});
  const builds: number[] = [];
  // The longest the event loop waited during each rebuild (10 ms resolution): the build runs in slices.
  const stalls: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 10 });
  for (let i = 0; i < 3; i++) {
    catalogue.invalidate();
    delay.reset();
    delay.enable();
    const started = performance.now();
    await catalogue.search(everything);
    builds.push(performance.now() - started);
    delay.disable();
    stalls.push(delay.max / 1e6);
  }
  builds.sort((a, b) => a - b);
  stalls.sort((a, b) => a - b);
  // What a refresh costs when nothing changed: the sources' change token, one query.
  const { registry, certification, geography } = bench.modules;
  const changeToken = catalogueSourcesPort({ registry, certification, geography }).changeToken;
  const tokens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await changeToken();
    tokens.push(performance.now() - started);
  }
  tokens.sort((a, b) => a - b);
  const total = (await catalogue.search(everything)).total;

  const service: number[] = [];
  const http: number[] = [];
  const html: number[] = [];
  let hits = 0;
  for (let round = 0; round < 20; round++) {
    for (const search of SEARCHES) {
      const query = catalogueQuery.parse(Object.fromEntries(new URLSearchParams(search)));
      let started = performance.now();
      hits += (await catalogue.search(query)).total;
      service.push(performance.now() - started);
      const encoded = new URLSearchParams(search).toString();
      started = performance.now();
      const api = await bench.app.inject({ method: 'GET', url: `/api/public/catalogue?${encoded}` });
      http.push(performance.now() - started);
      started = performance.now();
      const page = await bench.app.inject({ method: 'GET', url: `/san-pham?${encoded}` });
      html.push(performance.now() - started);
      if (api.statusCode !== 200 || page.statusCode !== 200) throw new Error(`search ${search}: ${api.statusCode}/${page.statusCode}`);
    }
  }
  for (const list of [service, http, html]) list.sort((a, b) => a - b);
  const figure = (list: number[]) => `p50 ${ms(percentile(list, 0.5))} ms / p95 ${ms(percentile(list, 0.95))} ms`;
  return [
    `${engine}: ${seeded.products.toLocaleString('en')} products and ${seeded.certificates.toLocaleString('en')} certificates seeded with SQL in ${(seeded.ms / 1000).toFixed(1)} s; ${total.toLocaleString('en')} in the catalogue`,
    `${engine}: catalogue snapshot built from the database in ${Math.round(builds[1] ?? 0).toLocaleString('en')} ms` +
      ` (median of 3; min ${Math.round(builds[0] ?? 0)}, max ${Math.round(builds[2] ?? 0)}), ` +
      `longest event-loop stall during a rebuild ${Math.round(stalls[2] ?? 0)} ms (worst of 3); unchanged sources: change token in ${ms(tokens[2] ?? 0)} ms (median of 5), no rebuild`,
    `${engine}: search, ${SEARCHES.length} typed queries × 20 (${Math.round(hits / service.length)} hits a query on average): service ${figure(service)}; ` +
      `GET /api/public/catalogue (inject) ${figure(http)}; GET /san-pham HTML (inject) ${figure(html)}`,
  ];
}

/** The bytes of every public page (raw and gzip) from the built server, against the 30 KB budget. */
async function pageBytes(baseUrl: string, facts: PageFacts): Promise<string[]> {
  const lines: string[] = [];
  for (const page of PUBLIC_PAGES) {
    const response = await fetch(`${baseUrl}${page.path(facts)}`);
    const body = Buffer.from(await response.arrayBuffer());
    const gzip = gzipSync(body).length;
    const verdict = page.data ? 'data, no page budget' : gzip <= PAGE_BUDGET_GZIP ? 'within the 30 KB budget' : 'OVER the 30 KB budget';
    lines.push(
      `${page.label}: ${response.status}, ${body.length.toLocaleString('en')} bytes, ${gzip.toLocaleString('en')} gzip (${kb(gzip)}; ${verdict})`,
    );
  }
  return lines;
}

/**
 * The catalogue at 20,000 certified products on both engines (PGlite, then a scratch PostgreSQL
 * database dropped after), the bytes of every public page, and the product page's requests per
 * second over real HTTP beside a bare node:http hello, taking turns (PostgreSQL, built server: run
 * `npm run build` first).
 */
export async function benchPublicPortal(options: { seconds: number; postgresUrl: string | undefined }): Promise<string[]> {
  const lines: string[] = [];
  const pglite = await startBenchApp(undefined, 'ocop-bench-portal');
  try {
    lines.push(...(await catalogueFigures('PGlite', pglite)));
  } finally {
    await pglite.close();
  }
  if (!options.postgresUrl) return [...lines, '(PostgreSQL not reachable: PostgreSQL, page bytes and product page figures skipped)'];
  const postgresUrl = options.postgresUrl;
  await withScratchPostgres(postgresUrl, 'ocop_bench_portal', async (databaseUrl) => {
    const bench = await startBenchApp(databaseUrl, 'ocop-bench-portal');
    let facts: PageFacts;
    let slugs: string[];
    try {
      lines.push(...(await catalogueFigures('PostgreSQL', bench)));
      const all = await bench.modules.catalogue.catalogue.all();
      slugs = all.slice(0, LOADED_PAGES).map((product) => product.slug);
      const [serial] = await activatedStampsIn(bench, 10);
      facts = {
        productSlug: slugs[0] ?? '',
        producerPath: all[0] ? producerPath(all[0].producer) : '/chu-the/none',
        certificateNumber: all[0]?.certificateNumber ?? '',
        stampSerial: serial ?? '',
      };
    } finally {
      await bench.close();
    }
    lines.push(...(await serverFigures(databaseUrl, facts, slugs, options.seconds)));
  });
  return lines;
}

const BARE_PORT = 3853;

/** Page bytes and the product page under load from the built server on PostgreSQL, beside a bare hello. */
async function serverFigures(databaseUrl: string, facts: PageFacts, slugs: readonly string[], seconds: number): Promise<string[]> {
  const lines: string[] = [];
  const bare = spawn(process.execPath, ['-e', bareServerScript(BARE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => bare.stdout?.once('data', () => resolve()));
  const server = await startServer({ DATABASE_URL: databaseUrl, SEED_DEMO: 'never' }, 3854);
  try {
    const started = performance.now();
    const first = await fetch(`${server.url}/san-pham`);
    await first.arrayBuffer();
    lines.push(
      `built server: ready in ${Math.round(server.readyMs)} ms; first /san-pham (builds the snapshot of 20,000) in ${Math.round(performance.now() - started)} ms`,
    );
    lines.push(...(await pageBytes(server.url, facts)));
    const paths = slugs.map((slug) => `/san-pham/${encodeURIComponent(slug)}`);
    await load(server.url, paths, 1, 'warm-up');
    const roundSeconds = Math.max(1, Math.round(seconds / 2));
    const bareRounds: Figure[] = [];
    const pageRounds: Figure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(`http://127.0.0.1:${BARE_PORT}`, ['/'], roundSeconds, 'bare node:http hello', bare.pid));
      pageRounds.push(await load(server.url, paths, roundSeconds, 'product page', server.child.pid));
    }
    const figures = [
      combined(bareRounds, 'bare node:http hello'),
      combined(pageRounds, `GET /san-pham/:slug (${paths.length.toLocaleString('en')} pages in turn)`),
    ];
    for (const f of figures)
      lines.push(
        `${f.label}: ${Math.round(f.rps).toLocaleString('en')} req/s = ${ratioTo(f, figures[0])}× bare (p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.non2xx}, errors ${f.errors}; ` +
          `CPU µs per request: server ${cpuFigure(f.cpu?.server)}, PostgreSQL ${cpuFigure(f.cpu?.postgres)}, load generator ${cpuFigure(f.cpu?.generator)})`,
      );
  } finally {
    await server.stop();
    bare.kill();
  }
  return lines;
}

// Run alone: `npx tsx bench/public-portal.bench.ts` (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const line of await benchPublicPortal({ seconds, postgresUrl })) console.log(`- ${line}`);
}
