import { foldVietnamese } from '@ocop/domain/shared';
import type { CellReadProblem, RawCell, RawRow, RawSheet } from './sheet-reader';
import type { CellInput } from './cells';

/** What header matching needs of a column: its header and whether the import can do without it. */
export type ImportColumn = { key: string; header: string; required: boolean; readOnly?: boolean };

/** A problem of the file as a whole or of its header row; `row`/`column` null when it has no place. */
export type SheetIssue = {
  row: number | null;
  column: string | null;
  header: string | null;
  code: string;
  details: Record<string, unknown>;
};

/** A data row with its cells in the template's column order. */
export type ImportRow = {
  rowNumber: number;
  /** Cell values in the order of the column list; undefined where the file has no such column or an empty cell. */
  values: CellInput[];
  /** Cells that could not be read (formula without result, error value, legacy encoding), by template column index. */
  cellProblems: { columnIndex: number; problem: CellReadProblem }[];
};

export type SheetLayout = {
  sheetName: string;
  headerRow: number;
  /** For each template column, the 0-based column of the file that holds it, or -1. */
  fileColumnOf: number[];
};

/** How many rows at the top of a sheet may hold titles and headers. */
const HEADER_SCAN_ROWS = 15;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function tokens(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((token) => token !== '');
}

function hasContent(cell: RawCell | undefined): boolean {
  if (!cell) return false;
  if (cell.problem) return true;
  const value = cell.value;
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

function cellText(cell: RawCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  return value instanceof Date ? '' : String(value).trim();
}

/**
 * How well a header text names a column: 3 for the same words, 2 for the same words in a header
 * made of two rows ("Giá (đồng)" above "Thấp nhất"), 1 when the text holds all the column's words
 * plus at most three more; 0 otherwise.
 */
function matchScore(candidate: string, column: ImportColumn, combined: boolean): number {
  const want = tokens(column.header);
  const have = tokens(candidate);
  if (want.length === 0 || have.length === 0) return 0;
  if (want.join(' ') === have.join(' ')) return combined ? 2 : 3;
  const haveSet = new Set(have);
  const extra = have.length - want.length;
  if (want.every((token) => haveSet.has(token)) && extra >= 0 && extra <= 3) return 1;
  return 0;
}

type HeaderGuess = { index: number; fileColumnOf: number[]; matched: number };

function guessHeader(rows: RawRow[], columns: readonly ImportColumn[]): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  rows.forEach((row, index) => {
    const above = index > 0 ? rows[index - 1] : undefined;
    const width = Math.max(row.cells.length, above?.cells.length ?? 0);
    // A group header merged over several columns has its text in the first of them only: carry it right.
    const group: string[] = [];
    let carried = '';
    for (let col = 0; col < width; col++) {
      const text = above ? cellText(above.cells[col]) : '';
      if (text !== '') carried = text;
      group[col] = carried;
    }
    const scores: number[][] = columns.map(() => []);
    for (let col = 0; col < width; col++) {
      const own = cellText(row.cells[col]);
      const aboveOwn = above ? cellText(above.cells[col]) : '';
      columns.forEach((column, c) => {
        let score = 0;
        if (own !== '') {
          score = matchScore(own, column, false);
          if (score === 0 && group[col]) score = matchScore(`${group[col]} ${own}`, column, true);
        } else if (aboveOwn !== '') {
          // A header merged down over two rows leaves the lower cell empty.
          score = matchScore(aboveOwn, column, true);
        }
        (scores[c] as number[])[col] = score;
      });
    }
    // Each template column takes the file column that names it best; each file column serves one template column.
    const fileColumnOf = columns.map(() => -1);
    const taken = new Set<number>();
    const pairs: { c: number; col: number; score: number }[] = [];
    scores.forEach((byCol, c) => {
      byCol.forEach((score, col) => {
        if (score > 0) pairs.push({ c, col, score });
      });
    });
    pairs.sort((a, b) => b.score - a.score || a.col - b.col);
    for (const pair of pairs) {
      if (fileColumnOf[pair.c] !== -1 || taken.has(pair.col)) continue;
      fileColumnOf[pair.c] = pair.col;
      taken.add(pair.col);
    }
    const matched = fileColumnOf.filter((col) => col !== -1).length;
    if (!best || matched > best.matched) best = { index, fileColumnOf, matched };
  });
  return best;
}

