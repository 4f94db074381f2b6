import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server-process';
import { budgetFailures, FIRST_LOAD_BUDGET_BYTES, FIRST_LOAD_ROUTES, kb, routeBytes } from './web-bundle-bytes';

const DIST = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const MANIFEST = join(DIST, '.vite/manifest.json');

/**
 * Time from navigation to a usable login form (its button drawn and enabled by React), on
 * Chromium throttled to a slow 3G phone line (1.6 Mbps down, 750 kbps up, 300 ms round trip)
 * with an empty cache.
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
      // A string, run in the page: the bench's tsconfig has no DOM types.
      await page.waitForFunction("document.querySelector('button[type=submit]')?.disabled === false", null, { timeout: 120_000 });
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
  const { entry, routes } = routeBytes(DIST);
  const lines = [`entry (index.html): ${kb(entry)} gzip JS`];
  for (const { route, total, extra } of routes) {
    const first = (FIRST_LOAD_ROUTES as readonly string[]).includes(route);
    const budget = first ? ` (budget ${kb(FIRST_LOAD_BUDGET_BYTES)}: ${total <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER'})` : '';
    lines.push(`route ${route}: ${kb(total)} gzip JS on a first visit, ${kb(extra)} beyond the entry${budget}`);
  }
  const failures = budgetFailures(routes);
  lines.push(failures.length === 0 ? 'first-load budget: login and home within it' : `FIRST-LOAD BUDGET EXCEEDED: ${failures.join('; ')}`);
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
