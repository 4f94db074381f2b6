// Bundles our own workspace code into dist/ (options shared with the process tests: bundle-options.mjs).
import { build } from 'esbuild';
import { serverBundleOptions } from './bundle-options.mjs';

await build(serverBundleOptions({ main: 'src/main.ts', cli: 'src/cli.ts' }, 'dist'));
