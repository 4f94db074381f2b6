import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from './criteria';
import { answerableCriteria, walkCriteria } from './criteria';
import type { Sheets26File } from './convert-26-2026';
import { convertSheets26File } from './convert-26-2026';
import { planToStar } from './next-star';
import { REGIME_26_2026 } from './regime';
import { scoreSheet } from './score';
import { prepareSheet, worstAnswers } from './sheet';
import file from './testdata/ocop-26-2026.json';
import { validateCriteriaSet } from './validate';

const sets = convertSheets26File(file as Sheets26File, REGIME_26_2026.code);
const bestAnswers = (set: CriteriaSet) =>
  Object.fromEntries(
    answerableCriteria(set).map((criterion) => {
      const best = criterion.options.reduce((a, b) => (b.points > a.points ? b : a));
      return [criterion.code, best.id];
    }),
  );

describe('the 26/2026 sheets', () => {
  it('converts all 26 sets with their parts, nested criteria, options, minima and disqualifiers', () => {
    expect(sets.map((set) => set.ordinal)).toEqual(Array.from({ length: 26 }, (_, index) => index + 1));
    const tea = sets.find((set) => set.productSetCode === 'che-tuoi-che-bien');
    expect(tea?.parts.map((part) => [part.code, part.maxPoints])).toEqual([
      ['A', 40],
      ['B', 25],
      ['C', 35],
    ]);
    const first = sets[0] as CriteriaSet;
    const linkage = [...walkCriteria(first)].find((entry) => entry.criterion.code === '1.5');
    expect(linkage?.path).toBe('rau-cu-qua-hat-tuoi/A/1/1.5');
    expect(linkage?.criterion.minima).toEqual([
      { stars: 4, optionId: '1.5/3' },
      { stars: 5, optionId: '1.5/4' },
    ]);
    expect(first.disqualifiers[0]?.text).toMatch(/^Hồ sơ bị loại khi/);
    const options = sets.flatMap((set) => answerableCriteria(set).flatMap((criterion) => criterion.options));
    expect(options).toHaveLength(2579);
  });

  it('passes the validator clean, every set', () => {
    for (const set of sets) expect(validateCriteriaSet(set, REGIME_26_2026), set.productSetCode).toEqual([]);
  });

  it('scores 100 and 5★ on the best answers of every set; the worst answers get 1★ or 2★', () => {
    for (const set of sets) {
      const sheet = prepareSheet(set, REGIME_26_2026);
      const best = scoreSheet(sheet, bestAnswers(set));
      expect([set.productSetCode, best.total, best.stars]).toEqual([set.productSetCode, 100, 5]);
      expect(scoreSheet(sheet, worstAnswers(sheet)).stars).toBeLessThanOrEqual(2);
    }
  });

  it('from the worst answers, each set’s plan to every level reaches it', () => {
    for (const set of sets) {
      const sheet = prepareSheet(set, REGIME_26_2026);
      const worst = worstAnswers(sheet);
      for (const target of [3, 4, 5]) {
        const plan = planToStar(sheet, worst, target);
        expect(plan.reachable).toBe(true);
        const next = { ...worst, ...Object.fromEntries(plan.steps.map((step) => [step.criterionCode, step.neededOptionId])) };
        expect(scoreSheet(sheet, next).stars, `${set.productSetCode} → ${target}★`).toBeGreaterThanOrEqual(target);
      }
    }
  });
});
