import { availableParallelism } from 'node:os';

/**
 * Test files run at once, for every Vitest project (they must agree: one scheduling group). Vitest's own
 * default is one fewer than the cores — a single worker on CI's two, which left a core idle while the
 * PGlite files (in-process WebAssembly, CPU-bound) ran one after the other.
 */
export const TEST_WORKERS = Math.max(2, availableParallelism() - 1);
