import { describe, expect, it } from 'vitest';
import { classificationInForce, vietnamDate } from './classification';

const versions = [
  { code: 'qd1048-2019', effectiveFrom: '2019-08-21', effectiveTo: '2023-02-23' },
  { code: 'qd148-2023', effectiveFrom: '2023-02-24', effectiveTo: null },
];

describe('classificationInForce', () => {
  it.each([
    ['2021-06-01', 'qd1048-2019'],
    ['2023-02-23', 'qd1048-2019'],
    ['2023-02-24', 'qd148-2023'],
    ['2026-03-02', 'qd148-2023'],
    ['2018-01-01', undefined],
  ])('on %s is %s', (date, code) => {
    expect(classificationInForce(versions, date)?.code).toBe(code);
  });

  it('prefers the latest to start when two overlap', () => {
    const overlapping = [...versions, { code: 'qd26-2026', effectiveFrom: '2026-05-22', effectiveTo: null }];
    expect(classificationInForce(overlapping, '2026-06-01')?.code).toBe('qd26-2026');
  });
});

describe('vietnamDate', () => {
  it('turns at 17:00 UTC', () => {
    expect(vietnamDate(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(vietnamDate(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});
