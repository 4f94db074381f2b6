import { normalizeGtin, parseSeasonsCell } from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { CellInput } from '../../../platform/spreadsheets/cells';

export type { CellInput };

/**
 * The spreadsheet columns of the registry, defined once (PRODUCER_COLUMNS in producer-columns.ts,
 * PRODUCT_COLUMNS in product-columns.ts; this file holds what they share): the import templates,
 * the import itself and the exports all use these lists, so an exported file can be edited and
 * imported back.
 *
 * Each column has:
 * - `key`: the field it fills in the parsed row (the same names as the service inputs);
 * - `header`: the Vietnamese header, exactly as written in row 1 of the template and the export;
 * - `type`: how the cell is read and written (see `ColumnType`);
 * - `required`, `maxLength`, `options` (for enums), `width` and `note` (help text for the template);
 * - `example`: the value of the template's example row;
 * - `format(row)`: the cell value for an export row;
 * - `parse(cell, ctx)`: the typed value of a cell, or a problem with an error code from
 *   `@ocop/contracts/errors` (`cell.*`, or the domain code such as `product.gtin_invalid`).
 *
 * Columns marked `readOnly` are written on export and in the template for people to read (the
 * producer's name next to its tax code) and ignored on import.
 *
 * Text cells that start with = + - @ are written with a leading apostrophe in CSV exports (so a
 * spreadsheet does not run them as formulas) and `parse` removes that apostrophe again.
 */

/** What the writers put in a cell: strings stay text (leading zeros kept), numbers stay numbers. */
export type CellOutput = string | number | null;

export type ColumnType =
  | 'text' // free text, trimmed
  | 'code' // an identifier written as text (tax code, product code): spaces removed
  | 'enum' // one of `options`, matched on the Vietnamese label, the code or an alias, ignoring case and diacritics
  | 'integer' // a whole number; thousands separators ("1.200", "1,200", "1 200") accepted
  | 'money' // whole đồng; thousands separators and "đ", "đồng", "VNĐ" accepted
  | 'decimal' // a decimal number (GPS); "21,3256" or "21.3256"
  | 'year' // a year, also read from a date or a text date ("15/03/2015")
  | 'commune' // a commune of the 2025-07-01 map: "03670 - Phường Chiềng Cơi", its code, or its name
  | 'legacy_commune' // a commune of the 2025-03-01 map: "03676 - Xã Hua La, Thành phố Sơn La", its code or its name
  | 'product_set' // a set of the current classification: "1.5.1 - Chè tươi, chè chế biến", its code or its name
  | 'legacy_product_set' // a set of the 1048 classification, likewise
  | 'gtin_list' // GTINs separated by ";" "," or new lines
  | 'season_months'; // months 1–12: "10-1" (across the new year), "5,6", "quanh năm"; kept as text so Excel makes no date of "10-1"

export type CellProblem = { ok: false; code: string; details: Record<string, unknown> };
export type CellResult<T> = { ok: true; value: T | null } | CellProblem;

/** A lookup answer: the key found (a commune code, a product set id), or why not. */
export type LookupResult = { found: string } | 'not_found' | 'ambiguous';

/**
 * What parsing needs from the database; build it once per import with
 * `registry.sheets.parseContext(provinceCode)`.
 */
export type ParseContext = {
  currentYear: number;
  /** A commune of the import's province on the 2025-07-01 map → its code. */
  commune: (text: string) => LookupResult;
  /** A commune of the import's province on the 2025-03-01 map → its code. */
  legacyCommune: (text: string) => LookupResult;
  /** A product set of the classification in force → its id. */
  productSet: (text: string) => LookupResult;
  /** A product set of the 1048 classification → its id. */
  legacyProductSet: (text: string) => LookupResult;
};

export type EnumOption<V extends string> = { value: V; label: string; aliases?: readonly string[] };

