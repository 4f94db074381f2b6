import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error';
import { averageSheets } from './average';
import { scoreSheet, unmetMinimaAt } from './score';
import { prepareSheet, worstAnswers } from './sheet';
import { group, leaf, singlePartSheet } from './test-sheets';

// 100 points: a group of two leaves (40 + 20) and a leaf of 40; minima 3★ on x1, 4★/5★ on y.
const { set, regime } = singlePartSheet([
  group('1', [
    leaf('1.1', [
      [0, null],
      [10, 3],
      [40, null],
    ]),
    leaf('1.2', [
      [0, null],
      [20, null],
    ]),
  ]),
  leaf('2', [
    [0, null],
    [10, null],
    [20, 4],
    [30, null],
    [40, 5],
  ]),
]);
const sheet = prepareSheet(set, regime);
const answer = (a: number, b: number, c: number) => ({ '1.1': `1.1/${a}`, '1.2': `1.2/${b}`, '2': `2/${c}` });

describe('scoreSheet', () => {
  it('adds up criteria, groups, parts and the sheet', () => {
    const score = scoreSheet(sheet, answer(3, 2, 4));
    expect(score.total).toBe(90);
    expect(score.parts).toEqual([{ code: 'A', total: 90, maxPoints: 100 }]);
    expect(Object.fromEntries(score.criteria)).toEqual({ '1': 60, '1.1': 40, '1.2': 20, '2': 30 });
    expect(score.unanswered).toEqual([]);
  });

  it.each([
    // answers, total, band, stars after minima
    [[3, 2, 5], 100, 5, 5],
    [[3, 2, 4], 90, 5, 4], // 5★ needs 40 on criterion 2
    [[3, 2, 2], 70, 4, 3], // 4★ needs 20 on criterion 2
    [[3, 2, 3], 80, 4, 4],
    [[2, 2, 5], 70, 4, 4],
    [[3, 1, 3], 60, 3, 3],
    [[1, 2, 3], 40, 2, 2], // 1.1 also misses the 3★ mark
    [[2, 2, 2], 40, 2, 2],
    [[3, 1, 1], 40, 2, 2],
    [[1, 1, 1], 0, 1, 1],
  ])('answers %j: total %d, band %d, %d stars', (choice, total, band, stars) => {
    const score = scoreSheet(sheet, answer(...(choice as [number, number, number])));
    expect([score.total, score.band, score.stars]).toEqual([total, band, stars]);
  });

  it('a level is reached only when the minima of the levels below are met too', () => {
    // 80 points, 4★ band and 4★ mark met, but the 3★ mark on 1.1 (10 points) is not: 2★.
    const score = scoreSheet(sheet, { '1.1': '1.1/1', '1.2': '1.2/2', '2': '2/5' });
    expect(score.total).toBe(60);
    expect(score.stars).toBe(2);
    const missing = (stars: number) => score.unmetMinima.find((level) => level.stars === stars)?.unmet.map((entry) => entry.criterionCode);
    expect(missing(3)).toEqual(['1.1']);
    expect(missing(4)).toEqual(['1.1']);
    expect(missing(5)).toEqual(['1.1']);
  });

  it('lists each unmet minimum with the chosen and the required option, the lower level’s mark binding higher ones', () => {
    const unmet = unmetMinimaAt(sheet, answer(1, 2, 2), 5);
    expect(unmet).toEqual([
      {
        criterionCode: '1.1',
        label: 'Tiêu chí 1.1',
        chosenOptionId: '1.1/1',
        chosenPoints: 0,
        requiredOptionId: '1.1/2',
        requiredPoints: 10,
        markedForStars: 3,
      },
      {
        criterionCode: '2',
        label: 'Tiêu chí 2',
        chosenOptionId: '2/2',
        chosenPoints: 10,
        requiredOptionId: '2/5',
        requiredPoints: 40,
        markedForStars: 5,
      },
    ]);
  });

  it('an unanswered criterion scores 0 and meets no minimum', () => {
    const score = scoreSheet(sheet, { '1.2': '1.2/2', '2': '2/5' });
    expect(score.total).toBe(60);
    expect(score.unanswered).toEqual(['1.1']);
    expect(score.stars).toBe(2);
  });

  it('a disqualifying condition takes the dossier out whatever its points', () => {
    const score = scoreSheet(sheet, answer(3, 2, 5), ['D1']);
    expect(score.total).toBe(100);
    expect(score.stars).toBeNull();
    expect(score.disqualified.map((condition) => condition.id)).toEqual(['D1']);
  });

  it('refuses an unknown criterion and an option of another criterion', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isDomainError(error) ? [error.code, error.details] : error;
      }
      return null;
    };
    expect(codeOf(() => scoreSheet(sheet, { '9': '9/1' }))).toEqual(['evaluation.unknown_criterion', { criterionCode: '9' }]);
    expect(codeOf(() => scoreSheet(sheet, { '1.1': '2/1' }))).toEqual([
      'evaluation.option_not_of_criterion',
      { criterionCode: '1.1', optionId: '2/1' },
    ]);
  });

  it('adds points in hundredths, so decimals do not drift', () => {
    const decimals = singlePartSheet([leaf('1', [[0.1, null]]), leaf('2', [[0.2, null]])]);
    const score = scoreSheet(prepareSheet(decimals.set, decimals.regime), { '1': '1/1', '2': '2/1' });
    expect(score.total).toBe(0.3);
  });

  it('the worst answers pick each criterion’s lowest option', () => {
    expect(worstAnswers(sheet)).toEqual(answer(1, 1, 1));
  });
});

describe('averageSheets', () => {
  it.each([
    [[70, 72, 75], 72.33, []],
    [[70, 70, 70, 70, 90], 74, ['m5']],
    [[60.5, 61.25], 60.88, []],
    [[50, 71], 60.5, ['m1', 'm2']],
  ])('totals %j: mean %d, flagged %j', (totals, mean, flagged) => {
    const result = averageSheets(totals.map((total, index) => ({ memberId: `m${index + 1}`, total })));
    expect(result?.mean).toBe(mean);
    expect(result?.outliers.map((outlier) => outlier.memberId)).toEqual(flagged);
  });

  it('a member exactly at the spread is not flagged; the spread is configurable', () => {
    const members = [
      { memberId: 'a', total: 60 },
      { memberId: 'b', total: 80 },
    ];
    expect(averageSheets(members)?.outliers).toEqual([]);
    expect(averageSheets(members, 5)?.outliers).toEqual([
      { memberId: 'a', total: 60, deviation: -10 },
      { memberId: 'b', total: 80, deviation: 10 },
    ]);
    expect(averageSheets([])).toBeNull();
  });
});
