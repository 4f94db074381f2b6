/**
 * A criteria set as the two sheets of its workbook, so the secretariat can edit it in Excel:
 * "Bộ tiêu chí" with ONE ROW PER OPTION (a criterion's own cells repeat on each of its rows; a
 * group without options has one row with the option cells empty) and "Thông tin" with the set's
 * identity, its parts and its disqualifiers. Pure: the server writes and reads the cells.
 */
import type { CriteriaSet, Criterion } from './criteria';

export type SheetCell = string | number | null;

export const CRITERIA_SHEET_NAME = 'Bộ tiêu chí';
export const INFO_SHEET_NAME = 'Thông tin';

export const CRITERIA_COLUMNS = [
  { key: 'part', header: 'Phần', required: true, width: 7 },
  { key: 'code', header: 'Mã tiêu chí', required: true, width: 11 },
  { key: 'parent', header: 'Thuộc tiêu chí', required: false, width: 11 },
  { key: 'label', header: 'Tiêu chí', required: true, width: 40 },
  { key: 'maxPoints', header: 'Điểm tối đa', required: true, width: 10 },
  { key: 'requirement', header: 'Yêu cầu', required: false, width: 40 },
  { key: 'optionId', header: 'Mã phương án', required: false, width: 12 },
  { key: 'option', header: 'Phương án', required: true, width: 50 },
  { key: 'points', header: 'Điểm', required: true, width: 8 },
  { key: 'minStars', header: 'Tối thiểu cho sao', required: false, width: 12 },
  { key: 'evidence', header: 'Minh chứng', required: false, width: 30 },
] as const;

export type CriteriaColumnKey = (typeof CRITERIA_COLUMNS)[number]['key'];

/** The first cell of each row of "Thông tin" says what the row holds. */
export const INFO_LABELS = {
  header: 'Mục',
  regimeCode: 'Quy định',
  productSetCode: 'Mã bộ sản phẩm',
  ordinal: 'Số thứ tự',
  name: 'Tên bộ sản phẩm',
  version: 'Phiên bản',
  part: 'Phần',
  disqualifier: 'Điều kiện loại',
} as const;

/** Criteria cells that repeat on every row of a criterion; on import they must agree with its first row. */
export const CRITERION_KEYS = ['part', 'parent', 'label', 'maxPoints', 'requirement', 'evidence'] as const;

type RowValues = Record<CriteriaColumnKey, SheetCell>;

function criterionRows(partCode: string, parent: string | null, criterion: Criterion): RowValues[] {
  const own = {
    part: partCode,
    code: criterion.code,
    parent,
    label: criterion.label,
    maxPoints: criterion.maxPoints,
    requirement: criterion.requirementNote,
    evidence: criterion.evidence.length > 0 ? criterion.evidence.join(', ') : null,
  };
  const options: RowValues[] =
    criterion.options.length === 0
      ? [{ ...own, optionId: null, option: null, points: null, minStars: null }]
      : criterion.options.map((option) => {
          const stars = criterion.minima.filter((minimum) => minimum.optionId === option.id).map((minimum) => minimum.stars);
          return {
            ...own,
            optionId: option.id,
            option: option.label,
            points: option.points,
            minStars: stars.length > 0 ? stars.join(', ') : null,
          };
        });
  return [...options, ...criterion.children.flatMap((child) => criterionRows(partCode, criterion.code, child))];
}

/** "Bộ tiêu chí": the header row, then one row per option, depth first. */
export function criteriaSheetTable(set: CriteriaSet): SheetCell[][] {
  const rows = set.parts.flatMap((part) => part.criteria.flatMap((criterion) => criterionRows(part.code, null, criterion)));
  return [CRITERIA_COLUMNS.map((column) => column.header), ...rows.map((row) => CRITERIA_COLUMNS.map((column) => row[column.key]))];
}

/** "Thông tin": what the set is, its parts (code, name, maximum) and its disqualifiers (id, text, criterion). */
export function infoSheetTable(set: CriteriaSet, version: number): SheetCell[][] {
  return [
    [INFO_LABELS.header, 'Giá trị', '', ''],
    [INFO_LABELS.regimeCode, set.regimeCode],
    [INFO_LABELS.productSetCode, set.productSetCode],
    [INFO_LABELS.ordinal, set.ordinal],
    [INFO_LABELS.name, set.name],
    [INFO_LABELS.version, version],
    ...set.parts.map((part) => [INFO_LABELS.part, part.code, part.label, part.maxPoints]),
    ...set.disqualifiers.map((item) => [INFO_LABELS.disqualifier, item.id, item.text, item.criterionCode]),
  ];
}
