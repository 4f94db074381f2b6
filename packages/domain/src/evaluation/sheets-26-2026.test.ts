import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from './criteria';
import { answerableCriteria, walkCriteria } from './criteria';
import type { Sheets26File } from './convert-26-2026';
import { convertSheets26File } from './convert-26-2026';
import { planToStar } from './next-star';
import { REGIME_26_2026 } from './testdata/regimes';
import { scoreSheet } from './score';
import { prepareSheet, worstAnswers } from './sheet';
import file from './testdata/ocop-26-2026.json';
import { validateCriteriaSet } from './validate';
import { attachEvidence } from './evidence';

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

  it('maps the evidence table of Mẫu 02 onto the criteria it proves, in every set', () => {
    const catalogue = REGIME_26_2026.evidence;
    expect(catalogue).toHaveLength(15);
    const used = new Set<string>();
    for (const set of sets) {
      const withEvidence = attachEvidence(set, catalogue);
      const byCode = new Map([...walkCriteria(withEvidence)].map((entry) => [entry.criterion.code, entry.criterion]));
      // Criteria every set shares in Part A and B, each proved by its row of the table.
      expect(byCode.get('3.3')?.evidence, set.productSetCode).toEqual(['lao-dong-dia-phuong']);
      expect(byCode.get('3.4')?.evidence, set.productSetCode).toEqual(['tang-truong']);
      expect(byCode.get('3.5')?.evidence, set.productSetCode).toEqual(['so-huu-tri-tue']);
      expect(byCode.get('5.1')?.evidence, set.productSetCode).toEqual(['cau-chuyen']);
      expect(byCode.get('3.1')?.evidence, set.productSetCode).toEqual(['giay-dang-ky-kinh-doanh']);
      for (const entry of walkCriteria(withEvidence)) for (const id of entry.criterion.evidence) used.add(id);
    }
    // Every row that is not a dossier-wide paper proves some criterion of some set.
    for (const item of catalogue.filter((row) => !row.dossier)) expect(used.has(item.id), item.id).toBe(true);
    const tea = attachEvidence(sets.find((set) => set.productSetCode === 'che-tuoi-che-bien') as CriteriaSet, catalogue);
    const teaCriteria = new Map([...walkCriteria(tea)].map((entry) => [entry.criterion.code, entry.criterion.evidence]));
    expect(teaCriteria.get('1.1')).toEqual(['nguon-goc-nguyen-lieu']);
    expect(teaCriteria.get('1.6')).toEqual(['bao-ve-moi-truong']);
    expect(teaCriteria.get('4.3')).toEqual(['quang-ba']);
    expect(teaCriteria.get('8')).toEqual(['cong-bo-chat-luong', 'kiem-nghiem']);
  });
});
