import { describe, expect, it } from 'vitest';
import { displayGtin, gs1CheckDigit, isValidGtin, normalizeGtin, normalizeGtins } from './gtin';

describe('GS1 check digit', () => {
  it.each([
    ['893500123456', 2],
    ['629104150021', 3],
    ['0001234', 8],
    ['03600029145', 2],
    ['1234567890123', 1],
  ])('of %s is %i', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
  });
});

describe('normalizeGtin', () => {
  it.each([
    ['8935001234562', '08935001234562'], // GTIN-13 (EAN-13, Vietnam prefix 893)
    ['893-5001-234562', '08935001234562'],
    ['00012348', '00000000012348'], // GTIN-8 (EAN-8)
    ['036000291452', '00036000291452'], // GTIN-12 (UPC-A)
    ['12345678901231', '12345678901231'], // GTIN-14
    ['08935001234562', '08935001234562'],
  ])('turns %s into %s', (raw, expected) => {
    expect(normalizeGtin(raw)).toBe(expected);
    expect(isValidGtin(raw.replace(/-/g, ''))).toBe(true);
  });

  it.each(['8935001234565', '893500123456', '123456789', '0000000000000', '89350012345AB', '', '123456789012345'])('refuses %j', (raw) => {
    expect(() => normalizeGtin(raw)).toThrow(expect.objectContaining({ code: 'product.gtin_invalid' }));
  });

  it('drops the same GTIN written twice and blank entries', () => {
    expect(normalizeGtins(['8935001234562', ' ', '08935001234562', '00012348'])).toEqual(['08935001234562', '00000000012348']);
  });

  it.each([
    ['08935001234562', '8935001234562'],
    ['00036000291452', '036000291452'],
    ['00000000012348', '00012348'],
    ['12345678901231', '12345678901231'],
  ])('prints %s as %s, which reads back the same', (gtin14, shown) => {
    expect(displayGtin(gtin14)).toBe(shown);
    expect(normalizeGtin(shown)).toBe(gtin14);
  });
});
