import { errorMessage } from '@ocop/contracts/errors';
import type { CriteriaSet, SheetCell, SheetIssue, SheetRowIn } from '@ocop/domain/evaluation';
import { CRITERIA_COLUMNS, CRITERIA_SHEET_NAME, criteriaSheetTable, INFO_SHEET_NAME, infoSheetTable } from '@ocop/domain/evaluation';
import { DomainError, foldVietnamese, isDomainError } from '@ocop/domain/shared';
import ExcelJS from 'exceljs';
import type { CellInput } from '../../../platform/spreadsheets/cells';
import { readXlsxSheets } from '../../../platform/spreadsheets/sheet-reader';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBD3' } };
/** Columns holding codes: kept as text so Excel never turns "1.10" into 1.1. */
const TEXT_COLUMNS = new Set(['part', 'code', 'parent', 'optionId', 'minStars']);
const WRAPPED_COLUMNS = new Set(['label', 'requirement', 'option', 'evidence']);

function fillSheet(sheet: ExcelJS.Worksheet, table: SheetCell[][]) {
  for (const [index, values] of table.entries()) {
    const row = sheet.getRow(index + 1);
    values.forEach((value, column) => {
      if (value !== null && value !== '') row.getCell(column + 1).value = value;
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** The workbook of one version: "Bộ tiêu chí" (one row per option) and "Thông tin" (identity, parts, disqualifiers). */
export async function buildCriteriaWorkbook(set: CriteriaSet, version: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP';
  workbook.created = new Date(0);
  const criteria = workbook.addWorksheet(CRITERIA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  CRITERIA_COLUMNS.forEach((column, index) => {
    const sheetColumn = criteria.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (TEXT_COLUMNS.has(column.key)) sheetColumn.numFmt = '@';
    if (WRAPPED_COLUMNS.has(column.key)) sheetColumn.alignment = { wrapText: true, vertical: 'top' };
  });
  fillSheet(criteria, criteriaSheetTable(set));
  const info = workbook.addWorksheet(INFO_SHEET_NAME);
  info.columns = [
    { width: 18 },
    { width: 24, style: { numFmt: '@' } },
    { width: 60, style: { alignment: { wrapText: true } } },
    { width: 14 },
  ];
  fillSheet(info, infoSheetTable(set, version));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetCell(value: CellInput): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const sameName = (a: string, b: string) => foldVietnamese(a).trim() === foldVietnamese(b).trim();

/**
 * The two sheets of an uploaded workbook as rows of cells, through the platform's limited reader;
 * a cell that cannot be read (legacy encoding, formula without result) is an issue naming its row.
 */
export async function readCriteriaWorkbook(bytes: Buffer): Promise<{ info: SheetRowIn[]; criteria: SheetRowIn[]; issues: SheetIssue[] }> {
  const found: { info: SheetRowIn[] | null; criteria: SheetRowIn[] | null } = { info: null, criteria: null };
  const issues: SheetIssue[] = [];
  try {
    for await (const sheet of readXlsxSheets(bytes)) {
      const target = sameName(sheet.name, CRITERIA_SHEET_NAME) ? 'criteria' : sameName(sheet.name, INFO_SHEET_NAME) ? 'info' : null;
      const rows: SheetRowIn[] = [];
      for await (const row of sheet.rows) {
        if (!target || found[target]) continue;
        const cells: SheetCell[] = [];
        row.cells.forEach((cell, index) => {
          if (!cell) return;
          if (cell.problem)
            issues.push({
              row: row.rowNumber,
              rows: [row.rowNumber],
              path: `${sheet.name}!${row.rowNumber}`,
              code: cell.problem.code,
              message: `Dòng ${row.rowNumber} (${sheet.name}): ${errorMessage(cell.problem.code, 'vi', cell.problem.details)}`,
            });
          cells[index] = cell.problem ? null : sheetCell(cell.value);
        });
        rows.push({ rowNumber: row.rowNumber, cells: Array.from(cells, (value) => value ?? null) });
      }
      if (target && !found[target]) found[target] = rows;
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw new DomainError('invalid', 'criteria.import_unreadable', 'The workbook cannot be read.');
  }
  for (const [key, name] of [
    ['criteria', CRITERIA_SHEET_NAME],
    ['info', INFO_SHEET_NAME],
  ] as const) {
    if (!found[key]) issues.push({ path: name, code: 'sheet.missing', message: `Tệp không có trang "${name}".` });
  }
  return { info: found.info ?? [], criteria: found.criteria ?? [], issues };
}
