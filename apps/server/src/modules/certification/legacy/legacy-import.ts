import { LEGACY_IMPORT_MAX_ROWS } from '@ocop/contracts/certification';
import { MAX_NUMBER_LENGTH, normaliseCertificateNumber, termEnd } from '@ocop/domain/certification';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { CellInput } from '../../../platform/spreadsheets/cells';
import type { RawSheet } from '../../../platform/spreadsheets/sheet-reader';
import { columnLetter, readImportRows, type SheetIssue, type SheetLayout } from '../../../platform/spreadsheets/sheet-rows';
import { cellText, isExampleNumber, LEGACY_COLUMN_KEYS, LEGACY_COLUMNS, type LegacyKey } from './legacy-columns';
import { districtAsWritten, type FormerDistrict, type FormerUnit, findFormerCommune, findFormerDistrict } from './legacy-units';

/**
 * Certificates issued before the system, read from the legacy template: the sheet read through the
 * platform's limited reader, each row parsed and checked on its own against the former map, then
 * the rows against each other. No I/O here but the reading of the upload; the service looks up
 * products, successors and numbers already taken, and writes.
 */

/** The regimes a legacy certificate may have been evaluated under, by the number people write. */
export const LEGACY_REGIMES = { '1048': '1048/2019', '148': '148/2023' } as const;
export type LegacyRegime = (typeof LEGACY_REGIMES)[keyof typeof LEGACY_REGIMES];

/** A problem at a row and column of the file (row null: the file as a whole); `header` when it names a column the file lacks. */
export type LegacyProblem = { row: number | null; key: LegacyKey | null; header?: string; code: string; details: Record<string, unknown> };

export type LegacyRow = { rowNumber: number; cells: Partial<Record<LegacyKey, CellInput>>; unreadable: ReadonlySet<LegacyKey> };

export type LegacySheet = {
  sheetName: string | null;
  headerRow: number | null;
  /** The letter of the file's column holding a template column, when the file has it. */
  letterOf: (key: LegacyKey) => string | null;
  rows: LegacyRow[];
  problems: LegacyProblem[];
  notices: LegacyProblem[];
};

/** Reads the data sheet of an upload; the example row is skipped, more than LEGACY_IMPORT_MAX_ROWS rows refused. */
export async function readLegacySheet(sheets: AsyncIterable<RawSheet>): Promise<LegacySheet> {
  const found: { layout?: SheetLayout; issues: SheetIssue[]; blankRows: number } = { issues: [], blankRows: 0 };
  const rows: LegacyRow[] = [];
  const problems: LegacyProblem[] = [];
  const notices: LegacyProblem[] = [];
  for await (const row of readImportRows(sheets, LEGACY_COLUMNS, found)) {
    const cells: Partial<Record<LegacyKey, CellInput>> = {};
    LEGACY_COLUMN_KEYS.forEach((key, index) => {
      cells[key] = row.values[index];
    });
    if (isExampleNumber(cells.number)) {
      notices.push({ row: row.rowNumber, key: null, code: 'import.example_row_skipped', details: {} });
      continue;
    }
    if (rows.length >= LEGACY_IMPORT_MAX_ROWS)
      throw new DomainError('invalid', 'certificate.legacy_too_many_rows', 'Too many certificates in one file.', {
        max: LEGACY_IMPORT_MAX_ROWS.toLocaleString('vi-VN'),
      });
    const unreadable = new Set<LegacyKey>();
    for (const { columnIndex, problem } of row.cellProblems) {
      const key = LEGACY_COLUMN_KEYS[columnIndex] as LegacyKey;
      unreadable.add(key);
      problems.push({ row: row.rowNumber, key, code: problem.code, details: problem.details });
    }
    rows.push({ rowNumber: row.rowNumber, cells, unreadable });
  }
  for (const issue of found.issues) {
    problems.push(
      issue.code === 'import.missing_column'
        ? {
            row: issue.row,
            key: null,
            header: issue.header ?? '',
            code: 'certificate.legacy_header_missing',
            details: { column: issue.header },
          }
        : { row: issue.row, key: null, code: issue.code, details: issue.details },
    );
  }
  if (found.layout && found.issues.length === 0 && rows.length === 0)
    problems.push({ row: null, key: null, code: 'certificate.legacy_no_rows', details: {} });
  const layout = found.layout;
  return {
    sheetName: layout?.sheetName ?? null,
    headerRow: layout?.headerRow ?? null,
    letterOf: (key) => {
      const fileColumn = layout?.fileColumnOf[LEGACY_COLUMN_KEYS.indexOf(key)] ?? -1;
      return fileColumn === -1 ? null : columnLetter(fileColumn);
    },
    rows,
    problems,
    notices,
  };
}

/** What parsing a row needs to know: today, the province and its former map, and each regime's term. */
export type LegacyContext = {
  today: string;
  provinceCode: string;
  /** "Ủy ban nhân dân tỉnh Sơn La". */
  provinceIssuerName: string;
  districts: readonly FormerDistrict[];
  validityMonths: Readonly<Record<LegacyRegime, number>>;
};

