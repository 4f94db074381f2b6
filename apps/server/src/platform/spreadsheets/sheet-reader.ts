import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { decodeTextFile, detectLegacyText, guessLegacyBytes } from './legacy-vietnamese';
import type { CellInput } from './cells';

/** A problem found while reading one cell, before its column's rules run. */
export type CellReadProblem = { code: string; details: Record<string, unknown> };

/** One cell as read: its value for the column parser, or the reason it cannot be used. */
export type RawCell = { value: CellInput; problem?: CellReadProblem };

/** One row of a sheet: its number as the user sees it (1-based) and its cells by column (0-based). */
export type RawRow = { rowNumber: number; cells: (RawCell | undefined)[] };

export type RawSheet = { name: string; rows: AsyncIterable<RawRow> };

/** Rows read between two yields to the event loop, so a large file never holds the server up. */
export const ROWS_PER_SLICE = 250;

/** Turns chunks of UTF-8 bytes into text without cutting a character in two at a chunk boundary. */
async function* decodeUtf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings: (entry: Readable) => unknown;
  _parseStyles: (entry: Readable) => unknown;
  _parseWorkbook: (entry: Readable) => unknown;
};

/**
 * exceljs 4.4's streaming reader decodes each chunk of XML on its own
 * (`TextDecoder.decode(chunk)` in lib/utils/parse-sax.js), so a Vietnamese letter whose UTF-8
 * bytes straddle two chunks turns into "��" — in a 20,000-row file, several cells. Its SAX
 * parser passes text through untouched, so the reader is handed text decoded across chunk
 * boundaries instead. The import tests with 20,000 rows of Vietnamese text catch a regression.
 */
function createWorkbookReader(input: Readable) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers; fonts tell .VnTime / VNI text
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet;
  internals._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, decodeUtf8Chunks(iterator), sheetNo);
  };
  for (const name of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook'] as const) {
    const original = internals[name];
    internals[name] = function (entry: Readable) {
      return original.call(this, Readable.from(decodeUtf8Chunks(entry)));
    };
  }
  return reader;
}

/** The visible worksheets of an xlsx workbook, read as a stream: rows are never all in memory at once. */
export async function* readXlsxSheets(input: Readable): AsyncGenerator<RawSheet> {
  const reader = createWorkbookReader(input);
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as WorksheetLike;
      if (sheet.state && sheet.state !== 'visible') {
        for await (const _row of sheet) {
          // drain hidden sheets (the template's lists) without reading them
        }
        continue;
      }
      yield { name: sheet.name, rows: xlsxRows(sheet) };
    }
  } finally {
    input.destroy();
  }
}

type CellLike = { value: unknown; numFmt?: string; font?: { name?: string } };
type RowLike = { number: number; cellCount: number; getCell: (col: number) => CellLike };
type WorksheetLike = AsyncIterable<RowLike> & { name: string; state?: string };

async function* xlsxRows(sheet: WorksheetLike): AsyncGenerator<RawRow> {
  let sinceYield = 0;
  for await (const row of sheet) {
    const cells: (RawCell | undefined)[] = [];
    for (let col = 1; col <= row.cellCount; col++) {
      const cell = row.getCell(col);
      if (cell.value === null || cell.value === undefined) continue;
      cells[col - 1] = readXlsxCell(cell);
    }
    yield { rowNumber: row.number, cells };
    if (++sinceYield >= ROWS_PER_SLICE) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
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
  const legacy = detectLegacyText(text, fontName);
  if (legacy) {
    return {
      value: legacy.suggestion,
      problem: { code: 'import.legacy_encoding', details: { encoding: legacy.encoding, value: text, suggestion: legacy.suggestion } },
    };
  }
  return { value: text };
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
      let sinceYield = 0;
      for (const record of parseCsv(text)) {
        const cells = record.fields.map((field): RawCell | undefined => {
          if (field === '') return undefined;
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
        if (++sinceYield >= ROWS_PER_SLICE) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
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

/** RFC 4180 records: quoted fields may hold separators, quotes ("") and line breaks. Record numbers start at 1. */
export function* parseCsv(text: string, delimiter = detectCsvDelimiter(text)): Generator<{ number: number; fields: string[] }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let number = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    const record = { number, fields };
    fields = [];
    field = '';
    number++;
    return record;
  };
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      yield endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) yield endRecord();
}
