import { errorMessage } from '@ocop/contracts/errors';
import type { Language } from '@ocop/contracts/common';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { columnLetter } from '../../../platform/spreadsheets/sheet-rows';
import type { RawCell, RawRow, RawSheet } from '../../../platform/spreadsheets/sheet-reader';
import type { ImportIssue, ImportReport } from './import.tables';
import type { CellOutput, RegistryColumn } from './sheet-columns';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of the template that carry drop-down lists; enough for a whole province's registry. */
const VALIDATED_ROWS = 20_000;
const LISTS_SHEET = 'Danh mục';

export type TemplateLists = {
  /** Values for the drop-down of each column, by column key (enum labels, "code - name" of units and sets). */
  byKey: Record<string, readonly string[]>;
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBD3' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9D9A8' } };
const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8C7C3' } };

/**
 * The import template: the data sheet with the Vietnamese headers (required ones highlighted and
 * marked *, each with its help text as a note), one example row (the import skips it if left
 * unchanged), drop-down lists for types, statuses, communes and product sets kept on a hidden
 * sheet, and a sheet of instructions.
 */
export async function buildTemplate(input: {
  sheetName: string;
  columns: readonly RegistryColumn<never, string>[];
  lists: TemplateLists;
  title: string;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = workbook.addWorksheet('Hướng dẫn');
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  sheet.columns = input.columns.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  input.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = column.required ? REQUIRED_FILL : HEADER_FILL;
    const note = [
      column.required ? 'Bắt buộc.' : 'Không bắt buộc.',
      column.readOnly ? 'Chỉ để xem, không được nhập.' : null,
      column.note ?? null,
    ]
      .filter((part): part is string => part !== null)
      .join(' ');
    cell.note = note;
  });
  header.height = 32;
  const example = sheet.getRow(2);
  input.columns.forEach((column, index) => {
    const cell = example.getCell(index + 1);
    cell.value = column.example as ExcelJS.CellValue;
    cell.font = { italic: true, color: { argb: 'FF6B6B6B' } };
    if (column.type === 'code' || column.type === 'season_months') cell.numFmt = '@';
  });
  // Codes (tax codes, product codes) stay text, so Excel keeps their leading zeros; season months, so "10-1" stays no date.
  input.columns.forEach((column, index) => {
    if (column.type === 'code' || column.type === 'season_months' || column.key === 'phone') sheet.getColumn(index + 1).numFmt = '@';
  });

  let listColumn = 0;
  input.columns.forEach((column, index) => {
    const values = input.lists.byKey[column.key];
    if (!values || values.length === 0) return;
    listColumn++;
    const letter = columnLetter(listColumn - 1);
    lists.getCell(`${letter}1`).value = column.header;
    values.forEach((value, i) => {
      lists.getCell(`${letter}${i + 2}`).value = value;
    });
    const target = columnLetter(index);
    // exceljs writes range validations (one <dataValidation sqref="C2:C20001">) but does not type the property.
    (sheet as unknown as { dataValidations: { add: (address: string, validation: ExcelJS.DataValidation) => void } }).dataValidations.add(
      `${target}2:${target}${VALIDATED_ROWS + 1}`,
      {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: column.type === 'enum',
        errorStyle: 'warning',
        errorTitle: 'Giá trị không có trong danh sách',
        error: 'Hãy chọn một giá trị trong danh sách.',
      },
    );
  });

  guide.columns = [{ width: 36 }, { width: 12 }, { width: 90 }];
  guide.addRow([input.title]).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const line of [
    'Điền mỗi dòng một bản ghi, bắt đầu từ dòng 2 của trang dữ liệu (có thể xoá dòng ví dụ; nếu để nguyên, hệ thống bỏ qua dòng đó).',
    'Cột tô màu cam là bắt buộc. Giữ nguyên dòng tiêu đề; có thể bỏ bớt các cột không bắt buộc.',
    'Số tiền ghi bằng số nguyên đồng (150000, 150.000 hoặc 150,000 đều được). Ngày ghi dạng dd/mm/yyyy.',
    'Chỉ dùng chữ Unicode (không dùng phông .VnTime, VNI-Times).',
    'Tải tệp lên ở chế độ "Kiểm tra thử" trước: hệ thống báo lỗi theo từng dòng, từng cột và chưa ghi gì.',
    'Khi nhập lại cùng một tệp, bản ghi đã có được nhận ra theo mã số thuế/số ĐKKD (chủ thể) hoặc mã sản phẩm và chỉ được cập nhật những gì đã thay đổi.',
  ]) {
    guide.addRow([line]);
  }
  guide.addRow([]);
  guide.addRow(['Cột', 'Bắt buộc', 'Hướng dẫn']).font = { bold: true };
  for (const column of input.columns) guide.addRow([column.header, column.required ? 'Có' : '', column.note ?? '']);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function messageOf(issue: ImportIssue, language: Language): string {
  return errorMessage(issue.code, language, issue.details);
}

