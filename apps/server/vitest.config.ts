import { configDefaults, defineProject } from 'vitest/config';
import { TEST_WORKERS } from '../../tools/test-workers';
import { RELIABILITY_TESTS } from './reliability-tests';

export default defineProject({
  test: {
    name: 'server',
    maxWorkers: TEST_WORKERS,
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...RELIABILITY_TESTS],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file builds its own app on its own database, and no test mocks a module, so the files of a
    // worker may share one module graph: re-importing the whole server for each of ~100 files was a
    // quarter of the pass's CPU.
    isolate: false,
  },
});
