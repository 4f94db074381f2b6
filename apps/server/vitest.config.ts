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
  },
});