export type RegistryColumn<Row, K extends string> = {
  key: K;
  header: string;
  type: ColumnType;
  required: boolean;
  readOnly?: boolean;
  maxLength?: number;
  options?: readonly EnumOption<string>[];
  width: number;
  note?: string;
  example: CellOutput;
  format: (row: Row) => CellOutput;
  parse: (cell: CellInput, ctx: ParseContext) => CellResult<unknown>;
};

// ————— Cell readers —————

export const ok = <T>(value: T | null): CellResult<T> => ({ ok: true, value });
export const problem = (code: string, details: Record<string, unknown> = {}): CellProblem => ({ ok: false, code, details });

/** The cell as trimmed text, '' for empty; numbers without exponent, dates as dd/mm/yyyy. */
export function cellText(cell: CellInput): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const d = cell;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  let text = cell.replace(/\r\n?/g, '\n').trim();
  // Undo the apostrophe a CSV export puts before text that a spreadsheet would run as a formula.
  if (/^'[=+\-@]/.test(text)) text = text.slice(1);
  return text;
}

/** Text that a spreadsheet must not take for a formula, for CSV cells. */
export function csvSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function readText(maxLength: number) {
  return (cell: CellInput): CellResult<string> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    if (text.length > maxLength) return problem('cell.too_long', { max: maxLength, length: text.length });
    return ok(text);
  };
}

export function readCode(maxLength: number) {
  return (cell: CellInput): CellResult<string> => {
    const text = cellText(cell).replace(/\s+/g, '');
    if (text === '') return ok(null);
    if (text.length > maxLength) return problem('cell.too_long', { max: maxLength, length: text.length });
    return ok(text);
  };
}

/** "1.200.000", "1,200,000", "1 200 000" and "1200000" are all 1,200,000; "12,5" is not whole. */
function wholeNumberFromText(text: string): number | 'not_number' | 'not_whole' {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (/^-?\d+$/.test(compact)) return Number(compact);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(compact) || /^-?\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, ''));
  if (/^-?\d+([.,]\d+)?$/.test(compact)) return 'not_whole';
  return 'not_number';
}

export function readInteger(min: number, max: number, unit?: RegExp) {
  return (cell: CellInput): CellResult<number> => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
    let value: number | 'not_number' | 'not_whole';
    if (typeof cell === 'number') value = Number.isInteger(cell) ? cell : 'not_whole';
    else if (typeof cell === 'string') value = wholeNumberFromText(unit ? cellText(cell).replace(unit, '').trim() : cellText(cell));
    else value = 'not_number';
    if (value === 'not_number') return problem('cell.not_a_number', { value: cellText(cell) });
    if (value === 'not_whole') return problem('cell.not_whole_number', { value: cellText(cell) });
    if (!Number.isSafeInteger(value) || value < min || value > max) return problem('cell.out_of_range', { value, min, max });
    return ok(value);
  };
}

export function readDecimal(min: number, max: number) {
  return (cell: CellInput): CellResult<number> => {
    if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && /^-?\d+([.,]\d+)?$/.test(cellText(cell))) value = Number(cellText(cell).replace(',', '.'));
    else return problem('cell.not_a_number', { value: cellText(cell) });
    if (!Number.isFinite(value) || value < min || value > max) return problem('cell.out_of_range', { value, min, max });
    return ok(value);
  };
}

export function readYear(cell: CellInput, ctx: ParseContext): CellResult<number> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return ok(null);
  let year: number | undefined;
  if (cell instanceof Date) year = cell.getUTCFullYear();
  else if (typeof cell === 'number' && Number.isInteger(cell)) year = cell;
  else if (typeof cell === 'string') {
    const text = cellText(cell).replace(/^năm\s+/i, '');
    const match =
      /^(\d{4})$/.exec(text) ?? /^\d{1,2}[/.-](?:\d{1,2}[/.-])?(\d{4})$/.exec(text) ?? /^(\d{4})-\d{1,2}(?:-\d{1,2})?$/.exec(text);
    if (match?.[1]) year = Number(match[1]);
  }
  if (year === undefined) return problem('cell.not_a_year', { value: cellText(cell) });
  if (year < 1900 || year > ctx.currentYear) return problem('cell.out_of_range', { value: year, min: 1900, max: ctx.currentYear });
  return ok(year);
}

