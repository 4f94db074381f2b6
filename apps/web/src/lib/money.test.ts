import { describe, expect, it } from 'vitest';
import { formatPriceRange, formatVnd, groupThousands, parseVnd } from './money';

describe('formatVnd', () => {
  it.each([
    [1_200_000, '1.200.000\u00a0₫'],
    [45_000, '45.000\u00a0₫'],
    [999, '999\u00a0₫'],
    [0, '0\u00a0₫'],
    [1_000_000_000_000, '1.000.000.000.000\u00a0₫'],
  ])('writes %i đồng as %s', (value, text) => {
    expect(formatVnd(value)).toBe(text);
  });

  it('leaves an unknown price empty', () => {
    expect(formatVnd(null)).toBe('');
    expect(formatVnd(undefined)).toBe('');
  });
});

describe('groupThousands', () => {
  it('groups the digits the Vietnamese way and drops leading zeros', () => {
    expect(groupThousands(1200000)).toBe('1.200.000');
    expect(groupThousands('0045000')).toBe('45.000');
    expect(groupThousands('')).toBe('');
  });
});

describe('parseVnd', () => {
  it.each(['1.200.000', '1,200,000', '1 200 000 ₫', '1200000đ', '1.200.000\u00a0₫'])('reads "%s" as 1200000', (text) => {
    expect(parseVnd(text)).toBe(1_200_000);
  });

  it('reads an empty field as no price', () => {
    expect(parseVnd('')).toBeNull();
    expect(parseVnd(' ₫ ')).toBeNull();
    expect(parseVnd(undefined)).toBeNull();
  });

  it('reads back what formatVnd wrote', () => {
    for (const value of [0, 7, 45_000, 1_234_567_890]) expect(parseVnd(formatVnd(value))).toBe(value);
  });
});

describe('formatPriceRange', () => {
  it('shows both ends, one price when they agree, or the known end', () => {
    expect(formatPriceRange(45_000, 60_000)).toBe('45.000\u00a0₫ – 60.000\u00a0₫');
    expect(formatPriceRange(45_000, 45_000)).toBe('45.000\u00a0₫');
    expect(formatPriceRange(45_000, null)).toBe('≥ 45.000\u00a0₫');
    expect(formatPriceRange(null, 60_000)).toBe('≤ 60.000\u00a0₫');
    expect(formatPriceRange(null, null)).toBe('');
  });
});
