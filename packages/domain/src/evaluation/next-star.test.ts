import { describe, expect, it } from 'vitest';
import type { Criterion } from './criteria';
import { applyPlan, planToNextStar, planToStar } from './next-star';
import type { StarBand } from './regime';
import { scoreSheet } from './score';
import type { Answers } from './sheet';
import { prepareSheet } from './sheet';
import { leaf, seededRandom, singlePartSheet } from './test-sheets';

describe('planToStar', () => {
  // 40 points: 1 (0/5/10, 4★ at 5), 2 (0/10), 3 (0/2/4/10), 4 (0/10, 3★ at 10); bands 36/28/20/12 for 5/4/3/2.
  const bands: StarBand[] = [
    { stars: 5, minPoints: 36 },
    { stars: 4, minPoints: 28 },
    { stars: 3, minPoints: 20 },
    { stars: 2, minPoints: 12 },
    { stars: 1, minPoints: 0 },
  ];
  const { set, regime } = singlePartSheet(
    [
      leaf(
        '1',
        [
          [0, null],
          [5, 4],
          [10, null],
        ],
        ['Hợp đồng liên kết'],
      ),
      leaf('2', [
        [0, null],
        [10, null],
      ]),
      leaf('3', [
        [0, null],
        [2, null],
        [4, null],
        [10, null],
      ]),
      leaf('4', [
        [0, null],
        [10, 3],
      ]),
    ],
    bands,
  );
  const sheet = prepareSheet(set, regime);
  const zero: Answers = { '1': '1/1', '2': '2/1', '3': '3/1', '4': '4/1' };

  it('raises every missing minimum of the target and the levels below, then the fewest criteria for the band', () => {
    const plan = planToStar(sheet, zero, 4);
    // Minima: 1 to 5 (4★ mark) and 4 to 10 (3★ mark) give 15; 13 short of 28. One more criterion is needed
    // (2, +10) and the last 3 come free by raising 1, already changed, to 10: 30 points, three criteria.
    expect(plan.steps.map((step) => [step.criterionCode, step.neededOptionId, step.reason])).toEqual([
      ['1', '1/3', 'minimum'],
      ['2', '2/2', 'band'],
      ['4', '4/2', 'minimum'],
    ]);
    expect(plan.pointsGained).toBe(30);
    expect(plan.totalAfter).toBe(30);
    expect(scoreSheet(sheet, applyPlan(zero, plan)).stars).toBe(4);
  });

  it('names the current and the needed option, the points and the evidence of each step', () => {
    const [first] = planToStar(sheet, zero, 4).steps;
    expect(first).toEqual({
      criterionCode: '1',
      label: 'Tiêu chí 1',
      currentOptionId: '1/1',
      currentLabel: '1 phương án 1',
      currentPoints: 0,
      neededOptionId: '1/3',
      neededLabel: '1 phương án 3',
      neededPoints: 10,
      pointsGained: 10,
      reason: 'minimum',
      evidence: ['Hợp đồng liên kết'],
    });
  });

  it('is empty when the level is already reached, and says so when it cannot be reached', () => {
    const full: Answers = { '1': '1/3', '2': '2/2', '3': '3/4', '4': '4/2' };
    expect(planToStar(sheet, full, 5).steps).toEqual([]);
    const capped = singlePartSheet(
      [
        leaf('1', [
          [0, null],
          [10, null],
        ]),
      ],
      bands,
    );
    expect(
      planToStar(
        prepareSheet(capped.set, {
          ...capped.regime,
          starBands: [
            { stars: 5, minPoints: 20 },
            { stars: 1, minPoints: 0 },
          ],
        }),
        {},
        5,
      ).reachable,
    ).toBe(false);
  });

  it('prefers fewer points among plans that change as many criteria', () => {
    // At 10 points, 2★ needs 12: criterion 3 to 2 points (+2) rather than 1 to 5 or 2 to 10.
    const plan = planToStar(sheet, { ...zero, '4': '4/2' }, 2);
    expect(plan.steps.map((step) => [step.criterionCode, step.neededOptionId, step.pointsGained])).toEqual([['3', '3/2', 2]]);
  });

  it('plans to the level above the one reached, and not past the top or for a disqualified dossier', () => {
    const threeStars: Answers = { ...zero, '2': '2/2', '4': '4/2' };
    expect(scoreSheet(sheet, threeStars).stars).toBe(3);
    expect(planToNextStar(sheet, threeStars)?.target).toBe(4);
    expect(planToNextStar(sheet, { '1': '1/3', '2': '2/2', '3': '3/4', '4': '4/2' })).toBeNull();
    expect(planToNextStar(sheet, threeStars, ['D1'])).toBeNull();
  });

  it('refuses a target that is not a star level', () => {
    expect(() => planToStar(sheet, zero, 7)).toThrow(/not a star level/);
  });
});

