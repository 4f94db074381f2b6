import { PRODUCT_HEADERS } from '../modules/registry/imports/product-columns';
import { MAX_SHEET_ROWS } from '../platform/spreadsheets/sheet-limits';
import { columnLetter } from '../platform/spreadsheets/sheet-rows';
import { hugeSharedString, rowsReachingXfd, workbookOf } from '../test-support/hostile-files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const headerRow = () =>
  `<row r="1">${PRODUCT_HEADERS.map((header, i) => `<c r="${columnLetter(i)}1" t="inlineStr"><is><t>${header}</t></is></c>`).join('')}</row>`;

/** The hostile files of issue 8 (and the limits they meet), each with the code its job fails with (null: read to the end and rejected for its rows' problems). */
export const SPREADSHEET_BOMBS: {
  name: string;
  file: () => Promise<{ bytes: Buffer; filename: string; type: string }>;
  code: string | null;
  /** A wider budget for /api/health than the default 200 ms, with its reason. */
  healthBudgetMs?: number;
}[] = [
  {
    name: '20,000 rows with a cell in A and one in XFD',
    file: async () => ({
      bytes: await workbookOf({
        rows: function* () {
          yield headerRow();
          yield* rowsReachingXfd(20_000, 2);
        },
      }),
      filename: 'xfd.xlsx',
      type: XLSX,
    }),
    code: null,
  },
  {
    name: `more than ${MAX_SHEET_ROWS} rows`,
    file: async () => ({
      bytes: await workbookOf({
        rows: function* () {
          for (let start = 1; start <= MAX_SHEET_ROWS + 10; start += 1000) {
            let batch = '';
            for (let r = start; r < start + 1000; r++) batch += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
            yield batch;
          }
        },
      }),
      filename: 'rows.xlsx',
      type: XLSX,
    }),
    code: 'import.too_many_rows',
  },
  {
    name: 'one shared string of 300 MB (the zip directory tells)',
    file: async () => ({ bytes: await workbookOf(hugeSharedString(300)), filename: 'sst.xlsx', type: XLSX }),
    code: 'import.file_unpacks_too_large',
  },
  {
    name: 'one shared string of 300 MB under a directory that lies about its size',
    file: async () => ({
      bytes: await workbookOf({ ...hugeSharedString(300), lieAboutSizes: true }),
      filename: 'sst-lie.xlsx',
      type: XLSX,
    }),
    code: 'import.cell_too_long',
  },
  {
    name: '110 MB of XML under a directory that lies about its size',
    file: async () => {
      const comments = Buffer.from('<!--0123456789abcdef0123456789-->'.repeat(32 * 1024));
      return {
        bytes: await workbookOf({
          rows: () => ['<row r="1"><c r="A1"><v>1</v></c></row>'],
          sharedStrings: function* () {
            for (let i = 0; i < 110; i++) yield comments;
          },
          lieAboutSizes: true,
        }),
        filename: 'inflate-lie.xlsx',
        type: XLSX,
      };
    },
    code: 'import.file_unpacks_too_large',
  },
  {
    name: 'a 15 MB CSV with a quote that never closes',
    file: async () => ({
      bytes: Buffer.from(`${PRODUCT_HEADERS.join(',')}\r\n"${'x'.repeat(15 * 1024 * 1024)}\r\n`),
      filename: 'open-quote.csv',
      type: 'text/csv',
    }),
    code: 'import.cell_too_long',
  },
  {
    name: 'a CSV with a closed quoted field of 15 MB',
    file: async () => ({
      bytes: Buffer.from(`${PRODUCT_HEADERS.join(',')}\r\n"${'x'.repeat(15 * 1024 * 1024)}",a\r\n`),
      filename: 'long-field.csv',
      type: 'text/csv',
    }),
    code: 'import.cell_too_long',
  },
];
