import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One entry of Vite's build manifest (only the parts we read). */
export type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; src?: string };
export type Manifest = Record<string, ManifestChunk>;

/** What the login page and the home page may load before anything shows (issue 9 item 10). */
export const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

/** The routes whose first load the budget covers. */
export const FIRST_LOAD_ROUTES = ['login', 'home'] as const;

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The JS files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(key)) return into;
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

function gzipBytes(dist: string, manifest: Manifest, keys: Iterable<string>, cache: Map<string, number>): number {
  let total = 0;
  for (const key of keys) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) continue;
    let size = cache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
      cache.set(file, size);
    }
    total += size;
  }
  return total;
}

export type RouteBytes = { route: string; total: number; extra: number };

/**
 * Gzip bytes of the JavaScript each route needs, from the build manifest in `dist`: the entry's
 * static closure plus the route's lazy chunk and its static imports. Every route but login adds
 * the signed-in layout, which React loads before the page shows. Chunks fetched after the first
 * paint (dynamic imports: the phone drawer, the toasts' host, the error texts) do not count.
 */
export function routeBytes(dist: string, manifest: Manifest = readManifest(dist)): { entry: number; routes: RouteBytes[] } {
  const cache = new Map<string, number>();
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The manifest has no entry.');
  const entry = staticClosure(manifest, entryKey);
  const entryBytes = gzipBytes(dist, manifest, entry, cache);
  const layoutKey = Object.keys(manifest).find((key) => key.endsWith('src/components/layouts/app-layout.tsx'));

  const routes: RouteBytes[] = [];
  const routeFiles = Object.keys(manifest)
    .filter((key) => /src\/app\/routes\/.+\.tsx$/.test(key) && !key.endsWith('.test.tsx'))
    .sort();
  for (const key of routeFiles) {
    const needed = new Set(entry);
    if (!key.endsWith('routes/login.tsx') && layoutKey) staticClosure(manifest, layoutKey, needed);
    staticClosure(manifest, key, needed);
    const total = gzipBytes(dist, manifest, needed, cache);
    const route = key.replace(/^.*src\/app\/routes\//, '').replace(/\.tsx$/, '');
    routes.push({ route, total, extra: total - entryBytes });
  }
  for (const name of FIRST_LOAD_ROUTES) {
    if (!routes.some((r) => r.route === name)) throw new Error(`The manifest has no ${name} route chunk.`);
  }
  return { entry: entryBytes, routes };
}

/** The first-load routes over the budget, as lines to print; empty when all are within it. */
export function budgetFailures(routes: readonly RouteBytes[]): string[] {
  return routes
    .filter((r) => (FIRST_LOAD_ROUTES as readonly string[]).includes(r.route) && r.total > FIRST_LOAD_BUDGET_BYTES)
    .map((r) => `${r.route}: ${kb(r.total)} > ${kb(FIRST_LOAD_BUDGET_BYTES)}`);
}
