import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

/**
 * The pure domain tests read their own copies of the server's reference data (the domain does no
 * I/O and may not reach into the server); a copy that drifts would test other law than the server runs.
 */
describe('copies of the reference data', () => {
  it.each([
    ['apps/server/reference-data/evaluation/regimes.json', 'packages/domain/src/evaluation/testdata/regimes.json'],
    ['apps/server/reference-data/evaluation/ocop-26-2026.json', 'packages/domain/src/evaluation/testdata/ocop-26-2026.json'],
    ['apps/server/reference-data/evaluation/ocop-1048-781.json', 'packages/domain/src/evaluation/testdata/ocop-1048-781.json'],
    [
      'apps/server/reference-data/classification/qd1048-2019.json',
      'packages/domain/src/evaluation/testdata/classification-qd1048-2019.json',
    ],
  ])('%s equals %s', (original, copy) => {
    expect(read(copy).equals(read(original))).toBe(true);
  });
});
