/** Reads the 26/2026 transcript shape (`ocop-26-2026.json`: sets → sections A/B/C → nested criteria). */
import type { CriteriaPart, CriteriaSet, Criterion, StarredMinimum } from './criteria';
import { optionId } from './criteria';

export interface Sheet26Option {
  readonly label: string;
  readonly points: number | null;
  readonly min_star: number | null;
}

export interface Sheet26Criterion {
  readonly code: string;
  readonly label: string;
  readonly max_score: number;
  readonly requirement_note: string | null;
  readonly is_scorable: boolean;
  readonly options: readonly Sheet26Option[];
  readonly children: readonly Sheet26Criterion[];
}

export interface Sheet26Set {
  readonly ordinal: number;
  readonly code: string;
  readonly name: string;
  readonly disqualifiers: readonly string[];
  readonly sections: readonly { code: string; label: string; max_score: number; criteria: readonly Sheet26Criterion[] }[];
}

export interface Sheets26File {
  readonly meta: { readonly legalBasis: { readonly docNo: string } };
  readonly sets: readonly Sheet26Set[];
}

function convertCriterion(source: Sheet26Criterion): Criterion {
  const minima: StarredMinimum[] = [];
  source.options.forEach((option, index) => {
    if (option.min_star !== null) minima.push({ stars: option.min_star, optionId: optionId(source.code, index) });
  });
  return {
    code: source.code,
    label: source.label,
    maxPoints: source.max_score,
    requirementNote: source.requirement_note,
    // A blank cell of the transcript is read as 0 points (see the data's README).
    options: source.options.map((option, index) => ({ id: optionId(source.code, index), label: option.label, points: option.points ?? 0 })),
    minima,
    evidence: [],
    children: source.children.map(convertCriterion),
  };
}

export function convertSheet26Set(source: Sheet26Set, regimeCode: string): CriteriaSet {
  const parts: CriteriaPart[] = source.sections.map((section) => ({
    code: section.code,
    label: section.label,
    maxPoints: section.max_score,
    criteria: section.criteria.map(convertCriterion),
  }));
  return {
    regimeCode,
    productSetCode: source.code,
    ordinal: source.ordinal,
    name: source.name,
    parts,
    disqualifiers: source.disqualifiers.map((text, index) => ({ id: `D${index + 1}`, text, criterionCode: null })),
  };
}

export function convertSheets26File(file: Sheets26File, regimeCode: string): CriteriaSet[] {
  return file.sets.map((set) => convertSheet26Set(set, regimeCode));
}
