import { describe, expect, it } from 'vitest';
import { formatProductCode, normalizeIssuedProductCode, parseProductCode, vietnamYear } from './product-code';

describe('product codes', () => {
  it.each([
    [{ provinceCode: '14', communeCode: '03670', sequence: 7, year: 2026 }, '14-03670-007-2026'],
    [{ provinceCode: '14', communeCode: '03868', sequence: 1234, year: 2025 }, '14-03868-1234-2025'],
  ])('formats %o as %s and reads it back', (parts, code) => {
    expect(formatProductCode(parts)).toBe(code);
    expect(parseProductCode(code)).toEqual(parts);
  });

  it('does not parse a code of another shape', () => {
    expect(parseProductCode('83-829-28780-3-2022')).toBeUndefined();
  });

  it.each([
    [' 83-829-28780-3-2022 ', '83-829-28780-3-2022'],
    ['sl-2021/045', 'SL-2021/045'],
  ])('keeps a code issued elsewhere: %j', (raw, expected) => {
    expect(normalizeIssuedProductCode(raw)).toBe(expected);
  });

  it.each(['', 'a', 'mã sản phẩm', '-12-3'])('refuses the hand-given code %j', (raw) => {
    expect(() => normalizeIssuedProductCode(raw)).toThrow(expect.objectContaining({ code: 'product.code_invalid' }));
  });

  it.each([
    ['2025-12-31T16:59:59Z', 2025],
    ['2025-12-31T17:00:00Z', 2026],
  ])('the year in Vietnam at %s is %i', (at, year) => {
    expect(vietnamYear(new Date(at))).toBe(year);
  });
});
