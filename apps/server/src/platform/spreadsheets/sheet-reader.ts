import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { decodeTextFile, detectLegacyText, guessLegacyBytes } from './legacy-vietnamese';
import type { CellInput } from './cells';
import {
  MAX_CELL_CHARS,
  MAX_CSV_FIELD_CHARS,
  MAX_SHARED_STRINGS,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_XLSX_UNPACKED_BYTES,
  MAX_XML_TEXT_RUN,
  sheetLimitError,
} from './sheet-limits';
import { workbookParts } from './zip-directory';

/** A problem found while reading one cell, before its column's rules run. */
export type CellReadProblem = { code: string; details: Record<string, unknown> };

/** One cell as read: its value for the column parser, or the reason it cannot be used. */
export type RawCell = { value: CellInput; problem?: CellReadProblem };

/** One row of a sheet: its number as the user sees it (1-based) and its cells by column (0-based). */
export type RawRow = { rowNumber: number; cells: (RawCell | undefined)[] };

export type RawSheet = { name: string; rows: AsyncIterable<RawRow> };

/** Rows read between two yields to the event loop, so a large file never holds the server up. */
export const ROWS_PER_SLICE = 250;
/** The longest stretch of reading between two yields to the event loop, whatever the rows hold. */
export const SLICE_MS = 20;

/** Yields to the event loop every ROWS_PER_SLICE rows or SLICE_MS milliseconds, whichever comes first. */
function sliceClock() {
  let rows = 0;
  let started = performance.now();
  return async () => {
    if (++rows < ROWS_PER_SLICE && performance.now() - started < SLICE_MS) return;
    rows = 0;
    await yieldToEventLoop();
    started = performance.now();
  };
}

/** Counts the rows read from one file against MAX_SHEET_ROWS. */
function rowBudget() {
  let rows = 0;
  return () => {
    if (++rows > MAX_SHEET_ROWS) throw sheetLimitError('import.too_many_rows', `The file has more than ${MAX_SHEET_ROWS} rows.`);
  };
}

/** What every inflated entry of one workbook is counted against while it streams. */
type InflateBudget = { bytes: number };

/**
 * Turns chunks of UTF-8 bytes into text without cutting a character in two at a chunk boundary,
 * counting the inflated bytes against the workbook's budget and failing on a text run between two
 * tags longer than any cell may be, before the XML parser has to hold it.
 */
async function* decodeUtf8Chunks(
  source: AsyncIterable<Buffer | string>,
  budget: InflateBudget,
  onChunk?: () => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let run = 0;
  // Runs inside one chunk (16 KB from the inflater) are shorter than the limit; runs across chunks add up here.
  const check = (text: string) => {
    const lastTag = text.lastIndexOf('<');
    if (lastTag === -1) run += text.length;
    else if (run + text.indexOf('<') > MAX_XML_TEXT_RUN) run += text.indexOf('<');
    else run = text.length - lastTag - 1;
    if (run > MAX_XML_TEXT_RUN) throw sheetLimitError('import.cell_too_long', `A cell holds more than ${MAX_CELL_CHARS} characters.`);
  };
  for await (const chunk of source) {
    budget.bytes += chunk.length;
    if (budget.bytes > MAX_XLSX_UNPACKED_BYTES) {
      throw sheetLimitError('import.file_unpacks_too_large', `The workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES} bytes.`);
    }
    onChunk?.();
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!text) continue;
    check(text);
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A cell element of a sheet's XML, with its column letters: `<c r="XFD7" …/>` or `<c r="B2" …>…</c>`. */
const CELL_ELEMENT = /<c r="([A-Z]{1,3})\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const FAR_COLUMN = columnNumber('A') + MAX_SHEET_COLUMNS;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Removes from a sheet's XML every cell beyond MAX_SHEET_COLUMNS before exceljs sees it: exceljs
 * gives each row an array as long as its last column, so one cell in XFD on 20,000 rows costs
 * seconds of parsing and gigabytes. Text is handed on up to the last cell that may be incomplete.
 */
async function* dropFarCells(source: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  const keep = (xml: string) => xml.replace(CELL_ELEMENT, (cell, letters: string) => (columnNumber(letters) >= FAR_COLUMN ? '' : cell));
  for await (const chunk of source) {
    const text = carry + chunk;
    const lastCell = text.lastIndexOf('<c ');
    const cut = lastCell === -1 ? text.length : lastCell;
    carry = text.slice(cut);
    // A cell element longer than any cell may be: handed on unfiltered, the cell-length guard then applies.
    if (carry.length > MAX_XML_TEXT_RUN) {
      yield keep(text.slice(0, cut)) + carry;
      carry = '';
      continue;
    }
    const done = text.slice(0, cut);
    if (done) yield keep(done);
  }
  if (carry) yield keep(carry);
}

type ReaderInternals = {
  _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings: (entry: Readable) => unknown;
  _parseStyles: (entry: Readable) => unknown;
  _parseWorkbook: (entry: Readable) => unknown;
  _parseRels: (entry: Readable) => unknown;
  sharedStrings?: unknown[];
};

/**
 * exceljs 4.4's streaming reader decodes each chunk of XML on its own
 * (`TextDecoder.decode(chunk)` in lib/utils/parse-sax.js), so a Vietnamese letter whose UTF-8
 * bytes straddle two chunks turns into "��" — in a 20,000-row file, several cells. Its SAX
 * parser passes text through untouched, so the reader is handed text decoded across chunk
 * boundaries instead. The import tests with 20,000 rows of Vietnamese text catch a regression.
 */
function createWorkbookReader(input: Readable, options: { noSharedStrings?: boolean } = {}) {
  const budget: InflateBudget = { bytes: 0 };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers; fonts tell .VnTime / VNI text
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  // A workbook without a shared-string table has an empty one: sheets then stream instead of being spooled to disk.
  if (options.noSharedStrings) internals.sharedStrings = [];
  const parseWorksheet = internals._parseWorksheet;
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, dropFarCells(decodeUtf8Chunks(iterator, budget)), sheetNo);
  };
  // exceljs fills its shared-string table as it parses; checked each time it asks for more text.
  const countSharedStrings = () => {
    if ((internals.sharedStrings?.length ?? 0) > MAX_SHARED_STRINGS) {
      throw sheetLimitError('import.too_many_shared_strings', `The workbook has more than ${MAX_SHARED_STRINGS} shared strings.`);
    }
  };
  for (const name of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseRels'] as const) {
    const original = internals[name];
    const onChunk = name === '_parseSharedStrings' ? countSharedStrings : undefined;
    internals[name] = function (entry: Readable) {
      return original.call(this, Readable.from(decodeUtf8Chunks(entry, budget, onChunk)));
    };
  }
  return reader;
}

