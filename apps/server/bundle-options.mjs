// How the server's entry points are bundled: by build.mjs into dist/, and by the process tests
// (cli.process.test.ts, main.process.test.ts) into a scratch folder, so that each spawned process
// starts from one bundled file instead of transpiling the whole source tree with tsx again.
// node_modules stay external because PGlite, sharp and argon2 load their WASM and native files
// from their own package folders.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !name.startsWith('@ocop/'));

/** esbuild options for `entryPoints` (name → source file) written to `outdir`. */
export function serverBundleOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    // Absolute paths resolve from here whichever directory the caller runs in.
    absWorkingDir: new URL('.', import.meta.url).pathname,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    sourcemap: true,
    external: [...external, 'pino-pretty'],
    banner: { js: "import { createRequire as __ocopRequire } from 'node:module'; const require = __ocopRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}
