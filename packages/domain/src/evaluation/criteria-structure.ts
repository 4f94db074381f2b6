/**
 * The checks without which a criteria set cannot even be kept as a draft: answers are stored by
 * criterion code and option id, so two criteria with one code, an option id that points at
 * another criterion, or a starred minimum naming no option of its criterion would make saved
 * answers ambiguous. Sums that do not add up are the validator's concern (they block publishing only).
 */
import type { CriteriaSet } from './criteria';
import { walkCriteria } from './criteria';

export type StructureIssueCode = 'criteria.duplicate_code' | 'criteria.option_of_other_criterion' | 'criteria.minimum_not_an_option';

export interface StructureIssue {
  readonly path: string;
  readonly code: StructureIssueCode;
  readonly message: string;
  readonly criterionCode: string;
  readonly optionId?: string;
}

/** `<criterion code>/<n>` with n a positive whole number. */
export function isOptionIdOf(criterionCode: string, id: string): boolean {
  if (!id.startsWith(`${criterionCode}/`)) return false;
  return /^[1-9]\d{0,3}$/.test(id.slice(criterionCode.length + 1));
}

/** Every structural problem of the set, in the order of its criteria. */
export function structureIssues(set: CriteriaSet): StructureIssue[] {
  const issues: StructureIssue[] = [];
  const codes = new Set<string>();
  for (const { criterion, path } of walkCriteria(set)) {
    const criterionCode = criterion.code;
    if (codes.has(criterionCode)) {
      issues.push({ path, code: 'criteria.duplicate_code', criterionCode, message: `Mã tiêu chí ${criterionCode} bị trùng.` });
    }
    codes.add(criterionCode);
    const ids = new Set<string>();
    for (const option of criterion.options) {
      if (!isOptionIdOf(criterionCode, option.id) || ids.has(option.id)) {
        issues.push({
          path: `${path}/${option.id}`,
          code: 'criteria.option_of_other_criterion',
          criterionCode,
          optionId: option.id,
          message: ids.has(option.id)
            ? `Mã phương án ${option.id} của tiêu chí ${criterionCode} bị trùng.`
            : `Mã phương án ${option.id} không thuộc tiêu chí ${criterionCode} (phải có dạng ${criterionCode}/số thứ tự).`,
        });
      }
      ids.add(option.id);
    }
    for (const minimum of criterion.minima) {
      if (!criterion.options.some((option) => option.id === minimum.optionId)) {
        issues.push({
          path,
          code: 'criteria.minimum_not_an_option',
          criterionCode,
          optionId: minimum.optionId,
          message: `Yêu cầu tối thiểu ${minimum.stars} sao của tiêu chí ${criterionCode} chỉ đến ${minimum.optionId}, không phải phương án của tiêu chí này.`,
        });
      }
    }
  }
  return issues;
}