/**
 * The visible worksheets of an xlsx workbook, read as a stream: rows are never all in memory at once.
 * Given the file's bytes, its zip directory is checked against the limits before anything is inflated,
 * and only the parts the reader parses are handed to it, each inflated under the byte limit.
 */
export async function* readXlsxSheets(source: Readable | Buffer): AsyncGenerator<RawSheet> {
  const parts = Buffer.isBuffer(source) ? workbookParts(source) : null;
  const input = parts ? Readable.from([parts.bytes]) : (source as Readable);
  const reader = createWorkbookReader(input, { noSharedStrings: parts ? !parts.hasSharedStrings : false });
  const countRow = rowBudget();
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as WorksheetLike;
      if (sheet.state && sheet.state !== 'visible') {
        for await (const _row of sheet) {
          // drain hidden sheets (the template's lists) without reading them
        }
        continue;
      }
      yield { name: sheet.name, rows: xlsxRows(sheet, countRow) };
    }
  } finally {
    input.destroy();
  }
}

type CellLike = { value: unknown; numFmt?: string; font?: { name?: string } };
type RowLike = { number: number; cellCount: number; findCell: (col: number) => CellLike | undefined };
type WorksheetLike = AsyncIterable<RowLike> & { name: string; state?: string };

/** Rows with the cells of the first MAX_SHEET_COLUMNS columns; cells beyond are never looked at (findCell creates none). */
async function* xlsxRows(sheet: WorksheetLike, countRow: () => void): AsyncGenerator<RawRow> {
  const slice = sliceClock();
  for await (const row of sheet) {
    countRow();
    const cells: (RawCell | undefined)[] = [];
    const last = Math.min(row.cellCount, MAX_SHEET_COLUMNS);
    for (let col = 1; col <= last; col++) {
      const cell = row.findCell(col);
      if (!cell || cell.value === null || cell.value === undefined) continue;
      cells[col - 1] = readXlsxCell(cell);
    }
    yield { rowNumber: row.number, cells };
    await slice();
  }
}

const DATE_FORMAT = /[dmyhs]/i;

/** Unwraps rich text, hyperlinks and formulas (their saved result), and checks text for legacy encodings. */
export function readXlsxCell(cell: CellLike): RawCell {
  const raw = cell.value;
  const fontName = cell.font?.name ?? null;
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'string') return textCell(raw, fontName);
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return { value: raw };
  if (typeof raw !== 'object') return { value: String(raw) };
  const value = raw as Record<string, unknown>;
  if (Array.isArray(value.richText)) return textCell(richTextOf(value.richText), fontName);
  if ('hyperlink' in value && 'text' in value) {
    const text = value.text;
    return textCell(
      typeof text === 'string'
        ? text
        : Array.isArray((text as { richText?: unknown })?.richText)
          ? richTextOf((text as { richText: unknown[] }).richText)
          : '',
      fontName,
    );
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = String(value.formula ?? value.sharedFormula ?? '');
    const result = value.result;
    if (result === undefined || result === null || result === '') {
      return { value: null, problem: { code: 'import.formula_without_result', details: { formula: `=${formula}` } } };
    }
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) return { value: null, problem: { code: 'import.cell_error_value', details: { value: `=${formula}` } } };
      if (cell.numFmt && DATE_FORMAT.test(cell.numFmt.replace(/"[^"]*"|\[[^\]]*]/g, ''))) return { value: excelSerialToDate(result) };
      return { value: result };
    }
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return {
        value: null,
        problem: { code: 'import.cell_error_value', details: { value: String((result as { error: unknown }).error) } },
      };
    }
    if (typeof result === 'string') return textCell(result, fontName);
    if (typeof result === 'boolean' || result instanceof Date) return { value: result };
    return { value: String(result) };
  }
  if ('error' in value) return { value: null, problem: { code: 'import.cell_error_value', details: { value: String(value.error) } } };
  return { value: null, problem: { code: 'import.cell_unreadable', details: {} } };
}