/** A row that parsed without a problem: the certificate it describes, before the lookups. */
export type LegacyDraft = {
  rowNumber: number;
  number: string;
  productName: string;
  productCode: string | null;
  producerName: string;
  producerAddress: string | null;
  stars: number;
  regimeCode: LegacyRegime;
  issuer: { level: 'province' | 'district'; name: string; unitCode: string };
  district: { code: string; name: string } | null;
  commune: FormerUnit | null;
  decisionNumber: string;
  decisionDate: string;
  issuedOn: string;
  expiresOn: string;
  productSetName: string | null;
};

const header = (key: LegacyKey) => LEGACY_COLUMNS.find((column) => column.key === key)?.header ?? key;

/** "15/06/2023" from "2023-06-15". */
export const dayMonthYear = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A day from dd/mm/yyyy (also with - or .), yyyy-mm-dd, an Excel date cell or an Excel serial number; 'invalid' otherwise. */
export function parseDay(cell: CellInput): string | null | 'invalid' {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return null;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? 'invalid'
      : (isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? 'invalid');
  }
  if (typeof cell === 'number') {
    // A date cell Excel stored as a plain number (days since 30/12/1899), from 1970 to 2099.
    if (!Number.isInteger(cell) || cell < 25_569 || cell > 73_050) return 'invalid';
    return new Date((cell - 25_569) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) ?? 'invalid';
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? 'invalid';
  return 'invalid';
}

/** 3, "4", "5 sao", "4★": the stars; null for anything but 3, 4 or 5. */
export function parseStars(cell: CellInput): number | null {
  const text = foldVietnamese(cellText(cell))
    .replace(/sao|★|\*/g, '')
    .trim();
  return /^[345]$/.test(text) ? Number(text) : null;
}

/** "Tỉnh", "UBND tỉnh", "Huyện", "cấp huyện" (any case, with or without marks). */
export function parseIssuerLevel(cell: CellInput): 'province' | 'district' | null {
  const words = foldVietnamese(cellText(cell)).split(/[^a-z]+/);
  const province = words.includes('tinh') || words.includes('province');
  const district = words.includes('huyen') || words.includes('district');
  return province === district ? null : province ? 'province' : 'district';
}

/** "1048", "QĐ 1048/QĐ-TTg", "148/2023": the regime by the number of its decision. */
export function parseRegime(cell: CellInput): LegacyRegime | null {
  const first = /\d+/.exec(cellText(cell))?.[0];
  return first && first in LEGACY_REGIMES ? LEGACY_REGIMES[first as keyof typeof LEGACY_REGIMES] : null;
}

const MAX_TEXT = { productName: 300, producerName: 300, producerAddress: 500, productCode: 64, decisionNumber: 64, productSet: 200 };

/** What a row is known by before the lookups, even when it has problems: its number and product code. */
export type LegacyRowKeys = { rowNumber: number; number: string | null; productCode: string | null };

/** Parses and checks one row on its own; every problem is reported, and a draft is made only when there is none. */
export function parseLegacyRow(
  row: LegacyRow,
  ctx: LegacyContext,
): { draft: LegacyDraft | null; keys: LegacyRowKeys; problems: LegacyProblem[] } {
  const problems: LegacyProblem[] = [];
  const report: Report = (key, code, details = {}) => {
    if (!row.unreadable.has(key)) problems.push({ row: row.rowNumber, key, code, details });
  };
  const text = (key: keyof typeof MAX_TEXT | 'number', required: boolean): string | null => {
    const value = cellText(row.cells[key]);
    if (value === '') {
      if (required) report(key, 'certificate.legacy_required', { field: header(key) });
      return null;
    }
    const max = key === 'number' ? MAX_NUMBER_LENGTH : MAX_TEXT[key];
    if (value.length > max) {
      report(key, 'cell.too_long', { max, length: value.length });
      return null;
    }
    return value;
  };
  const choice = <T>(
    key: LegacyKey,
    parse: (cell: CellInput) => T | null,
    invalid: string,
    details: (value: string) => object,
  ): T | null => {
    const value = cellText(row.cells[key]);
    if (value === '') {
      report(key, 'certificate.legacy_required', { field: header(key) });
      return null;
    }
    const parsed = parse(row.cells[key]);
    if (parsed === null) report(key, invalid, { ...details(value) });
    return parsed;
  };

  const numberText = text('number', true);
  const number = numberText ? normaliseCertificateNumber(numberText) : null;
  if (numberText && !number) report('number', 'certificate.number_malformed', { value: numberText });
  const productName = text('productName', true);
  const productCode = text('productCode', false)?.replace(/\s+/g, '') ?? null;
  const producerName = text('producerName', true);
  const producerAddress = text('producerAddress', false);
  const productSetName = text('productSet', false);
  const decisionNumber = text('decisionNumber', true);
  const stars = choice('stars', parseStars, 'certificate.legacy_stars_invalid', (value) => ({ value }));
  const level = choice('issuerLevel', parseIssuerLevel, 'cell.unknown_option', (value) => ({ value, options: 'Tỉnh, Huyện' }));
  const regimeCode = choice('regime', parseRegime, 'certificate.legacy_regime_unknown', (value) => ({ value }));
  const dates = parseDates(row, ctx, regimeCode, report);
  const place = parsePlace(row, ctx, level, report);

  const keys = { rowNumber: row.rowNumber, number, productCode };
  if (problems.length > 0 || row.unreadable.size > 0) return { draft: null, keys, problems };
  if (!number || !productName || !producerName || !decisionNumber || !stars || !level || !regimeCode || !dates || !place)
    return { draft: null, keys, problems };
  const issuer =
    level === 'district' && place.district
      ? { level, name: place.district.issuerName, unitCode: place.district.code }
      : { level: 'province' as const, name: ctx.provinceIssuerName, unitCode: ctx.provinceCode };
  const draft: LegacyDraft = {
    rowNumber: row.rowNumber,
    number,
    productName,
    productCode,
    producerName,
    producerAddress,
    stars,
    regimeCode,
    issuer,
    district: place.district ? { code: place.district.code, name: place.district.name } : null,
    commune: place.commune,
    decisionNumber,
    ...dates,
    productSetName,
  };
  return { draft, keys, problems };
}

