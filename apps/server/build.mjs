// Bundles our own workspace code into dist/; node_modules stay external because PGlite, sharp
// and argon2 load their WASM and native files from their own package folders.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !name.startsWith('@ocop/'));

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  sourcemap: true,
  external: [...external, 'pino-pretty'],
  banner: { js: "import { createRequire as __ocopRequire } from 'node:module'; const require = __ocopRequire(import.meta.url);" },
  logLevel: 'warning',
});
