import { describe, expect, it } from 'vitest';
import { checkGtin, printedGtin, repeatedGtins } from './gtin';

describe('checkGtin', () => {
  it.each([
    ['8935012345677', '08935012345677'],
    ['893 5012 34567 7', '08935012345677'],
    ['8935-0123-4567-7', '08935012345677'],
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['10614141000415', '10614141000415'],
  ])('accepts %s as the GTIN-14 %s', (raw, gtin14) => {
    expect(checkGtin(raw)).toEqual({ ok: true, gtin14 });
  });

  it('names the check digit a mistyped GTIN-13 should end with', () => {
    expect(checkGtin('8935012345673')).toEqual({ ok: false, reason: 'check_digit', expectedCheckDigit: 7 });
  });

  it('refuses a wrong length and letters', () => {
    expect(checkGtin('893501234567')).toEqual({ ok: false, reason: 'check_digit', expectedCheckDigit: 8 }); // read as a GTIN-12
    expect(checkGtin('89350123456')).toEqual({ ok: false, reason: 'length' });
    expect(checkGtin('893501234567A')).toEqual({ ok: false, reason: 'not_digits' });
  });

  it('refuses all zeros, which GS1 never issues', () => {
    expect(checkGtin('00000000')).toMatchObject({ ok: false, reason: 'check_digit' });
  });
});

describe('repeatedGtins', () => {
  it('finds the same GTIN written twice, however it was written', () => {
    expect([...repeatedGtins(['8935012345677', undefined, '08935012345677', '96385074'])]).toEqual([2]);
  });
});

describe('printedGtin', () => {
  it('prints a stored GTIN-14 as the barcode shows it', () => {
    expect(printedGtin('08935012345677')).toBe('8935012345677');
    expect(printedGtin('00000096385074')).toBe('96385074');
  });
});
