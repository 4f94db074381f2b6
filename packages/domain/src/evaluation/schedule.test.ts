import { describe, expect, it } from 'vitest';
import type { Regime } from './regime';
import { addWorkingDays, communeClock, defaultRounds, reEvaluationFiling, roundForProposal, workingDaysBetween } from './schedule';
import { REGIME_26_2026, REGIME_1048_2019 } from './testdata/regimes';

// Tết 2027 (Đinh Mùi) as a province might enter it: Friday 5 to Wednesday 10 February.
const TET_2027 = ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'];

describe('rounds (Art. 5)', () => {
  it('gives the province two rounds a year: proposals by 30/4 decided by 30/6, by 30/10 decided by 30/12', () => {
    expect(defaultRounds(REGIME_26_2026, 2027, 'province')).toEqual([
      { year: 2027, ordinal: 1, level: 'province', proposalsBy: '2027-04-30', resultsBy: '2027-06-30' },
      { year: 2027, ordinal: 2, level: 'province', proposalsBy: '2027-10-30', resultsBy: '2027-12-30' },
    ]);
  });

  it('gives the ministry its rounds for 5★: by 30/1 → 30/3 and by 30/7 → 30/9', () => {
    expect(defaultRounds(REGIME_26_2026, 2027, 'ministry').map((round) => [round.proposalsBy, round.resultsBy])).toEqual([
      ['2027-01-30', '2027-03-30'],
      ['2027-07-30', '2027-09-30'],
    ]);
  });

  it.each([
    ['2027-01-15', '2027-04-30'],
    ['2027-04-30', '2027-04-30'],
    ['2027-05-01', '2027-10-30'],
    ['2027-11-02', '2028-04-30'],
  ])('a commune proposal of %s goes to the round whose proposals close on %s', (day, closes) => {
    expect(roundForProposal(REGIME_26_2026, day, 'province').proposalsBy).toBe(closes);
  });

  it('takes its numbers from the regime: a regime with other dates gives other rounds, one without refuses', () => {
    const other: Regime = {
      ...REGIME_26_2026,
      schedule: { communeAssessmentWorkingDays: 10, provinceRounds: [{ proposalsBy: '03-31', resultsBy: '05-31' }], ministryRounds: [] },
    };
    expect(defaultRounds(other, 2027, 'province')).toEqual([
      { year: 2027, ordinal: 1, level: 'province', proposalsBy: '2027-03-31', resultsBy: '2027-05-31' },
    ]);
    expect(() => defaultRounds(REGIME_1048_2019, 2021, 'province')).toThrow(
      expect.objectContaining({ code: 'evaluation.regime_without_schedule' }),
    );
  });
});

describe('working days (Art. 7.2: 15 working days from receipt)', () => {
  it.each([
    // received on a Monday: 15 working days end on the Monday three weeks on
    ['2027-03-01', 15, [], '2027-03-22'],
    // received on a Friday: the weekend does not count
    ['2027-03-05', 1, [], '2027-03-08'],
    // across Tết: the four days off are skipped
    ['2027-02-01', 5, TET_2027, '2027-02-12'],
    ['2027-03-01', 0, [], '2027-03-01'],
  ])('from %s, %i working days end on the day given (holidays %j)', (start, days, holidays, end) => {
    expect(addWorkingDays(start, days, holidays)).toBe(end);
  });

  it('counts the working days between two days, the two helpers agreeing', () => {
    expect(workingDaysBetween('2027-03-01', '2027-03-22')).toBe(15);
    expect(workingDaysBetween('2027-02-01', '2027-02-12', TET_2027)).toBe(5);
    expect(workingDaysBetween('2027-03-22', '2027-03-01')).toBe(0);
    for (let days = 0; days < 40; days++) {
      const end = addWorkingDays('2027-01-28', days, TET_2027);
      expect(workingDaysBetween('2027-01-28', end, TET_2027)).toBe(days);
    }
  });

  it('shows the commune officer what is left, and when it is overdue', () => {
    expect(communeClock(REGIME_26_2026, '2027-03-01', '2027-03-10')).toEqual({
      receivedOn: '2027-03-01',
      dueOn: '2027-03-22',
      allowed: 15,
      used: 7,
      remaining: 8,
      overdue: false,
    });
    expect(communeClock(REGIME_26_2026, '2027-03-01', '2027-03-23')).toMatchObject({ used: 16, remaining: 0, overdue: true });
  });

  it('bounds its input: a count beyond ten years, spans beyond ten years and huge holiday lists are refused', () => {
    expect(() => addWorkingDays('2027-01-01', 100_000)).toThrow(RangeError);
    expect(() => workingDaysBetween('2027-01-01', '2099-01-01')).toThrow(RangeError);
    expect(() =>
      addWorkingDays(
        '2027-01-01',
        1,
        Array.from({ length: 1_001 }, (_, i) => `h${i}`),
      ),
    ).toThrow(RangeError);
  });
});

describe('re-evaluation filing (Art. 7.6.a, Art. 12.3)', () => {
  const expires = '2029-06-14';
  it.each([
    ['2028-12-15', 'too_early', null],
    ['2028-12-16', 'in_time', null],
    ['2029-02-14', 'in_time', null],
    ['2029-02-15', 'late', '2029-12-11'],
    ['2029-06-14', 'late', '2029-12-11'],
    ['2029-06-15', 'lapsed', null],
  ])('filed on %s: %s', (filedOn, status, extended) => {
    const filing = reEvaluationFiling(REGIME_26_2026, expires, filedOn);
    expect(filing).toEqual({ status, window: { from: '2028-12-16', to: '2029-02-14' }, extendedAtMostTo: extended });
  });

  it('refuses a regime that states no window', () => {
    expect(() => reEvaluationFiling(REGIME_1048_2019, '2022-01-01', '2021-09-01')).toThrow(
      expect.objectContaining({ code: 'evaluation.regime_without_schedule' }),
    );
  });
});