/**
 * Finds the sheet and the header row that match the template (titles above the header, headers
 * merged over two rows, columns in another order or missing optional columns are all fine), then
 * yields each non-blank data row with its cells in template order. Blank rows are counted, not
 * yielded. Problems of the file itself (no header, a missing required column) end the reading.
 */
export async function* readImportRows(
  sheets: AsyncIterable<RawSheet>,
  columns: readonly ImportColumn[],
  found: { layout?: SheetLayout; issues: SheetIssue[]; blankRows: number },
): AsyncGenerator<ImportRow> {
  const needed = Math.max(2, Math.ceil(columns.filter((column) => column.required).length / 2));
  let firstSheetName: string | null = null;
  for await (const sheet of sheets) {
    firstSheetName ??= sheet.name;
    if (found.layout) {
      // The data sheet was found and read; later sheets are drained unread.
      for await (const _row of sheet.rows) {
        // nothing to do
      }
      continue;
    }
    const scanned: RawRow[] = [];
    const head: RawRow[] = [];
    const iterator = sheet.rows[Symbol.asyncIterator]();
    let exhausted = false;
    while (head.length < HEADER_SCAN_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      scanned.push(next.value);
      if (next.value.cells.some(hasContent)) head.push(next.value);
    }
    const guess = guessHeader(head, columns);
    if (!guess || guess.matched < needed) {
      if (!exhausted) while (!(await iterator.next()).done) {}
      continue;
    }
    const headerRow = head[guess.index] as RawRow;
    const layout: SheetLayout = { sheetName: sheet.name, headerRow: headerRow.rowNumber, fileColumnOf: guess.fileColumnOf };
    found.layout = layout;
    const missing = columns.filter((column, c) => column.required && !column.readOnly && guess.fileColumnOf[c] === -1);
    for (const column of missing) {
      found.issues.push({
        row: headerRow.rowNumber,
        column: null,
        header: column.header,
        code: 'import.missing_column',
        details: { header: column.header },
      });
    }
    if (missing.length > 0) {
      if (!exhausted) while (!(await iterator.next()).done) {}
      continue;
    }
    // Excel leaves empty rows out of the file: a gap in the row numbers is blank rows too.
    let lastRow = headerRow.rowNumber;
    const toImportRow = (row: RawRow): ImportRow | null => {
      found.blankRows += Math.max(0, row.rowNumber - lastRow - 1);
      lastRow = row.rowNumber;
      const values: CellInput[] = [];
      const cellProblems: ImportRow['cellProblems'] = [];
      let blank = true;
      guess.fileColumnOf.forEach((col, c) => {
        const cell = col === -1 ? undefined : row.cells[col];
        if (cell?.problem) {
          cellProblems.push({ columnIndex: c, problem: cell.problem });
          blank = false;
        }
        const value = cell?.value;
        values[c] = value === null ? undefined : value;
        if (value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')) blank = false;
      });
      if (blank) {
        found.blankRows++;
        return null;
      }
      return { rowNumber: row.rowNumber, values, cellProblems };
    };
    for (const row of scanned.filter((row) => row.rowNumber > headerRow.rowNumber)) {
      const data = toImportRow(row);
      if (data) yield data;
    }
    if (exhausted) continue;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.rowNumber <= headerRow.rowNumber) continue;
      const data = toImportRow(next.value);
      if (data) yield data;
    }
  }
  if (!found.layout) {
    found.issues.push({
      row: null,
      column: null,
      header: null,
      code: 'import.header_not_found',
      details: {
        sheet: firstSheetName ?? '',
        headers: columns
          .filter((column) => column.required)
          .map((column) => column.header)
          .join('; '),
      },
    });
  }
}
