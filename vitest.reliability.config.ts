import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['apps/server/vitest.reliability.config.ts'],
    reporters: ['default', './tools/plain-summary-reporter.ts'],
  },
});
