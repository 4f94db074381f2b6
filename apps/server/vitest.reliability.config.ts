import { defineProject } from 'vitest/config';
import { RELIABILITY_TESTS } from './reliability-tests';

export default defineProject({
  test: {
    name: 'reliability',
    include: RELIABILITY_TESTS,
    globalSetup: ['src/test-support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The bombs measure the event loop and memory of one process: one file at a time.
    fileParallelism: false,
  },
});
