import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { type CellOutput, csvSafeText, type RegistryColumn } from './sheet-columns';

export type ExportFormat = 'xlsx' | 'csv';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Streams rows as an xlsx workbook (exceljs's streaming writer: rows are written and forgotten)
 * or as UTF-8 CSV with a byte-order mark, so Excel opens Vietnamese text correctly. The first row
 * holds the columns' headers, exactly as in the import template. Rows come in batches from the
 * caller; an error while reading them ends the stream with that error.
 */
/**
 * Reads the first batch before anything is sent: a query that fails at once answers with its
 * error status, instead of a 200 whose body breaks off. (A failure later in the stream can only
 * cut the download short; the client sees an incomplete file, never a complete-looking one.)
 */
export async function primedBatches<Row>(source: AsyncIterable<Row[]>): Promise<AsyncIterable<Row[]>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
}

export function streamSheet<Row>(input: {
  format: ExportFormat;
  sheetName: string;
  columns: readonly RegistryColumn<Row, string>[];
  batches: AsyncIterable<Row[]>;
}): Readable {
  const out = new PassThrough();
  const write = input.format === 'xlsx' ? writeXlsx : writeCsv;
  write(out, input).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

async function writeXlsx<Row>(
  out: PassThrough,
  input: { sheetName: string; columns: readonly RegistryColumn<Row, string>[]; batches: AsyncIterable<Row[]> },
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'OCOP';
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = input.columns.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.addRow(input.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for await (const batch of input.batches) {
    if (out.destroyed) return; // the client went away
    for (const row of batch) sheet.addRow(input.columns.map((column) => xlsxValue(column.format(row)))).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}

async function writeCsv<Row>(out: PassThrough, input: { columns: readonly RegistryColumn<Row, string>[]; batches: AsyncIterable<Row[]> }) {
  out.write('\uFEFF');
  out.write(csvLine(input.columns.map((column) => column.header)));
  for await (const batch of input.batches) {
    if (out.destroyed) return;
    const lines = batch.map((row) =>
      csvLine(
        input.columns.map((column) => column.format(row)),
        true,
      ),
    );
    if (!out.write(lines.join(''))) await drained(out);
  }
  out.end();
}

function xlsxValue(value: CellOutput): CellOutput {
  return value === null || value === '' ? null : value;
}

/** One RFC 4180 line (CRLF); text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvLine(values: readonly CellOutput[], guardFormulas = false): string {
  return `${values
    .map((value) => {
      if (value === null) return '';
      if (typeof value === 'number') return String(value);
      const text = guardFormulas ? csvSafeText(value) : value;
      return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}

function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', reject);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
    out.once('error', reject);
  });
}

/** "chu-the-ocop-2026-03-02.xlsx" */
export function exportFileName(prefix: string, at: Date, format: ExportFormat): string {
  const date = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${prefix}-${date}.${format}`;
}
