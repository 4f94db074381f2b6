import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { checkLotCode, checkLotFields, checkQuantity, LOT_UNITS, lotClassUri, lotDateProblem, normalizeGrowingAreaCode } from './lot';

const TODAY = '2026-03-02';

describe('lot code (GS1 AI 10)', () => {
  it.each([
    ['L2026-03', 'L2026-03'],
    ['  ab12/03  ', 'ab12/03'],
    ['L:2026/03', 'L:2026/03'],
    ['12345678901234567890', '12345678901234567890'],
    ['x', 'x'],
  ])('takes %j as %j', (raw, lotCode) => {
    expect(checkLotCode(raw)).toEqual({ ok: true, lotCode });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['123456789012345678901', 'too_long'],
    ['LÔ-01', 'bad_character'],
    ['L 01', 'bad_character'],
    ['L#01', 'bad_character'],
    ['L~01', 'bad_character'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkLotCode(raw)).toEqual({ ok: false, problem });
  });
});

describe('lot dates', () => {
  const at = (producedOn: string, expiresOn: string | null = null, bestBefore: string | null = null) => ({
    producedOn,
    expiresOn,
    bestBefore,
  });

  it.each([
    ['made today, no shelf life', at(TODAY)],
    ['an expiry the day after', at('2026-03-01', '2026-03-02')],
    ['a best-before a year on', at('2025-12-01', null, '2026-12-01')],
  ])('accepts %s', (_name, dates) => {
    expect(lotDateProblem(dates, TODAY)).toBeNull();
  });

  it.each([
    ['made tomorrow', at('2026-03-03'), 'produced_in_future', 'producedOn'],
    ['an expiry on the production day', at('2026-03-01', '2026-03-01'), 'expiry_not_after_production', 'expiresOn'],
    ['an expiry before production', at('2026-03-01', '2026-02-01'), 'expiry_not_after_production', 'expiresOn'],
    ['a best-before before production', at('2026-03-01', null, '2026-01-01'), 'best_before_not_after_production', 'bestBefore'],
    ['both end dates', at('2026-01-01', '2026-06-01', '2026-05-01'), 'both_end_dates', 'bestBefore'],
  ])('refuses %s', (_name, dates, problem, field) => {
    expect(lotDateProblem(dates, TODAY)).toEqual({ problem, field });
  });
});

describe('quantity', () => {
  it.each<[number | string, string]>([
    [12, '12'],
    [12.5, '12.5'],
    ['12.500', '12.5'],
    ['12,5', '12.5'],
    [' 007 ', '7'],
    [0.001, '0.001'],
    ['999999999999.999', '999999999999.999'],
  ])('takes %j as %j', (raw, quantity) => {
    expect(checkQuantity(raw)).toEqual({ ok: true, quantity });
  });

  it.each<[number | string, string]>([
    [0, 'not_positive'],
    ['0.000', 'not_positive'],
    [-3, 'not_positive'],
    ['-0.5', 'not_positive'],
    ['mười', 'not_a_number'],
    ['', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    [Number.NaN, 'not_a_number'],
    [Number.POSITIVE_INFINITY, 'not_a_number'],
    [0.0001, 'too_precise'],
    ['1.2345', 'too_precise'],
    [0.1 + 0.2, 'too_precise'],
    ['1000000000000', 'too_large'],
    [1e21, 'too_large'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(checkQuantity(raw)).toEqual({ ok: false, problem });
  });
});

describe('units', () => {
  it('name every unit in Vietnamese, and only measured units carry a UN/ECE uom', () => {
    expect(Object.values(LOT_UNITS).map((unit) => unit.vi)).toEqual(['kg', 'g', 'lít', 'ml', 'hộp', 'chai', 'gói', 'túi', 'cái', 'thùng']);
    expect(Object.values(LOT_UNITS).filter((unit) => unit.uom !== null)).toHaveLength(4);
  });
});

describe('growing-area code', () => {
  it.each<[string | null | undefined, string | null | undefined]>([
    [undefined, null],
    ['  ', null],
    [' VN-SLCS  0123 ', 'VN-SLCS 0123'],
    ['VN/THCO.01_2', 'VN/THCO.01_2'],
    ['Vùng 1', undefined],
    ['-01', undefined],
    ['A'.repeat(41), undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeGrowingAreaCode(raw)).toBe(expected);
  });
});

describe('checkLotFields', () => {
  const valid = {
    lotCode: ' L01 ',
    producedOn: '2026-02-01',
    expiresOn: '2027-02-01',
    quantity: '120,5',
    unit: 'kg' as const,
    notes: '  ',
  };

  it('normalises every field', () => {
    expect(checkLotFields(valid, TODAY)).toEqual({
      lotCode: 'L01',
      producedOn: '2026-02-01',
      expiresOn: '2027-02-01',
      bestBefore: null,
      quantity: '120.5',
      unit: 'kg',
      growingAreaCode: null,
      growingAreaCommuneCode: null,
      notes: null,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a bad lot code', { lotCode: 'LÔ 1' }, 'lot.code_invalid', 'lotCode'],
    ['production in the future', { producedOn: '2026-03-03', expiresOn: null }, 'lot.produced_in_future', 'producedOn'],
    ['expiry before production', { expiresOn: '2026-01-01' }, 'lot.expiry_not_after_production', 'expiresOn'],
    ['both end dates', { bestBefore: '2026-12-01' }, 'lot.both_end_dates', 'bestBefore'],
    ['a zero quantity', { quantity: 0 }, 'lot.quantity_invalid', 'quantity'],
    ['a text quantity', { quantity: 'nhiều' }, 'lot.quantity_invalid', 'quantity'],
    ['a bad growing-area code', { growingAreaCode: 'vùng' }, 'lot.growing_area_code_invalid', 'growingAreaCode'],
  ])('refuses %s, naming the field', (_name, change, code, field) => {
    const attempt = () => checkLotFields({ ...valid, ...change }, TODAY);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', code, details: { field } });
    }
  });
});

describe('lotClassUri', () => {
  it('is the LGTIN Digital Link when the product has a GTIN', () => {
    expect(lotClassUri({ gtin14: '08935000000013', code: '14-03868-001-2026' }, 'L:01/A')).toBe(
      'https://id.gs1.org/01/08935000000013/10/L%3A01%2FA',
    );
  });

  it('is the province URN otherwise', () => {
    expect(lotClassUri({ gtin14: null, code: '14-03868-001-2026' }, 'L01')).toBe('urn:ocop:vn:lot:14-03868-001-2026:L01');
  });
});