type Report = (key: LegacyKey, code: string, details?: Record<string, unknown>) => void;

/** The decision, issue and expiry days: valid days, none after today, expiry after issue (default: the regime's term). */
function parseDates(row: LegacyRow, ctx: LegacyContext, regime: LegacyRegime | null, report: Report) {
  const day = (key: 'decisionDate' | 'issuedOn' | 'expiresOn', required: boolean, notAfterToday: boolean): string | null => {
    const cell = row.cells[key];
    const parsed = parseDay(cell);
    if (parsed === null) {
      if (required) report(key, 'certificate.legacy_required', { field: header(key) });
      return null;
    }
    if (parsed === 'invalid') {
      report(key, 'certificate.legacy_date_invalid', { field: header(key), value: cellText(cell) });
      return null;
    }
    if (notAfterToday && parsed > ctx.today) {
      report(key, 'certificate.legacy_date_in_future', { field: header(key), value: dayMonthYear(parsed), today: dayMonthYear(ctx.today) });
      return null;
    }
    return parsed;
  };
  const decisionDate = day('decisionDate', true, true);
  const issuedOn = day('issuedOn', true, true);
  const written = day('expiresOn', false, false);
  if (!issuedOn) return null;
  // QĐ 1048/2019 and 148/2023: a certificate is valid 36 months; the regime's data says so.
  const expiresOn = written ?? (regime ? termEnd(issuedOn, ctx.validityMonths[regime]) : null);
  if (written && written <= issuedOn) {
    report('expiresOn', 'certificate.legacy_dates_out_of_order', { issuedOn: dayMonthYear(issuedOn), expiresOn: dayMonthYear(written) });
    return null;
  }
  return decisionDate && expiresOn ? { decisionDate, issuedOn, expiresOn } : null;
}

/** The former district (required when a district issued the certificate) and commune, on the map before 1 July 2025. */
function parsePlace(row: LegacyRow, ctx: LegacyContext, level: 'province' | 'district' | null, report: Report) {
  const districtText = cellText(row.cells.district);
  const communeText = cellText(row.cells.commune);
  let district: FormerDistrict | null = null;
  if (districtText === '') {
    if (level === 'district') report('district', 'certificate.legacy_required', { field: header('district') });
  } else {
    district = findFormerDistrict(ctx.districts, districtText);
    if (!district) {
      report('district', 'certificate.legacy_district_unknown', { district: districtText });
      return null;
    }
  }
  let commune: FormerUnit | null = null;
  if (communeText !== '') {
    const found = findFormerCommune(ctx.districts, district, communeText);
    if (!found) {
      report('commune', 'certificate.legacy_commune_unknown', { commune: communeText });
      return null;
    }
    commune = found.commune;
    district ??= found.district;
  }
  if (level === 'district' && !district) return null;
  const written = district ? districtAsWritten(district, districtText || district.name) : null;
  return { district: district && written ? { code: district.code, ...written } : null, commune };
}

/** Rows whose number a row above already has, and rows whose number the system has (numbers compared as normalised). */
export function duplicateNumbers(rows: readonly LegacyRowKeys[], taken: ReadonlySet<string>): LegacyProblem[] {
  const first = new Map<string, number>();
  const problems: LegacyProblem[] = [];
  for (const { rowNumber, number } of rows) {
    if (!number) continue;
    const seen = first.get(number);
    if (seen === undefined) first.set(number, rowNumber);
    if (seen !== undefined || taken.has(number))
      problems.push({
        row: rowNumber,
        key: 'number',
        code: 'certificate.legacy_number_duplicate',
        details: { number, ...(seen !== undefined ? { firstRow: seen } : { inSystem: true }) },
      });
  }
  return problems;
}
