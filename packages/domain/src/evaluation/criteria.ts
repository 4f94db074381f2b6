/**
 * A criteria set (one score sheet of one product set under one regime version) as data. Criteria
 * nest to any depth; a criterion with options is answered by choosing one of them, and its total
 * adds to those of its children (a sheet of the 26/2026 shape answers only leaves).
 */

export interface CriterionOption {
  /** `<criterion code>/<n>`: stable within the set, never confused with a criterion code. */
  readonly id: string;
  readonly label: string;
  readonly points: number;
}

/** "Dấu sao": for `stars` and every higher level, the chosen option must score at least `optionId`'s points. */
export interface StarredMinimum {
  readonly stars: number;
  readonly optionId: string;
}

export interface Criterion {
  readonly code: string;
  readonly label: string;
  readonly maxPoints: number;
  readonly requirementNote: string | null;
  readonly options: readonly CriterionOption[];
  readonly minima: readonly StarredMinimum[];
  /** The documents that prove the answer (Phụ lục III, Mẫu 02); empty until mapped. */
  readonly evidence: readonly string[];
  readonly children: readonly Criterion[];
}

export interface CriteriaPart {
  readonly code: string;
  readonly label: string;
  readonly maxPoints: number;
  readonly criteria: readonly Criterion[];
}

export interface Disqualifier {
  readonly id: string;
  readonly text: string;
  /** The criterion whose note states it, or null for a condition of the whole dossier. */
  readonly criterionCode: string | null;
}

export interface CriteriaSet {
  readonly regimeCode: string;
  readonly productSetCode: string;
  readonly ordinal: number | null;
  readonly name: string;
  readonly parts: readonly CriteriaPart[];
  readonly disqualifiers: readonly Disqualifier[];
}

export const optionId = (criterionCode: string, index: number) => `${criterionCode}/${index + 1}`;

/** Every criterion of a set, depth first, with the part it belongs to and its path of codes. */
export function* walkCriteria(set: CriteriaSet): Generator<{ part: CriteriaPart; criterion: Criterion; path: string }> {
  function* walk(
    part: CriteriaPart,
    criteria: readonly Criterion[],
    prefix: string,
  ): Generator<{ part: CriteriaPart; criterion: Criterion; path: string }> {
    for (const criterion of criteria) {
      const path = `${prefix}/${criterion.code}`;
      yield { part, criterion, path };
      yield* walk(part, criterion.children, path);
    }
  }
  for (const part of set.parts) yield* walk(part, part.criteria, `${set.productSetCode}/${part.code}`);
}

/** The criteria a member answers (those with options). */
export function answerableCriteria(set: CriteriaSet): Criterion[] {
  return [...walkCriteria(set)].map((entry) => entry.criterion).filter((criterion) => criterion.options.length > 0);
}
