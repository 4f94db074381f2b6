import { describe, expect, it } from 'vitest';
import { planStampBatch, type StampFacts, stampStep } from './stamp-state';

describe('the states of a stamp', () => {
  it.each([
    // state, lot held, action, lot asked, step
    ['issued', null, 'activate', null, { kind: 'change', state: 'activated', lotId: null }],
    ['issued', null, 'activate', 'L1', { kind: 'change', state: 'activated', lotId: 'L1' }],
    ['issued', 'L1', 'activate', null, { kind: 'change', state: 'activated', lotId: 'L1' }],
    ['issued', 'L1', 'activate', 'L2', { kind: 'refused', reason: 'other_lot' }],
    ['activated', null, 'activate', null, { kind: 'unchanged' }],
    ['activated', 'L1', 'activate', 'L1', { kind: 'unchanged' }],
    ['activated', null, 'activate', 'L1', { kind: 'change', state: 'activated', lotId: 'L1' }],
    ['activated', 'L1', 'activate', 'L2', { kind: 'refused', reason: 'other_lot' }],
    ['void', null, 'activate', null, { kind: 'refused', reason: 'void' }],
    ['issued', null, 'void', null, { kind: 'change', state: 'void', lotId: null }],
    ['activated', 'L1', 'void', null, { kind: 'change', state: 'void', lotId: 'L1' }],
    ['void', 'L1', 'void', null, { kind: 'unchanged' }],
  ] as const)('%s (lot %s), %s with lot %s → %j', (state, lotId, action, asked, step) => {
    expect(stampStep({ state, lotId }, action, asked)).toEqual(step);
  });

  it('plans a batch: counts changes and repeats, lists the first ten refusals by position', () => {
    const stamps: StampFacts[] = [
      { state: 'issued', lotId: null },
      { state: 'activated', lotId: null },
      ...Array.from({ length: 12 }, (): StampFacts => ({ state: 'void', lotId: null })),
      { state: 'issued', lotId: null },
    ];
    const plan = planStampBatch(stamps, 'activate');
    expect(plan.changed).toBe(2);
    expect(plan.unchanged).toBe(1);
    expect(plan.refused).toHaveLength(10);
    expect(plan.refused[0]).toEqual({ index: 2, reason: 'void' });
    expect(planStampBatch(stamps, 'void')).toEqual({ changed: 3, unchanged: 12, refused: [] });
  });
});
