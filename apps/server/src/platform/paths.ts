import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package folder, found by walking up from this file, so paths to migrations and
 * reference data hold both when running from source (tsx) and from the bundle in dist/.
 */
function findServerRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'drizzle')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the server package folder (drizzle/ missing).');
    dir = parent;
  }
}

export const SERVER_ROOT = findServerRoot();
export const MIGRATIONS_FOLDER = join(SERVER_ROOT, 'drizzle');
export const REFERENCE_DATA_FOLDER = join(SERVER_ROOT, 'reference-data');
export const DEFAULT_WEB_DIST = join(SERVER_ROOT, '..', 'web', 'dist');
