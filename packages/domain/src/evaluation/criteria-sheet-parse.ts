/**
 * Reads the two sheets of a criteria workbook back into a CriteriaSet, naming the row of every
 * problem, so a secretariat that edited the file in Excel finds what to fix. Export then read
 * gives the same set (the round trip is tested).
 */
import { foldVietnamese } from '../shared/vietnamese-text';
import type { CriteriaPart, CriteriaSet, Criterion, CriterionOption, Disqualifier, StarredMinimum } from './criteria';
import {
  CRITERIA_COLUMNS,
  CRITERION_KEYS,
  type CriteriaColumnKey,
  CRITERIA_SHEET_NAME,
  INFO_LABELS,
  INFO_SHEET_NAME,
  type SheetCell,
} from './criteria-sheet';

export type SheetRowIn = { rowNumber: number; cells: readonly SheetCell[] };

export interface SheetIssue {
  /** The first row it concerns, and all of them (a part's sum names the rows of its criteria). */
  readonly row?: number;
  readonly rows?: number[];
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export type ParsedWorkbook = {
  set: CriteriaSet | null;
  issues: SheetIssue[];
  /** Rows of each criterion (all of its rows) and of each part (the first row of each of its top criteria). */
  rowsOfCriterion: ReadonlyMap<string, readonly number[]>;
  rowsOfPart: ReadonlyMap<string, readonly number[]>;
};

/** Levels of nesting a sheet may have (the national sheets use 4); deeper chains of "Thuộc tiêu chí" are refused. */
export const MAX_SHEET_DEPTH = 6;

type MutableCriterion = {
  depth: number;
  code: string;
  label: string;
  maxPoints: number;
  requirementNote: string | null;
  options: CriterionOption[];
  minima: StarredMinimum[];
  evidence: string[];
  children: MutableCriterion[];
  part: string;
  firstCells: Partial<Record<CriteriaColumnKey, SheetCell>>;
};

const fold = (value: SheetCell) =>
  foldVietnamese(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
const text = (value: SheetCell | undefined): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
};

/** Text as written (labels keep their spaces, so a sheet reads back exactly as it was exported); blank is null. */
const verbatim = (value: SheetCell | undefined): string | null =>
  value === null || value === undefined || String(value).trim() === '' ? null : String(value);

/** A number as Excel holds it, or as typed with a decimal comma ("0,5"). */
function numberOf(value: SheetCell | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'invalid';
  const parsed = Number(value.trim().replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : 'invalid';
}

function starsOf(value: SheetCell | undefined): number[] | 'invalid' {
  if (value === null || value === undefined) return [];
  const parts = String(value)
    .split(/[,;\s]+/)
    .filter((part) => part !== '');
  const stars = parts.map((part) => Number(part));
  return stars.every((star) => Number.isInteger(star) && star >= 1 && star <= 5) ? stars : 'invalid';
}

function parseInfo(rows: readonly SheetRowIn[], issues: SheetIssue[]) {
  const info = { regimeCode: null as string | null, productSetCode: null as string | null, name: null as string | null };
  let ordinal: number | null = null;
  const parts: CriteriaPart[] = [];
  const disqualifiers: Disqualifier[] = [];
  const labels = Object.fromEntries(Object.entries(INFO_LABELS).map(([key, label]) => [fold(label), key]));
  for (const { rowNumber, cells } of rows) {
    const key = labels[fold(cells[0] ?? null)];
    const at = (message: string) =>
      issues.push({ row: rowNumber, rows: [rowNumber], path: INFO_SHEET_NAME, code: 'info.invalid', message });
    if (key === 'regimeCode' || key === 'productSetCode') info[key] = text(cells[1]);
    else if (key === 'name') info.name = verbatim(cells[1]);
    else if (key === 'ordinal') {
      const value = numberOf(cells[1]);
      if (value === 'invalid' || (value !== null && !Number.isInteger(value)))
        at(`Dòng ${rowNumber} (Thông tin): số thứ tự phải là số nguyên.`);
      else ordinal = value;
    } else if (key === 'part') {
      const code = text(cells[1]);
      const maxPoints = numberOf(cells[3]);
      if (!code || maxPoints === null || maxPoints === 'invalid') at(`Dòng ${rowNumber} (Thông tin): phần cần có mã và điểm tối đa là số.`);
      else parts.push({ code, label: verbatim(cells[2]) ?? '', maxPoints, criteria: [] });
    } else if (key === 'disqualifier') {
      const id = text(cells[1]);
      const body = verbatim(cells[2]);
      if (!id || !body) at(`Dòng ${rowNumber} (Thông tin): điều kiện loại cần có mã và nội dung.`);
      else disqualifiers.push({ id, text: body, criterionCode: text(cells[3]) });
    }
  }
  for (const [key, label] of [
    ['regimeCode', INFO_LABELS.regimeCode],
    ['productSetCode', INFO_LABELS.productSetCode],
    ['name', INFO_LABELS.name],
  ] as const) {
    if (!info[key]) issues.push({ path: INFO_SHEET_NAME, code: 'info.missing', message: `Trang "Thông tin" thiếu dòng "${label}".` });
  }
  if (parts.length === 0)
    issues.push({ path: INFO_SHEET_NAME, code: 'info.missing', message: 'Trang "Thông tin" không có dòng "Phần" nào.' });
  return { ...info, ordinal, parts, disqualifiers };
}

/** The header row (within the first rows) and the file column of each template column. */
function findColumns(
  rows: readonly SheetRowIn[],
  issues: SheetIssue[],
): { header: number; columnOf: Map<CriteriaColumnKey, number> } | null {
  const headers = new Map(CRITERIA_COLUMNS.map((column) => [fold(column.header), column.key]));
  for (const row of rows.slice(0, 10)) {
    const columnOf = new Map<CriteriaColumnKey, number>();
    row.cells.forEach((cell, index) => {
      const key = headers.get(fold(cell));
      if (key && !columnOf.has(key)) columnOf.set(key, index);
    });
    if (!columnOf.has('code')) continue;
    const missing = CRITERIA_COLUMNS.filter((column) => column.required && !columnOf.has(column.key));
    for (const column of missing) {
      issues.push({
        row: row.rowNumber,
        rows: [row.rowNumber],
        path: CRITERIA_SHEET_NAME,
        code: 'sheet.missing_column',
        message: `Trang "${CRITERIA_SHEET_NAME}" thiếu cột "${column.header}".`,
      });
    }
    return missing.length > 0 ? null : { header: row.rowNumber, columnOf };
  }
  issues.push({
    path: CRITERIA_SHEET_NAME,
    code: 'sheet.header_not_found',
    message: `Không tìm thấy dòng tiêu đề (cột "Mã tiêu chí") ở trang "${CRITERIA_SHEET_NAME}".`,
  });
  return null;
}

function freeze(node: MutableCriterion): Criterion {
  const { part: _part, firstCells: _cells, depth: _depth, children, ...rest } = node;
  return { ...rest, children: children.map(freeze) };
}

type Builder = {
  parts: Map<string, CriteriaPart & { criteria: Criterion[] }>;
  tops: Map<string, MutableCriterion[]>;
  byCode: Map<string, MutableCriterion>;
  rowsOfCriterion: Map<string, number[]>;
  rowsOfPart: Map<string, number[]>;
  issues: SheetIssue[];
  last: MutableCriterion | null;
};

/** One row of "Bộ tiêu chí": a new criterion (with its first option) or the next option of the criterion above. */
function readRow(b: Builder, rowNumber: number, cell: (key: CriteriaColumnKey) => SheetCell | undefined) {
  const fail = (message: string, code = 'row.invalid') =>
    b.issues.push({
      row: rowNumber,
      rows: [rowNumber],
      path: `${CRITERIA_SHEET_NAME}!${rowNumber}`,
      code,
      message: `Dòng ${rowNumber}: ${message}`,
    });
  const code = text(cell('code'));
  if (!code) return fail('thiếu mã tiêu chí.');
  let node = b.byCode.get(code);
  if (node && node !== b.last) {
    const first = b.rowsOfCriterion.get(code)?.[0];
    return fail(`mã tiêu chí ${code} bị trùng (đã có ở dòng ${first}).`, 'criteria.duplicate_code');
  }
  if (node) {
    for (const key of CRITERION_KEYS) {
      const value = verbatim(cell(key));
      if (value !== null && value !== verbatim(node.firstCells[key] ?? null))
        return fail(
          `ô "${CRITERIA_COLUMNS.find((column) => column.key === key)?.header}" của tiêu chí ${code} khác dòng đầu của tiêu chí này.`,
        );
    }
  } else {
    const parentCode = text(cell('parent'));
    const parent = parentCode ? b.byCode.get(parentCode) : undefined;
    if (parentCode && !parent) return fail(`tiêu chí ${code} thuộc tiêu chí ${parentCode}, nhưng ${parentCode} không có ở các dòng trên.`);
    const part = text(cell('part')) ?? parent?.part ?? null;
    if (!part || !b.parts.has(part)) return fail(`phần "${part ?? ''}" của tiêu chí ${code} không có trong trang "Thông tin".`);
    if (parent && parent.part !== part)
      return fail(`tiêu chí ${code} ở phần ${part}, còn tiêu chí cha ${parent.code} ở phần ${parent.part}.`);
    const depth = (parent?.depth ?? 0) + 1;
    if (depth > MAX_SHEET_DEPTH) return fail(`tiêu chí ${code} lồng quá ${MAX_SHEET_DEPTH} cấp.`);
    const label = verbatim(cell('label'));
    const maxPoints = numberOf(cell('maxPoints'));
    if (!label) return fail(`tiêu chí ${code} chưa có tên.`);
    if (maxPoints === null || maxPoints === 'invalid') return fail(`điểm tối đa của tiêu chí ${code} phải là số.`);
    const requirement = cell('requirement');
    const evidence = text(cell('evidence'));
    node = {
      depth,
      code,
      label,
      maxPoints,
      requirementNote: verbatim(requirement),
      options: [],
      minima: [],
      evidence: evidence
        ? evidence
            .split(/[,;\n]/)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        : [],
      children: [],
      part,
      firstCells: Object.fromEntries(CRITERION_KEYS.map((key) => [key, cell(key) ?? null])),
    };
    b.byCode.set(code, node);
    if (parent) parent.children.push(node);
    else {
      b.tops.get(part)?.push(node);
      b.rowsOfPart.get(part)?.push(rowNumber);
    }
    b.rowsOfCriterion.set(code, []);
  }
  b.last = node;
  b.rowsOfCriterion.get(code)?.push(rowNumber);
  readOption(node, cell, fail);
}

function readOption(node: MutableCriterion, cell: (key: CriteriaColumnKey) => SheetCell | undefined, fail: (message: string) => void) {
  const label = verbatim(cell('option'));
  const points = numberOf(cell('points'));
  const id = text(cell('optionId'));
  if (!label && points === null && !id) return;
  if (!label) return fail(`phương án của tiêu chí ${node.code} chưa có nội dung.`);
  if (points === null || points === 'invalid') return fail(`điểm của phương án "${label}" phải là số.`);
  const stars = starsOf(cell('minStars'));
  if (stars === 'invalid') return fail(`ô "Tối thiểu cho sao" phải là hạng sao từ 1 đến 5 (ví dụ "3" hoặc "3, 4").`);
  const optionId = id ?? `${node.code}/${node.options.length + 1}`;
  node.options.push({ id: optionId, label, points });
  for (const star of stars) node.minima.push({ stars: star, optionId });
}

/** The set a workbook holds, or null with the issues that stop it from being read at all. */
export function parseCriteriaWorkbook(sheets: { info: readonly SheetRowIn[]; criteria: readonly SheetRowIn[] }): ParsedWorkbook {
  const issues: SheetIssue[] = [];
  const info = parseInfo(sheets.info, issues);
  const b: Builder = {
    parts: new Map(info.parts.map((part) => [part.code, { ...part, criteria: [] }])),
    tops: new Map(info.parts.map((part) => [part.code, []])),
    byCode: new Map(),
    rowsOfCriterion: new Map(),
    rowsOfPart: new Map(info.parts.map((part) => [part.code, []])),
    issues,
    last: null,
  };
  const layout = findColumns(sheets.criteria, issues);
  if (layout) {
    for (const row of sheets.criteria) {
      if (row.rowNumber <= layout.header || row.cells.every((value) => text(value) === null)) continue;
      readRow(b, row.rowNumber, (key) => {
        const index = layout.columnOf.get(key);
        return index === undefined ? undefined : row.cells[index];
      });
    }
  }
  const result = { issues, rowsOfCriterion: b.rowsOfCriterion, rowsOfPart: b.rowsOfPart };
  if (!layout || !info.regimeCode || !info.productSetCode || !info.name || info.parts.length === 0) return { set: null, ...result };
  const set: CriteriaSet = {
    regimeCode: info.regimeCode,
    productSetCode: info.productSetCode,
    ordinal: info.ordinal,
    name: info.name,
    parts: info.parts.map((part) => ({ ...part, criteria: (b.tops.get(part.code) ?? []).map(freeze) })),
    disqualifiers: info.disqualifiers,
  };
  return { set, ...result };
}

/**
 * The rows an issue of the set (structure or validator, by path `<set>/<part>/<code>…`) concerns:
 * its criterion's rows, or for a part the first row of each of the part's criteria.
 */
export function rowsOfIssue(
  parsed: Pick<ParsedWorkbook, 'rowsOfCriterion' | 'rowsOfPart'>,
  issue: { path: string; criterionCode?: string },
): number[] {
  if (issue.criterionCode) return [...(parsed.rowsOfCriterion.get(issue.criterionCode) ?? [])];
  const segments = issue.path.split('/');
  if (segments.length === 2) return [...(parsed.rowsOfPart.get(segments[1] ?? '') ?? [])];
  return [...(parsed.rowsOfCriterion.get(segments.at(-1) ?? '') ?? [])];
}

/** "Dòng 5, 9, 14" — at most a dozen rows named, then how many more. */
export function describeRows(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 12).join(', ');
  return rows.length > 12 ? `Dòng ${shown} và ${rows.length - 12} dòng khác` : `Dòng ${shown}`;
}
