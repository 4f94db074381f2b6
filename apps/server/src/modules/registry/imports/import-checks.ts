import { vietnamYear } from '@ocop/domain/registry';
import { createHash } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import { columnLetter, type ImportRow, readImportRows, type SheetIssue, type SheetLayout } from '../../../platform/spreadsheets/sheet-rows';
import type { RawSheet } from '../../../platform/spreadsheets/sheet-reader';
import type { ImportPlan, ParsedRow, PlannedRow, RowProblem } from './import-plan-types';
import type { ImportIssue, ImportJobRow, ImportReport } from './import.tables';
import { type CellInput, cellText, type ParseContext } from './sheet-columns';

/**
 * Problems kept in the job's JSON report; more are counted, and the xlsx report lists those kept.
 * The report is read on every poll of the job, so it stays a few MB at most.
 */
export const MAX_LISTED_PROBLEMS = 1_000;
/** Characters of a cell's value kept in a problem: a 30,000-character cell is named, not repeated. */
export const MAX_PROBLEM_VALUE_CHARS = 200;
/** How often the stored progress of a running job is refreshed while reading. */
export const PROGRESS_EVERY_ROWS = 1000;

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'publishing';
export type ImportProgress = { phase: ImportPhase; processedRows: number; totalRows: number | null };

/** Where a column key sits in the file: its letter and header, for problems named by column. */
export type Placer = (key: string | null) => { column: string | null; header: string | null };

export type CheckedImport = {
  report: ImportReport;
  planned: PlannedRow<Record<string, unknown>>[];
  /** Every row was read and checked and none has a problem. */
  problemFree: boolean;
  place: Placer;
};

/**
 * Reads the upload row by row, parses every row with the plan's column definitions and checks all
 * rows against each other and the stored records, without writing anything.
 */
export async function checkImport(p: {
  job: ImportJobRow;
  plan: ImportPlan<Record<string, unknown>>;
  sheets: AsyncIterable<RawSheet>;
  ctx: ParseContext;
  clock: Clock;
  progress: (progress: ImportProgress) => Promise<void>;
  /** Throws when the job must stop (the server is stopping, or its lease was lost). */
  assertRunning: () => void;
}): Promise<CheckedImport> {
  const { job, plan } = p;
  const found: { layout?: SheetLayout; issues: SheetIssue[]; blankRows: number } = { issues: [], blankRows: 0 };
  const issues: ImportIssue[] = [];
  const notices: ImportIssue[] = [];
  const parsed: ParsedRow<Record<string, unknown>>[] = [];
  const exampleRow = plan.columns.map((column) => column.example);
  const columnKeys = plan.columns.map((column) => column.key as string);

  const place: Placer = (key) => {
    if (key === null || !found.layout) return { column: null, header: null };
    const index = columnKeys.indexOf(key);
    if (index === -1) return { column: null, header: null };
    const fileColumn = found.layout.fileColumnOf[index] ?? -1;
    return { column: fileColumn === -1 ? null : columnLetter(fileColumn), header: plan.columns[index]?.header ?? null };
  };

  for await (const row of readImportRows(p.sheets, plan.columns, found)) {
    p.assertRunning();
    const layout = found.layout as SheetLayout;
    if (isExampleRow(row, exampleRow)) {
      notices.push({ row: row.rowNumber, column: null, header: null, code: 'import.example_row_skipped', details: {} });
      continue;
    }
    const unreadable = new Set<number>();
    for (const { columnIndex, problem } of row.cellProblems) {
      unreadable.add(columnIndex);
      issues.push({ row: row.rowNumber, ...place(columnKeys[columnIndex] ?? null), code: problem.code, details: problem.details });
    }
    const { values, problems } = plan.parse(row.values, p.ctx);
    for (const problem of problems) {
      if (unreadable.has(columnKeys.indexOf(problem.column))) continue;
      issues.push({
        row: row.rowNumber,
        ...place(problem.column),
        code: problem.code,
        details: { ...problem.details, value: problem.details.value ?? cellText(row.values[columnKeys.indexOf(problem.column)]) },
      });
    }
    const present = new Set(columnKeys.filter((_key, index) => (layout.fileColumnOf[index] ?? -1) !== -1));
    for (const index of unreadable) present.delete(columnKeys[index] as string);
    parsed.push({ rowNumber: row.rowNumber, values, present });
    if (parsed.length % PROGRESS_EVERY_ROWS === 0) await p.progress({ phase: 'reading', processedRows: parsed.length, totalRows: null });
  }
  for (const issue of found.issues)
    issues.push({ row: issue.row ?? 0, column: issue.column, header: issue.header, code: issue.code, details: issue.details });
  await p.progress({ phase: 'checking', processedRows: parsed.length, totalRows: parsed.length });

  let planned: PlannedRow<Record<string, unknown>>[] = [];
  if (found.layout && found.issues.length === 0) {
    planned = await plan.plan(parsed, { provinceCode: job.provinceCode, currentYear: vietnamYear(p.clock.now()) });
    for (const row of planned) for (const problem of row.problems) issues.push(rowIssue(row.rowNumber, problem, place));
  }
  // Column letters are ASCII: a plain comparison orders them as localeCompare would, without its cost on 100,000 issues.
  issues.sort((a, b) => a.row - b.row || compareText(a.column ?? '', b.column ?? ''));
  const listed = issues.slice(0, MAX_LISTED_PROBLEMS).map(shortenDetails);

  const report: ImportReport = {
    format: job.uploadFormat,
    sheetName: found.layout?.sheetName ?? null,
    headerRow: found.layout?.headerRow ?? null,
    dataRows: parsed.length,
    blankRows: found.blankRows,
    rowsWithProblems: new Set(issues.map((issue) => issue.row)).size,
    problemCount: issues.length,
    problems: listed,
    problemsTruncated: issues.length > MAX_LISTED_PROBLEMS,
    created: 0,
    updated: 0,
    unchanged: 0,
    notices,
  };
  if (job.mode === 'dry_run') {
    // What a dry run can tell of the rows without problems: which add a record and which match one
    // (whether a matched record would really change is known only when it is written).
    const rowsWithProblems = new Set(issues.map((issue) => issue.row));
    const clean = planned.filter((row) => !rowsWithProblems.has(row.rowNumber));
    report.updated = clean.filter((row) => row.existingId !== null).length;
    report.created = clean.length - report.updated;
  }
  report.matchDigest = matchDigestOf(planned);
  return { report, planned, problemFree: issues.length === 0 && found.layout !== undefined, place };
}

