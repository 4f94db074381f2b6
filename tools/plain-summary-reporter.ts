import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints "N passed, N failed" as the last line of the run: CI reads that plain line, and a run
 * that executed no test shows "0 passed" instead of passing silently.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++; // a file that crashed before its tests
    }
    failed += unhandledErrors.length; // a set-up that crashed counts as a failure, never as a clean run
    const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
    process.stdout.write(`\n${engine}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