/** "Dòng 12, cột C (Loại hình): …" in the user's language. */
export function describeIssue(issue: ImportIssue, language: Language): string {
  const where =
    language === 'vi'
      ? [
          issue.row ? `Dòng ${issue.row}` : null,
          issue.column ? `cột ${issue.column}${issue.header ? ` (${issue.header})` : ''}` : issue.header ? `cột "${issue.header}"` : null,
        ]
      : [
          issue.row ? `Row ${issue.row}` : null,
          issue.column
            ? `column ${issue.column}${issue.header ? ` (${issue.header})` : ''}`
            : issue.header
              ? `column "${issue.header}"`
              : null,
        ];
  const prefix = where.filter((part): part is string => part !== null).join(', ');
  return prefix ? `${prefix}: ${messageOf(issue, language)}` : messageOf(issue, language);
}

/** What the user's cell held: for a reported cell its original text (legacy text, a formula), else its value. */
function copyValue(cell: RawCell | undefined): CellOutput | Date | boolean {
  if (!cell) return null;
  const original = cell.problem?.details.value ?? cell.problem?.details.formula;
  if (cell.problem && typeof original === 'string') return original;
  return cell.value ?? null;
}

/**
 * A copy of the uploaded data sheet (values only, as read) with a column "Lỗi cần sửa" after the
 * last one: every problem of a row in Vietnamese, the cells at fault in red. A second sheet sums
 * up the run and lists problems of the file itself. Written with exceljs's streaming writer.
 */
export async function buildProblemReport(input: {
  /** Fresh readers of the upload; it is read twice (widths, then values). */
  openSheets: () => Promise<AsyncIterable<RawSheet>>;
  report: ImportReport;
  fileName: string;
  language: Language;
}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'OCOP';
  const vi = input.language === 'vi';
  const byRow = new Map<number, ImportIssue[]>();
  const fileIssues: ImportIssue[] = [];
  for (const issue of input.report.problems) {
    if (!issue.row) fileIssues.push(issue);
    else byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  }
  const { sheetName, headerRow } = input.report;
  const sheet = workbook.addWorksheet((sheetName ?? 'Dữ liệu').slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow ?? 0 }] });
  // First pass: the widest row, so the problem column comes after every column of the upload.
  let width = 0;
  await eachDataRow(await input.openSheets(), sheetName, (row) => {
    width = Math.max(width, row.cells.length);
  });
  const problemColumn = width + 1;
  await eachDataRow(await input.openSheets(), sheetName, (row) => {
    const target = sheet.getRow(row.rowNumber);
    row.cells.forEach((cell, index) => {
      const value = copyValue(cell);
      if (value !== null) target.getCell(index + 1).value = value as ExcelJS.CellValue;
    });
    const issues = byRow.get(row.rowNumber);
    if (issues) {
      for (const issue of issues) if (issue.column) target.getCell(columnIndexOf(issue.column) + 1).fill = PROBLEM_FILL;
      const cell = target.getCell(problemColumn);
      cell.value = issues.map((issue) => describeIssue({ ...issue, row: 0 }, input.language)).join('\n');
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { color: { argb: 'FFB00020' } };
    }
    if (row.rowNumber === headerRow) {
      const cell = target.getCell(problemColumn);
      cell.value = vi ? 'Lỗi cần sửa' : 'Problems to fix';
      cell.font = { bold: true, color: { argb: 'FFB00020' } };
    }
    // Rows are written in the order read and forgotten once committed.
    target.commit();
  });
  sheet.getColumn(problemColumn).width = 70;
  sheet.commit();

  const summary = workbook.addWorksheet(vi ? 'Tóm tắt' : 'Summary');
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 80;
  const line = (label: string, value: string | number) => summary.addRow([label, value]).commit();
  line(vi ? 'Tệp' : 'File', input.fileName);
  line(vi ? 'Số dòng dữ liệu' : 'Data rows', input.report.dataRows);
  line(vi ? 'Số dòng trống (bỏ qua)' : 'Blank rows (skipped)', input.report.blankRows);
  line(vi ? 'Số dòng có lỗi' : 'Rows with problems', input.report.rowsWithProblems);
  line(vi ? 'Số lỗi' : 'Problems', input.report.problemCount);
  for (const issue of fileIssues) line(vi ? 'Lỗi của tệp' : 'File problem', describeIssue(issue, input.language));
  if (input.report.problemsTruncated)
    line(
      vi ? 'Lưu ý' : 'Note',
      vi
        ? `Chỉ liệt kê ${input.report.problems.length} lỗi đầu tiên.`
        : `Only the first ${input.report.problems.length} problems are listed.`,
    );
  summary.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Calls `visit` for each row of the named sheet (the first sheet when no name is known); other sheets are drained. */
async function eachDataRow(sheets: AsyncIterable<RawSheet>, sheetName: string | null, visit: (row: RawRow) => void) {
  let done = false;
  for await (const raw of sheets) {
    const wanted = !done && (sheetName === null || raw.name === sheetName);
    for await (const row of raw.rows) if (wanted) visit(row);
    if (wanted) done = true;
  }
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
