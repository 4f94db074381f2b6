import { defineProject } from 'vitest/config';
import { TEST_WORKERS } from '../../tools/test-workers';

export default defineProject({ test: { name: 'contracts', maxWorkers: TEST_WORKERS, include: ['src/**/*.test.ts'] } });
