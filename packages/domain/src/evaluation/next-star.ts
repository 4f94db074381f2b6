/**
 * The way to a star level: the fewest answers to change so that the sheet reaches `target`.
 * Every criterion below its minimum for the target (marks of lower levels included) must rise to
 * its cheapest option that meets it; then the band still has to be reached, which is a knapsack:
 * choose raises over the criteria to gain at least the deficit, minimising first the number of
 * criteria changed (a criterion already raised for a minimum counts nothing more), then the points
 * gained. The DP below is exact for that order; the test proves it against brute force.
 */
import { DomainError } from '../shared/domain-error';
import type { Criterion, CriterionOption } from './criteria';
import { bandMinPoints } from './regime';
import type { Answers, PreparedSheet } from './sheet';
import { scoreSheet } from './score';
import { chosenOptions } from './sheet';

export interface PlanStep {
  readonly criterionCode: string;
  readonly label: string;
  readonly currentOptionId: string | null;
  readonly currentLabel: string | null;
  readonly currentPoints: number;
  readonly neededOptionId: string;
  readonly neededLabel: string;
  readonly neededPoints: number;
  readonly pointsGained: number;
  /** `minimum`: the criterion is below a starred minimum of the target; `band`: raised for the total. */
  readonly reason: 'minimum' | 'band';
  readonly evidence: readonly string[];
}

export interface StarPlan {
  readonly target: number;
  /** False when even the best answers cannot reach the target's band. */
  readonly reachable: boolean;
  readonly steps: readonly PlanStep[];
  readonly pointsGained: number;
  readonly totalAfter: number;
}

const hundredths = (points: number) => Math.round(points * 100);
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

interface Item {
  readonly criterion: Criterion;
  readonly forced: boolean;
  readonly choices: readonly { option: CriterionOption; gain: number }[];
}

/** The cheapest option meeting a required number of points (the marked one on a tie). */
function cheapestMeeting(criterion: Criterion, required: CriterionOption): CriterionOption {
  let best = required;
  for (const option of criterion.options) if (option.points >= required.points && option.points < best.points) best = option;
  return best;
}

/** Picks, per item, one raise or none, so the gains reach `deficit`, minimising (count, gain). */
function raisesFor(items: readonly Item[], deficit: number): (number | null)[] | null {
  const width = deficit + 1;
  const INFINITE = Number.MAX_SAFE_INTEGER;
  let count = new Float64Array(width).fill(INFINITE);
  let gain = new Float64Array(width).fill(INFINITE);
  count[0] = 0;
  gain[0] = 0;
  // choice -1: the item is not raised on the best way to that state (the previous layer's value stands).
  const choice = items.map(() => new Int16Array(width).fill(-1));
  const from = items.map(() => new Int32Array(width).fill(-1));
  items.forEach((item, index) => {
    const nextCount = Float64Array.from(count);
    const nextGain = Float64Array.from(gain);
    const itemChoice = choice[index] as Int16Array;
    const itemFrom = from[index] as Int32Array;
    for (let state = 0; state < width; state++) {
      if ((count[state] as number) === INFINITE) continue;
      item.choices.forEach((candidate, choiceIndex) => {
        const target = Math.min(deficit, state + candidate.gain);
        const c = (count[state] as number) + (item.forced ? 0 : 1);
        const g = (gain[state] as number) + candidate.gain;
        const bestCount = nextCount[target] as number;
        if (c < bestCount || (c === bestCount && g < (nextGain[target] as number))) {
          nextCount[target] = c;
          nextGain[target] = g;
          itemChoice[target] = choiceIndex;
          itemFrom[target] = state;
        }
      });
    }
    count = nextCount;
    gain = nextGain;
  });
  if ((count[deficit] as number) === INFINITE) return null;
  const picked: (number | null)[] = items.map(() => null);
  let state = deficit;
  for (let index = items.length - 1; index >= 0; index--) {
    const choiceIndex = (choice[index] as Int16Array)[state] as number;
    if (choiceIndex === -1) continue;
    picked[index] = choiceIndex;
    state = (from[index] as Int32Array)[state] as number;
  }
  return picked;
}

