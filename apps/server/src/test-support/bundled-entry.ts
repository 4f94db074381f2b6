import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serverBundleOptions } from '../../bundle-options.mjs';

/**
 * Bundles one entry point (`src/cli.ts`, `src/main.ts`) into a scratch folder and returns the file to
 * run with plain `node`: a spawned `node --import tsx` transpiled the whole server again on every start
 * (seconds each, a dozen starts per test file). The bundle sits next to this package so that its bare
 * imports resolve from the workspace's node_modules as dist/ does.
 */
export async function bundledEntry(name: 'cli' | 'main'): Promise<{ file: string; dir: string }> {
  const dir = mkdtempSync(join(new URL('../..', import.meta.url).pathname, '.test-bundle-'));
  await build(serverBundleOptions({ [name]: `src/${name}.ts` }, dir));
  return { file: join(dir, `${name}.js`), dir };
}
