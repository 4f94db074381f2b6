import { defineProject } from 'vitest/config';
import { TEST_WORKERS } from './test-workers';

export default defineProject({ test: { name: 'tools', maxWorkers: TEST_WORKERS, include: ['*.test.ts'], testTimeout: 60_000 } });
