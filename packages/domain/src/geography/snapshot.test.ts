import { describe, expect, it } from 'vitest';
import { snapshotInForce } from './snapshot';

describe('snapshotInForce', () => {
  const snapshots = ['2025-07-01', '2025-03-01'];
  it.each([
    ['2019-12-24', '2025-03-01'],
    ['2025-03-01', '2025-03-01'],
    ['2025-06-30', '2025-03-01'],
    ['2025-07-01', '2025-07-01'],
    ['2026-11-29', '2025-07-01'],
  ])('on %s uses the %s map', (asOf, expected) => {
    expect(snapshotInForce(snapshots, asOf)).toBe(expected);
  });
});
