import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column of a report sheet: its header, width in characters, and how its cells are kept. */
export type ReportColumn = {
  header: string;
  width: number;
  /** 'date' cells show day/month/year; 'text' keeps codes such as "012/GCN" from turning into numbers. */
  kind?: 'text' | 'number' | 'date';
};

/** An ISO day ("2026-03-02") for a 'date' column, or a plain value. */
export type ReportCell = string | number | null;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBD3' } };

function dateOf(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/**
 * A one-sheet report workbook held in memory (for lists of a few thousand rows; the registry's
 * streaming export is for whole tables): a bold title row, the header row (frozen with the title,
 * filterable), then the rows. Dates are real dates shown dd/mm/yyyy, so Excel sorts them.
 * Strings are written as strings, never as formulas.
 */
export async function writeReportWorkbook(input: {
  sheetName: string;
  title: string;
  columns: readonly ReportColumn[];
  rows: readonly (readonly ReportCell[])[];
  /** Stamped as the workbook's creation time, so the same data gives the same file. */
  createdAt: Date;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP';
  workbook.created = input.createdAt;
  workbook.modified = input.createdAt;
  const sheet = workbook.addWorksheet(input.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  input.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (column.kind === 'date') sheetColumn.numFmt = 'dd/mm/yyyy';
    if (column.kind === 'text') sheetColumn.numFmt = '@';
  });

  const title = sheet.getRow(1);
  title.getCell(1).value = input.title;
  title.font = { bold: true, size: 13 };
  if (input.columns.length > 1) sheet.mergeCells(1, 1, 1, input.columns.length);

  const header = sheet.getRow(2);
  input.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.font = { bold: true };

  input.rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(rowIndex + 3);
    values.forEach((value, index) => {
      if (value === null || value === '') return;
      const kind = input.columns[index]?.kind;
      row.getCell(index + 1).value = kind === 'date' && typeof value === 'string' ? (dateOf(value) ?? value) : value;
    });
  });
  if (input.columns.length > 0) {
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + input.rows.length, column: input.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
