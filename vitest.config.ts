import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/domain', 'packages/contracts', 'apps/server', 'apps/web', 'tools'],
    reporters: ['default', './tools/plain-summary-reporter.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on CI's two, which left one
    // core idle while the PGlite files (in-process WebAssembly, CPU-bound) ran one after the other.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
