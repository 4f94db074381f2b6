/**
 * A criteria set prepared for scoring under its regime: the answerable criteria, which option
 * belongs to which criterion, and for each star level the points each criterion must reach.
 * Prepared once per set so that scoring a sheet and planning are lookups, not tree walks.
 */
import { DomainError } from '../shared/domain-error';
import type { CriteriaSet, Criterion, CriterionOption } from './criteria';
import { answerableCriteria } from './criteria';
import type { Regime } from './regime';

/** Criterion code → chosen option id; a criterion left out is unanswered (0 points, no minimum met). */
export type Answers = Readonly<Record<string, string>>;

export interface LevelRequirement {
  readonly stars: number;
  readonly option: CriterionOption;
}

export interface PreparedSheet {
  readonly set: CriteriaSet;
  readonly regime: Regime;
  readonly answerable: readonly Criterion[];
  readonly byCode: ReadonlyMap<string, Criterion>;
  readonly optionById: ReadonlyMap<string, { criterion: Criterion; option: CriterionOption }>;
  /** Star levels, lowest first. */
  readonly levels: readonly number[];
  /** For a criterion code and a level: the option whose points it must reach, if any. */
  requirement(criterionCode: string, stars: number): LevelRequirement | null;
}

/**
 * The least option for a level: the marks of that level and of every lower level apply, so the
 * highest of them binds; two options marked for one level mean the lower one suffices.
 */
function requirementsOf(criterion: Criterion, levels: readonly number[]): Map<number, LevelRequirement> {
  const perLevel = new Map<number, CriterionOption>();
  for (const minimum of criterion.minima) {
    const option = criterion.options.find((candidate) => candidate.id === minimum.optionId);
    if (!option) continue; // reported by the validator
    const current = perLevel.get(minimum.stars);
    if (!current || option.points < current.points) perLevel.set(minimum.stars, option);
  }
  const result = new Map<number, LevelRequirement>();
  let binding: LevelRequirement | null = null;
  for (const stars of levels) {
    const own = perLevel.get(stars);
    if (own && (!binding || own.points > binding.option.points)) binding = { stars, option: own };
    if (binding) result.set(stars, binding);
  }
  return result;
}

export function prepareSheet(set: CriteriaSet, regime: Regime): PreparedSheet {
  const answerable = answerableCriteria(set);
  const levels = [...new Set(regime.starBands.map((band) => band.stars))].sort((a, b) => a - b);
  const byCode = new Map(answerable.map((criterion) => [criterion.code, criterion]));
  const optionById = new Map<string, { criterion: Criterion; option: CriterionOption }>();
  const requirements = new Map<string, Map<number, LevelRequirement>>();
  for (const criterion of answerable) {
    for (const option of criterion.options) optionById.set(option.id, { criterion, option });
    const own = requirementsOf(criterion, levels);
    if (own.size > 0) requirements.set(criterion.code, own);
  }
  return {
    set,
    regime,
    answerable,
    byCode,
    optionById,
    levels,
    requirement: (criterionCode, stars) => requirements.get(criterionCode)?.get(stars) ?? null,
  };
}

/** The option chosen for each answerable criterion (null when unanswered); refuses foreign ids. */
export function chosenOptions(sheet: PreparedSheet, answers: Answers): Map<string, CriterionOption | null> {
  for (const [criterionCode, chosenId] of Object.entries(answers)) {
    const criterion = sheet.byCode.get(criterionCode);
    if (!criterion) {
      throw new DomainError('invalid', 'evaluation.unknown_criterion', `no criterion ${criterionCode}`, { criterionCode });
    }
    if (sheet.optionById.get(chosenId)?.criterion !== criterion) {
      throw new DomainError('invalid', 'evaluation.option_not_of_criterion', `${chosenId} is not an option of ${criterionCode}`, {
        criterionCode,
        optionId: chosenId,
      });
    }
  }
  const chosen = new Map<string, CriterionOption | null>();
  for (const criterion of sheet.answerable) {
    const id = answers[criterion.code];
    chosen.set(criterion.code, id === undefined ? null : (sheet.optionById.get(id)?.option ?? null));
  }
  return chosen;
}

/** Every answer at its lowest-scoring option: where a self-assessment starts from nothing. */
export function worstAnswers(sheet: PreparedSheet): Answers {
  const answers: Record<string, string> = {};
  for (const criterion of sheet.answerable) {
    let worst = criterion.options[0];
    for (const option of criterion.options) if (worst && option.points < worst.points) worst = option;
    if (worst) answers[criterion.code] = worst.id;
  }
  return answers;
}