function richTextOf(parts: unknown[]): string {
  return parts.map((part) => String((part as { text?: unknown })?.text ?? '')).join('');
}

/**
 * A text cell; legacy-encoded text is reported, and its likely reading is kept as the value only
 * so that a header row written in TCVN3 or VNI is still recognised (a reported cell is never imported).
 */
function textCell(text: string, fontName: string | null): RawCell {
  if (text.length > MAX_CELL_CHARS) throw sheetLimitError('import.cell_too_long', `A cell holds more than ${MAX_CELL_CHARS} characters.`);
  const unstorable = unstorableCharacter(text);
  if (unstorable) return { value: null, problem: { code: 'import.unstorable_character', details: { character: unstorable } } };
  const legacy = detectLegacyText(text, fontName);
  if (legacy) {
    return {
      value: legacy.suggestion,
      problem: { code: 'import.legacy_encoding', details: { encoding: legacy.encoding, value: text, suggestion: legacy.suggestion } },
    };
  }
  return { value: text };
}

/** NUL and lone surrogates: PostgreSQL cannot store them, so the dry run names their cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this finds
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of text that cannot be stored, as U+XXXX, or null. */
export function unstorableCharacter(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Excel's day count (1900 system) to a UTC date. */
function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

// ————— CSV —————

/**
 * A CSV file as one sheet. UTF-8 (with or without BOM) and UTF-16 with BOM are read as text; any
 * other bytes mean an old code page (Windows-1258, TCVN3, VNI): such a file is still split into
 * rows and columns (separators are ASCII in all of them), and every cell with non-ASCII bytes is
 * reported with the text it most likely stands for, so nothing is stored as garbage.
 */
export function readCsvSheet(bytes: Buffer, name: string): RawSheet {
  const decoded = decodeTextFile(bytes);
  const legacy = decoded.encoding === 'legacy';
  const text = decoded.encoding === 'legacy' ? decoded.latin1 : decoded.text;
  return {
    name,
    rows: (async function* () {
      const slice = sliceClock();
      const countRow = rowBudget();
      for (const record of parseCsv(text)) {
        countRow();
        const cells = record.fields.map((field): RawCell | undefined => {
          if (field === '') return undefined;
          const unstorable = unstorableCharacter(field);
          if (unstorable) return { value: null, problem: { code: 'import.unstorable_character', details: { character: unstorable } } };
          if (legacy && /[\u0080-\u00ff]/.test(field)) {
            // The bytes as a Western code page would show them, and the reading that makes Vietnamese words.
            const guess = guessLegacyBytes(field);
            const shown = new TextDecoder('windows-1252').decode(Buffer.from(field, 'latin1'));
            return {
              value: guess.suggestion,
              problem: {
                code: 'import.legacy_encoding',
                details: { encoding: guess.encoding, value: shown, suggestion: guess.suggestion },
              },
            };
          }
          return legacy ? { value: field } : textCell(field, null);
        });
        yield { rowNumber: record.number, cells };
        await slice();
      }
    })(),
  };
}

/** The separator of a CSV file: the one of , ; tab that splits its first line most, outside quotes. */
export function detectCsvDelimiter(text: string): string {
  const firstLine = text.slice(0, 10_000).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * RFC 4180 records: quoted fields may hold separators, quotes ("") and line breaks. Record numbers
 * start at 1. Fields beyond MAX_SHEET_COLUMNS are skipped without being built; a field longer than
 * MAX_CSV_FIELD_CHARS (a quote that never closes, too) fails the file as soon as the limit is passed.
 */
export function* parseCsv(text: string, delimiter = detectCsvDelimiter(text)): Generator<{ number: number; fields: string[] }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let number = 1;
  let i = 0;
  const n = text.length;
  const add = (ch: string) => {
    if (fields.length >= MAX_SHEET_COLUMNS) return;
    if (field.length >= MAX_CSV_FIELD_CHARS) {
      throw sheetLimitError('import.cell_too_long', `Row ${number} holds a field of more than ${MAX_CSV_FIELD_CHARS} characters.`);
    }
    field += ch;
  };
  const endField = () => {
    if (fields.length < MAX_SHEET_COLUMNS) fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    const record = { number, fields };
    fields = [];
    number++;
    return record;
  };
  let started = false;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          add('"');
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      add(ch);
      i++;
      continue;
    }
    if (ch === '"' && !started) {
      quoted = true;
      started = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      started = false;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      yield endRecord();
      started = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      add(ch);
      started = true;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) yield endRecord();
}
