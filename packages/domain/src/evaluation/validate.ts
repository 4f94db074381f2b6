/**
 * Finds every inconsistency of a criteria set against its regime, each by path
 * (`<set>/<part>/<code>/<code>…`), so a secretariat sees all of them at once rather than the first.
 */
import type { CriteriaSet, Criterion } from './criteria';
import { walkCriteria } from './criteria';
import type { Regime } from './regime';

export type CriteriaIssueCode =
  | 'set.missing'
  | 'part.unknown'
  | 'part.missing'
  | 'part.max_not_regime'
  | 'part.sum_mismatch'
  | 'criterion.duplicate_code'
  | 'criterion.sum_mismatch'
  | 'criterion.max_not_best_option'
  | 'criterion.no_options'
  | 'minimum.not_an_option'
  | 'minimum.not_a_star_level';

export interface CriteriaIssue {
  readonly path: string;
  readonly code: CriteriaIssueCode;
  readonly message: string;
  readonly expected?: number;
  readonly actual?: number;
}

// Points carry at most two decimals; compare in hundredths so 0.1 + 0.2 adds up to 0.3.
const same = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const bestOption = (criterion: Criterion) => Math.max(...criterion.options.map((option) => option.points));

function criterionIssues(criterion: Criterion, path: string, starLevels: ReadonlySet<number>): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const hasOptions = criterion.options.length > 0;
  if (criterion.children.length === 0 && !hasOptions) {
    issues.push({ path, code: 'criterion.no_options', message: `Tiêu chí ${criterion.code} không có phương án trả lời.` });
  }
  if (criterion.children.length > 0) {
    const expected = sum(criterion.children.map((child) => child.maxPoints)) + (hasOptions ? bestOption(criterion) : 0);
    if (!same(expected, criterion.maxPoints)) {
      issues.push({
        path,
        code: 'criterion.sum_mismatch',
        message: `Điểm tối đa của tiêu chí ${criterion.code} (${criterion.maxPoints}) khác tổng của các tiêu chí con (${expected}).`,
        expected,
        actual: criterion.maxPoints,
      });
    }
  } else if (hasOptions && !same(bestOption(criterion), criterion.maxPoints)) {
    issues.push({
      path,
      code: 'criterion.max_not_best_option',
      message: `Điểm tối đa của tiêu chí ${criterion.code} (${criterion.maxPoints}) khác điểm của phương án cao nhất (${bestOption(criterion)}).`,
      expected: bestOption(criterion),
      actual: criterion.maxPoints,
    });
  }
  for (const minimum of criterion.minima) {
    if (!criterion.options.some((option) => option.id === minimum.optionId)) {
      issues.push({
        path,
        code: 'minimum.not_an_option',
        message: `Yêu cầu tối thiểu ${minimum.stars} sao của tiêu chí ${criterion.code} chỉ đến phương án không có (${minimum.optionId}).`,
      });
    }
    if (!starLevels.has(minimum.stars)) {
      issues.push({
        path,
        code: 'minimum.not_a_star_level',
        message: `Yêu cầu tối thiểu của tiêu chí ${criterion.code} ghi hạng ${minimum.stars} sao, không phải một hạng của quy định.`,
      });
    }
  }
  return issues;
}

export function validateCriteriaSet(set: CriteriaSet, regime: Regime): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const starLevels = new Set(regime.starBands.map((band) => band.stars));
  for (const part of set.parts) {
    const path = `${set.productSetCode}/${part.code}`;
    const regimePart = regime.parts.find((candidate) => candidate.code === part.code);
    if (!regimePart) {
      issues.push({ path, code: 'part.unknown', message: `Phần ${part.code} không có trong quy định ${regime.name}.` });
    } else if (!same(regimePart.maxPoints, part.maxPoints)) {
      issues.push({
        path,
        code: 'part.max_not_regime',
        message: `Điểm tối đa của phần ${part.code} (${part.maxPoints}) khác quy định (${regimePart.maxPoints}).`,
        expected: regimePart.maxPoints,
        actual: part.maxPoints,
      });
    }
    const expected = regimePart?.maxPoints ?? part.maxPoints;
    const actual = sum(part.criteria.map((criterion) => criterion.maxPoints));
    if (!same(expected, actual)) {
      issues.push({
        path,
        code: 'part.sum_mismatch',
        message: `Tổng điểm tối đa các tiêu chí của phần ${part.code} là ${actual}, phải là ${expected}.`,
        expected,
        actual,
      });
    }
  }
  for (const regimePart of regime.parts) {
    if (!set.parts.some((part) => part.code === regimePart.code)) {
      issues.push({ path: `${set.productSetCode}/${regimePart.code}`, code: 'part.missing', message: `Thiếu phần ${regimePart.code}.` });
    }
  }
  const seen = new Set<string>();
  for (const { criterion, path } of walkCriteria(set)) {
    if (seen.has(criterion.code)) {
      issues.push({ path, code: 'criterion.duplicate_code', message: `Mã tiêu chí ${criterion.code} bị trùng.` });
    }
    seen.add(criterion.code);
    issues.push(...criterionIssues(criterion, path, starLevels));
  }
  return issues;
}

/** A regime's sheets as a whole: each set's issues, and every product set of the classification without a sheet. */
export function validateRegimeSets(regime: Regime, sets: readonly CriteriaSet[], productSetCodes: readonly string[]): CriteriaIssue[] {
  const issues = sets.flatMap((set) => validateCriteriaSet(set, regime));
  const present = new Set(sets.map((set) => set.productSetCode));
  for (const code of productSetCodes) {
    if (!present.has(code)) issues.push({ path: code, code: 'set.missing', message: `Bộ sản phẩm ${code} không có phiếu đánh giá.` });
  }
  return issues;
}