export function readEnum<V extends string>(options: readonly EnumOption<V>[]) {
  const byFolded = new Map<string, V>();
  for (const option of options) {
    for (const name of [option.value, option.label, ...(option.aliases ?? [])])
      byFolded.set(foldVietnamese(name).replace(/_/g, ' '), option.value);
  }
  return (cell: CellInput): CellResult<V> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    const value = byFolded.get(foldVietnamese(text).replace(/_/g, ' '));
    if (!value) return problem('cell.unknown_option', { value: text, options: options.map((o) => o.label).join('; ') });
    return ok(value);
  };
}

export function readLookup(lookup: (ctx: ParseContext) => (text: string) => LookupResult, unknownCode: string) {
  return (cell: CellInput, ctx: ParseContext): CellResult<string> => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    const result = lookup(ctx)(text);
    if (result === 'not_found') return problem(unknownCode, { value: text });
    if (result === 'ambiguous') return problem('cell.ambiguous', { value: text });
    return ok(result.found);
  };
}

export function readGtins(cell: CellInput): CellResult<string[]> {
  const text = cellText(cell);
  if (text === '') return ok([]);
  const gtins: string[] = [];
  for (const part of text.split(/[;,\n|]+/)) {
    if (part.trim() === '') continue;
    try {
      const gtin = normalizeGtin(part);
      if (!gtins.includes(gtin)) gtins.push(gtin);
    } catch (error) {
      if (error instanceof DomainError) return problem(error.code, { ...error.details });
      throw error;
    }
  }
  return ok(gtins);
}

/** Season months; a date cell is refused, because Excel turns "10-1" typed into a number cell into a day. */
export function readSeasons(cell: CellInput): CellResult<number[]> {
  const text = cellText(cell);
  if (text === '') return ok([]);
  const months = cell instanceof Date ? undefined : parseSeasonsCell(text);
  if (!months) return problem('cell.not_months', { value: text });
  return ok(months);
}

/** Makes a column's `parse` enforce `required`. */
export function column<Row, K extends string>(definition: RegistryColumn<Row, K>): RegistryColumn<Row, K> {
  const inner = definition.parse;
  if (definition.readOnly) return { ...definition, parse: () => ok(null) };
  return {
    ...definition,
    parse: (cell, ctx) => {
      const result = inner(cell, ctx);
      if (result.ok && definition.required && (result.value === null || (Array.isArray(result.value) && result.value.length === 0))) {
        return problem('cell.required');
      }
      return result;
    },
  };
}

/** A unit as "code - name[, parent]", the form the commune columns read back. */
export const unitLabel = (code: string | null, name: string | null, parent?: string | null) =>
  code === null ? null : name ? `${code} - ${name}${parent ? `, ${parent}` : ''}` : code;

/** The Vietnamese label of an enum value, for export cells. */
export const labelOf = <V extends string>(options: readonly EnumOption<V>[], value: V | null) =>
  value === null ? null : (options.find((option) => option.value === value)?.label ?? value);

export type SheetProblem = { column: string; header: string; code: string; details: Record<string, unknown> };

/**
 * Parses one row given as cells in column order (the template's order); returns the values and
 * every problem, one per bad cell. Cross-field rules (a legal form only for an enterprise, min ≤
 * max price, a known producer) are the services' job and come back as domain errors.
 */
export function parseSheetRow<Columns extends readonly RegistryColumn<never, string>[]>(
  columns: Columns,
  cells: readonly CellInput[],
  ctx: ParseContext,
): { values: Record<string, unknown>; problems: SheetProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: SheetProblem[] = [];
  columns.forEach((col, index) => {
    if (col.readOnly) return;
    const result = col.parse(cells[index], ctx);
    if (result.ok) values[col.key] = result.value;
    else problems.push({ column: col.key, header: col.header, code: result.code, details: result.details });
  });
  return { values, problems };
}