export function planToStar(sheet: PreparedSheet, answers: Answers, target: number): StarPlan {
  const bandMin = bandMinPoints(sheet.regime, target);
  if (bandMin === null) {
    throw new DomainError('invalid', 'evaluation.target_not_a_star_level', `${target} is not a star level`, { stars: target });
  }
  const chosen = chosenOptions(sheet, answers);
  const base = new Map<string, CriterionOption | null>(chosen);
  const forced = new Set<string>();
  for (const criterion of sheet.answerable) {
    const requirement = sheet.requirement(criterion.code, target);
    const current = chosen.get(criterion.code) ?? null;
    if (requirement && (!current || current.points < requirement.option.points)) {
      base.set(criterion.code, cheapestMeeting(criterion, requirement.option));
      forced.add(criterion.code);
    }
  }
  const baseTotal = sheet.answerable.reduce((sum, criterion) => sum + hundredths(base.get(criterion.code)?.points ?? 0), 0);
  const deficitHundredths = Math.max(0, hundredths(bandMin) - baseTotal);
  const rawItems = sheet.answerable.map((criterion) => {
    const from = hundredths(base.get(criterion.code)?.points ?? 0);
    const choices = criterion.options
      .map((option) => ({ option, gain: hundredths(option.points) - from }))
      .filter((candidate) => candidate.gain > 0);
    return { criterion, forced: forced.has(criterion.code), choices };
  });
  // Whole points are the usual case: dividing by the common divisor keeps the table at ≤ 100 cells.
  const unit = rawItems.reduce((g, item) => item.choices.reduce((h, candidate) => gcd(h, candidate.gain), g), deficitHundredths) || 1;
  const items: Item[] = rawItems.map((item) => ({
    ...item,
    choices: item.choices.map((c) => ({ option: c.option, gain: c.gain / unit })),
  }));
  const picked = deficitHundredths === 0 ? items.map(() => null) : raisesFor(items, Math.ceil(deficitHundredths / unit));
  if (!picked) return { target, reachable: false, steps: [], pointsGained: 0, totalAfter: baseTotal / 100 };

  const steps: PlanStep[] = [];
  let gained = 0;
  items.forEach((item, index) => {
    const choiceIndex = picked[index];
    const criterion = item.criterion;
    const needed = choiceIndex === null || choiceIndex === undefined ? base.get(criterion.code) : item.choices[choiceIndex]?.option;
    const current = chosen.get(criterion.code) ?? null;
    if (!needed || (!item.forced && choiceIndex === null)) return;
    const pointsGained = (hundredths(needed.points) - hundredths(current?.points ?? 0)) / 100;
    gained += hundredths(pointsGained);
    steps.push({
      criterionCode: criterion.code,
      label: criterion.label,
      currentOptionId: current?.id ?? null,
      currentLabel: current?.label ?? null,
      currentPoints: current?.points ?? 0,
      neededOptionId: needed.id,
      neededLabel: needed.label,
      neededPoints: needed.points,
      pointsGained,
      reason: item.forced ? 'minimum' : 'band',
      evidence: criterion.evidence,
    });
  });
  const currentTotal = sheet.answerable.reduce((sum, criterion) => sum + hundredths(chosen.get(criterion.code)?.points ?? 0), 0);
  return { target, reachable: true, steps, pointsGained: gained / 100, totalAfter: (currentTotal + gained) / 100 };
}

/** The answers after following a plan. */
export function applyPlan(answers: Answers, plan: StarPlan): Answers {
  const next: Record<string, string> = { ...answers };
  for (const step of plan.steps) next[step.criterionCode] = step.neededOptionId;
  return next;
}

/** The plan to the level above the one the answers reach now; null at the top level or when disqualified. */
export function planToNextStar(sheet: PreparedSheet, answers: Answers, disqualifierIds: readonly string[] = []): StarPlan | null {
  const stars = scoreSheet(sheet, answers, disqualifierIds).stars;
  const next = stars === null ? undefined : sheet.levels.find((level) => level > stars);
  return next === undefined ? null : planToStar(sheet, answers, next);
}