/** Every full answer, the cheapest (changed criteria, points gained) reaching the target: the definition, by enumeration. */
function bruteForce(criteria: readonly Criterion[], sheet: ReturnType<typeof prepareSheet>, current: Answers, target: number) {
  let best: [number, number] | null = null;
  const choice: Record<string, string> = {};
  const currentTotal = scoreSheet(sheet, current).total;
  const visit = (index: number) => {
    const criterion = criteria[index];
    if (!criterion) {
      const score = scoreSheet(sheet, choice);
      if ((score.stars ?? 0) < target) return;
      const changed = criteria.filter((c) => choice[c.code] !== current[c.code]).length;
      const cost: [number, number] = [changed, Math.round((score.total - currentTotal) * 100)];
      if (!best || cost[0] < best[0] || (cost[0] === best[0] && cost[1] < best[1])) best = cost;
      return;
    }
    // A criterion unanswered now may stay so: the plan never asks to answer what it does not need.
    if (current[criterion.code] === undefined) {
      delete choice[criterion.code];
      visit(index + 1);
    }
    for (const option of criterion.options) {
      choice[criterion.code] = option.id;
      visit(index + 1);
    }
    delete choice[criterion.code];
  };
  visit(0);
  return best as [number, number] | null;
}

describe('planToStar is exact (seeded random sheets against brute force)', () => {
  it('matches the cheapest plan found by enumerating every answer, on 400 sheets', () => {
    const random = seededRandom(20260522);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    for (let round = 0; round < 400; round++) {
      const criteria = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, index) => {
        const count = 2 + Math.floor(random() * 3);
        const points = [...new Set(Array.from({ length: count }, () => Math.floor(random() * 9)))].sort((a, b) => a - b);
        const marks = points.map((): number | null => (random() < 0.2 ? pick([3, 4, 5]) : null));
        return leaf(
          String(index + 1),
          points.map((p, i) => [p, marks[i] ?? null] as const),
        );
      });
      const max = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
      const cut = (share: number) => Math.round(max * share);
      const bands: StarBand[] = [
        { stars: 5, minPoints: cut(0.9) },
        { stars: 4, minPoints: cut(0.7) },
        { stars: 3, minPoints: cut(0.5) },
        { stars: 2, minPoints: cut(0.3) },
        { stars: 1, minPoints: 0 },
      ];
      const { set, regime } = singlePartSheet(criteria, bands);
      const sheet = prepareSheet(set, regime);
      const current: Record<string, string> = {};
      for (const criterion of criteria) if (random() < 0.9) current[criterion.code] = pick(criterion.options).id;
      const target = pick([2, 3, 4, 5]);
      const expected = bruteForce(criteria, sheet, current, target);
      const plan = planToStar(sheet, current, target);
      const context = `round ${round}: ${JSON.stringify({ criteria: criteria.map((c) => c.options.map((o) => o.points)), minima: criteria.map((c) => c.minima), current, target })}`;
      if (!expected) {
        expect(plan.reachable, context).toBe(false);
        continue;
      }
      expect(plan.reachable, context).toBe(true);
      const after = applyPlan(current, plan);
      expect(scoreSheet(sheet, after).stars ?? 0, context).toBeGreaterThanOrEqual(target);
      const changed = criteria.filter((c) => after[c.code] !== current[c.code]).length;
      expect([changed, Math.round(plan.pointsGained * 100)], context).toEqual(expected);
    }
  });
});
