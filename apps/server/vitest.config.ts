import { configDefaults, defineProject } from 'vitest/config';
import { RELIABILITY_TESTS } from './reliability-tests';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...RELIABILITY_TESTS],
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
