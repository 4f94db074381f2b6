import { errorMessage } from '@ocop/contracts/errors';
import { describe, expect, it } from 'vitest';
import { type CellInput, cellText, csvSafeText, type ParseContext } from './sheet-columns';
import { PRODUCER_COLUMNS, PRODUCER_HEADERS } from './producer-columns';
import { PRODUCT_COLUMNS, PRODUCT_HEADERS } from './product-columns';

const ctx: ParseContext = {
  currentYear: 2026,
  commune: (text) => (text.startsWith('03670') || text === 'Phường Chiềng Cơi' ? { found: '03670' } : 'not_found'),
  legacyCommune: (text) => (text.startsWith('03676') ? { found: '03676' } : text === 'Xã Chiềng Sơn' ? 'ambiguous' : 'not_found'),
  productSet: (text) => (text.startsWith('1.5.1') ? { found: 'set-151' } : 'not_found'),
  legacyProductSet: () => 'not_found',
};

const producerColumn = (key: string) => PRODUCER_COLUMNS.find((c) => c.key === key) as (typeof PRODUCER_COLUMNS)[number];
const productColumn = (key: string) => PRODUCT_COLUMNS.find((c) => c.key === key) as (typeof PRODUCT_COLUMNS)[number];

describe('registry spreadsheet columns', () => {
  it('has unique keys and headers, and the product sheet links producers by tax code', () => {
    expect(new Set(PRODUCER_HEADERS).size).toBe(PRODUCER_HEADERS.length);
    expect(new Set(PRODUCT_HEADERS).size).toBe(PRODUCT_HEADERS.length);
    expect(PRODUCER_HEADERS[0]).toBe('Mã số thuế / Số ĐKKD');
    expect(PRODUCT_HEADERS.slice(0, 2)).toEqual(['Mã sản phẩm', 'Mã số thuế / Số ĐKKD của chủ thể']);
  });

  it.each<[CellInput, number | null]>([
    [150000, 150000],
    ['150000', 150000],
    ['150.000', 150000],
    ['1.250.000 đ', 1250000],
    ['1,250,000 VNĐ', 1250000],
    ['150 000 đồng', 150000],
    ['', null],
    [null, null],
  ])('reads the price %j as %j', (cell, value) => {
    expect(productColumn('priceMin').parse(cell, ctx)).toEqual({ ok: true, value });
  });

  it.each<[CellInput, string]>([
    ['12,5', 'cell.not_whole_number'],
    [1500.5, 'cell.not_whole_number'],
    ['một trăm nghìn', 'cell.not_a_number'],
    ['-5', 'cell.out_of_range'],
    [true, 'cell.not_a_number'],
  ])('refuses the price %j with %s', (cell, code) => {
    expect(productColumn('priceMin').parse(cell, ctx)).toMatchObject({ ok: false, code });
  });

  it.each<[CellInput, number]>([
    [2015, 2015],
    ['2015', 2015],
    ['15/03/2015', 2015],
    ['03/2015', 2015],
    ['2015-03-15', 2015],
    ['năm 2015', 2015],
    [new Date(Date.UTC(2015, 2, 15)), 2015],
  ])('reads the founding year %j', (cell, year) => {
    expect(producerColumn('foundingYear').parse(cell, ctx)).toEqual({ ok: true, value: year });
  });

  it('refuses a year in the future or not a year', () => {
    expect(producerColumn('foundingYear').parse('2031', ctx)).toMatchObject({ ok: false, code: 'cell.out_of_range' });
    expect(producerColumn('foundingYear').parse('mùa xuân', ctx)).toMatchObject({ ok: false, code: 'cell.not_a_year' });
  });

  it.each<[string, CellInput, string]>([
    ['type', 'HTX', 'cooperative'],
    ['type', 'hợp tác xã', 'cooperative'],
    ['type', 'HO KINH DOANH', 'household_business'],
    ['type', 'cooperative_group', 'cooperative_group'],
    ['legalForm', 'Công ty TNHH MTV', 'llc_single_member'],
    ['legalForm', 'cổ phần', 'joint_stock'],
    ['status', 'Đang hoạt động', 'active'],
    ['status', 'giải thể', 'dissolved'],
  ])('reads the %s %j as %s', (key, cell, value) => {
    expect(producerColumn(key).parse(cell, ctx)).toEqual({ ok: true, value });
  });

  it('refuses an option that is not in the list and names the choices', () => {
    const result = producerColumn('type').parse('Công ty mẹ', ctx);
    expect(result).toMatchObject({
      ok: false,
      code: 'cell.unknown_option',
      details: { options: 'Doanh nghiệp; Hợp tác xã; Tổ hợp tác; Hộ kinh doanh' },
    });
  });

  it('reads communes and product sets through the lookups', () => {
    expect(producerColumn('communeCode').parse('03670 - Phường Chiềng Cơi', ctx)).toEqual({ ok: true, value: '03670' });
    expect(producerColumn('communeCode').parse('Xã Không Có', ctx)).toMatchObject({ ok: false, code: 'cell.unknown_commune' });
    expect(producerColumn('legacyCommuneCode').parse('Xã Chiềng Sơn', ctx)).toMatchObject({ ok: false, code: 'cell.ambiguous' });
    expect(productColumn('productSetId').parse('1.5.1 - Chè tươi, chè chế biến', ctx)).toEqual({ ok: true, value: 'set-151' });
  });

  it('requires the required cells', () => {
    expect(producerColumn('registrationNumber').parse('  ', ctx)).toMatchObject({ ok: false, code: 'cell.required' });
    expect(productColumn('nameVi').parse(null, ctx)).toMatchObject({ ok: false, code: 'cell.required' });
    expect(productColumn('productSetId').parse('', ctx)).toMatchObject({ ok: false, code: 'cell.required' });
  });

  it('reads GTIN lists, normalised, and reports a wrong check digit', () => {
    expect(productColumn('gtins').parse('8935001234562; 00012348\n8935001234562', ctx)).toEqual({
      ok: true,
      value: ['08935001234562', '00000000012348'],
    });
    expect(productColumn('gtins').parse(8935001234562, ctx)).toEqual({ ok: true, value: ['08935001234562'] });
    expect(productColumn('gtins').parse('8935001234565', ctx)).toMatchObject({
      ok: false,
      code: 'product.gtin_invalid',
      details: { value: '8935001234565' },
    });
  });

  it('reads season months: ranges across the new year, lists, "quanh năm"; refuses the rest in both languages', () => {
    const seasons = productColumn('seasons');
    expect(seasons.parse('10-1', ctx)).toEqual({ ok: true, value: [1, 10, 11, 12] });
    expect(seasons.parse('5,6', ctx)).toEqual({ ok: true, value: [5, 6] });
    expect(seasons.parse('Quanh năm', ctx)).toEqual({ ok: true, value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(seasons.parse(7, ctx)).toEqual({ ok: true, value: [7] });
    expect(seasons.parse('', ctx)).toEqual({ ok: true, value: [] });
    for (const bad of ['13', '0-2', 'mùa hè'])
      expect(seasons.parse(bad, ctx)).toEqual({ ok: false, code: 'cell.not_months', details: { value: bad } });
    // Excel made a day of "10-1" typed into a number cell: refused rather than guessed.
    expect(seasons.parse(new Date(Date.UTC(2026, 0, 10)), ctx)).toMatchObject({ ok: false, code: 'cell.not_months' });
    expect(errorMessage('cell.not_months', 'vi', { value: '13' })).toContain('"13" không phải là danh sách tháng');
    expect(errorMessage('cell.not_months', 'en', { value: '13' })).toContain('"13" is not a list of months');
    expect(productColumn('seasonNote').parse('x'.repeat(201), ctx)).toMatchObject({
      ok: false,
      code: 'cell.too_long',
      details: { max: 200 },
    });
  });

  it('puts back the leading zero a number cell took from a phone number, and keeps tax codes as typed', () => {
    expect(producerColumn('phone').parse(912345678, ctx)).toEqual({ ok: true, value: '0912345678' });
    expect(producerColumn('registrationNumber').parse(' 5500 123 456 ', ctx)).toEqual({ ok: true, value: '5500123456' });
  });

  it('ignores the read-only producer name column on import', () => {
    expect(productColumn('producerName').parse('anything', ctx)).toEqual({ ok: true, value: null });
  });

  it('guards formulas in CSV and undoes the guard when reading', () => {
    for (const text of ['=1+1', '+84 912', '-5', '@cmd']) {
      expect(csvSafeText(text)).toBe(`'${text}`);
      expect(cellText(csvSafeText(text))).toBe(text);
    }
    expect(csvSafeText('Chè')).toBe('Chè');
    expect(producerColumn('name').parse('x'.repeat(301), ctx)).toMatchObject({ ok: false, code: 'cell.too_long', details: { max: 300 } });
  });
});