/** Which record each row matched, as one short digest (rows in file order). */
function matchDigestOf(planned: readonly PlannedRow<Record<string, unknown>>[]): string {
  const hash = createHash('sha256');
  for (const row of planned) hash.update(`${row.rowNumber}:${row.existingId ?? '-'};`);
  return hash.digest('base64url');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The issue with every text in its details cut to MAX_PROBLEM_VALUE_CHARS characters. */
export function shortenDetails(issue: ImportIssue): ImportIssue {
  let details = issue.details;
  for (const [key, value] of Object.entries(issue.details)) {
    if (typeof value !== 'string' || value.length <= MAX_PROBLEM_VALUE_CHARS) continue;
    if (details === issue.details) details = { ...issue.details };
    // Never between the two halves of a surrogate pair: a lone half cannot be stored.
    const end = /[\uD800-\uDBFF]/.test(value[MAX_PROBLEM_VALUE_CHARS - 1] ?? '') ? MAX_PROBLEM_VALUE_CHARS - 1 : MAX_PROBLEM_VALUE_CHARS;
    details[key] = `${value.slice(0, end)}…`;
  }
  return details === issue.details ? issue : { ...issue, details };
}

export function rowIssue(row: number, problem: RowProblem, place: Placer): ImportIssue {
  return { row, ...place(problem.key), code: problem.code, details: problem.details };
}

/** The template's example row, left in by mistake: every filled example cell is in the row, and nothing else. */
function isExampleRow(row: ImportRow, example: readonly (string | number | null)[]): boolean {
  let matched = 0;
  for (let i = 0; i < example.length; i++) {
    const wanted = example[i];
    const got: CellInput = row.values[i];
    const gotText = cellText(got);
    if (wanted === null || wanted === undefined) {
      if (gotText !== '') return false;
      continue;
    }
    if (gotText !== cellText(wanted)) return false;
    matched++;
  }
  return matched > 0;
}
