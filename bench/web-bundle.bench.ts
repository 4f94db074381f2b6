import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from './server-process';

const DIST = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const MANIFEST = join(DIST, '.vite/manifest.json');

/** One entry of Vite's build manifest (only the parts we read). */
type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; src?: string };
type Manifest = Record<string, ManifestChunk>;

/** The routes whose first paint counts: what the login page and the home page need before anything shows. */
export const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The JS files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(key)) return into;
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

function gzipBytes(manifest: Manifest, keys: Iterable<string>, cache: Map<string, number>): number {
  let total = 0;
  for (const key of keys) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) continue;
    let size = cache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
      cache.set(file, size);
    }
    total += size;
  }
  return total;
}

export type RouteBytes = { route: string; total: number; extra: number };

/**
 * Gzip bytes of the JavaScript each route needs, from the build manifest: the entry's static
 * closure plus the route's lazy chunk and its static imports. The login and home figures add the
 * chunks React loads before either page shows (the layout of the signed-in pages for home).
 */
export function routeBytes(manifest: Manifest): { entry: number; routes: RouteBytes[] } {
  const cache = new Map<string, number>();
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The manifest has no entry.');
  const entry = staticClosure(manifest, entryKey);
  const entryBytes = gzipBytes(manifest, entry, cache);
  const routeKey = (name: string) => Object.keys(manifest).find((key) => key.endsWith(`src/app/routes/${name}.tsx`));
  const layoutKey = Object.keys(manifest).find((key) => key.endsWith('src/components/layouts/app-layout.tsx'));

  const routes: RouteBytes[] = [];
  const routeFiles = Object.keys(manifest)
    .filter((key) => /src\/app\/routes\/.+\.tsx$/.test(key) && !key.endsWith('.test.tsx'))
    .sort();
  for (const key of routeFiles) {
    const needed = new Set(entry);
    // Every page but the login one sits inside the signed-in layout.
    if (!key.endsWith('routes/login.tsx') && layoutKey) staticClosure(manifest, layoutKey, needed);
    staticClosure(manifest, key, needed);
    const total = gzipBytes(manifest, needed, cache);
    const route = key.replace(/^.*src\/app\/routes\//, '').replace(/\.tsx$/, '');
    routes.push({ route, total, extra: total - entryBytes });
  }
  if (!routeKey('login') || !routeKey('home')) throw new Error('The manifest has no login or home route chunk.');
  return { entry: entryBytes, routes };
}

/**
 * Time from navigation to a login form one can type into, on Chromium throttled to a slow 3G
 * phone line (1.6 Mbps down, 750 kbps up, 300 ms round trip) with an empty cache.
 */
async function throttledLoginMs(): Promise<number | string> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return `skipped (no Chromium at ${chromiumPath})`;
  const { chromium } = await import('playwright-core');
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-web-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, 4900 + Math.floor(Math.random() * 90));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  try {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 300,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      const started = performance.now();
      await page.goto(`${server.url}/login`, { waitUntil: 'commit' });
      await page.locator('#login').waitFor({ state: 'visible', timeout: 120_000 });
      runs.push(performance.now() - started);
      await context.close();
    }
    runs.sort((a, b) => a - b);
    return runs[1] ?? Number.NaN;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Figures of the built web app: bytes per route, and the login on a slow line. */
export async function benchWebBundle(): Promise<string[]> {
  if (!existsSync(MANIFEST)) return [`skipped: no ${MANIFEST} (run npm run build)`];
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const { entry, routes } = routeBytes(manifest);
  const lines = [`entry (index.html): ${kb(entry)} gzip JS`];
  for (const { route, total, extra } of routes) {
    const first = route === 'login' || route === 'home';
    const budget = first ? ` (budget ${kb(FIRST_LOAD_BUDGET_BYTES)}: ${total <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER'})` : '';
    lines.push(`route ${route}: ${kb(total)} gzip JS on a first visit, ${kb(extra)} beyond the entry${budget}`);
  }
  const login = await throttledLoginMs();
  lines.push(
    typeof login === 'number'
      ? `usable login on Chromium at 1.6 Mbps / 300 ms RTT, empty cache: ${(login / 1000).toFixed(2)} s (median of 3)`
      : `usable login on a throttled line: ${login}`,
  );
  return lines;
}

// `npx tsx bench/web-bundle.bench.ts` runs it alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await benchWebBundle()) console.log(`- ${line}`);
}
