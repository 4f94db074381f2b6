import { describe, expect, it } from 'vitest';
import {
  formatStampSerial,
  isStoredStampSerial,
  parseStampSerial,
  STAMP_SERIAL_ALPHABET,
  STAMP_SERIAL_BITS,
  STAMP_SERIAL_RANDOM_BYTES,
  stampCheckSymbol,
  stampLink,
  stampSerialFromBytes,
} from './stamp-serial';

// A seeded generator, so a failing case can be replayed.
function bytesFrom(seed: number): Uint8Array {
  let state = seed >>> 0 || 1;
  const out = new Uint8Array(STAMP_SERIAL_RANDOM_BYTES);
  for (let i = 0; i < out.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}
const serials = Array.from({ length: 200 }, (_, i) => stampSerialFromBytes(bytesFrom(i + 1)));
const CHECKS = `${STAMP_SERIAL_ALPHABET}*~$=U`;

describe('stamp serials', () => {
  it('carry at least 96 random bits in 20 characters of Crockford base32', () => {
    expect(STAMP_SERIAL_BITS).toBeGreaterThanOrEqual(96);
    for (const serial of serials) expect(serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('use every bit of the first 100: all zeros, all ones, and one bit at a time', () => {
    expect(stampSerialFromBytes(new Uint8Array(13))).toBe('0'.repeat(20));
    expect(stampSerialFromBytes(new Uint8Array(13).fill(0xff))).toBe('Z'.repeat(20));
    const first = new Uint8Array(13);
    first[0] = 0x80;
    expect(stampSerialFromBytes(first)).toBe(`G${'0'.repeat(19)}`); // 10000 = 16 = G
    const hundredth = new Uint8Array(13);
    hundredth[12] = 0x10; // bit 99 (the 100th), the last of the 20th character
    expect(stampSerialFromBytes(hundredth)).toBe(`${'0'.repeat(19)}1`);
    expect(() => stampSerialFromBytes(new Uint8Array(12))).toThrow();
  });

  it('print in groups with Crockford’s mod-37 check symbol', () => {
    expect(formatStampSerial('0'.repeat(20))).toBe('00000-00000-00000-00000-0');
    // 1 mod 37 = 1; 32 mod 37 = 32 → '*'; 37 = 0x25 = '15' → 0.
    expect(stampCheckSymbol(`${'0'.repeat(19)}1`)).toBe('1');
    expect(stampCheckSymbol(`${'0'.repeat(18)}10`)).toBe('*');
    expect(stampCheckSymbol(`${'0'.repeat(18)}15`)).toBe('0');
    expect(formatStampSerial('ABCDEFGHJKMNPQRSTVWX')).toMatch(/^ABCDE-FGHJK-MNPQR-STVWX-[0-9A-Z*~$=]$/);
  });

  it('read back what they print, forgiving case, spaces, hyphens and O/I/L', () => {
    for (const serial of serials) {
      const printed = formatStampSerial(serial);
      expect(parseStampSerial(printed)).toEqual({ ok: true, serial });
      expect(parseStampSerial(` ${printed.toLowerCase().replace(/-/g, ' ')} `)).toEqual({ ok: true, serial });
      expect(parseStampSerial(printed.replace(/-/g, ''))).toEqual({ ok: true, serial });
    }
    const serial = `0${'1'.repeat(19)}`;
    const typed = `o${'l'.repeat(9)}${'I'.repeat(10)}${stampCheckSymbol(serial)}`;
    expect(parseStampSerial(typed)).toEqual({ ok: true, serial });
  });

  it('catch every single-character typo and every swap of neighbours', () => {
    let tried = 0;
    for (const serial of serials.slice(0, 40)) {
      const printed = serial + stampCheckSymbol(serial);
      for (let i = 0; i < printed.length; i++) {
        const alphabet = i < 20 ? STAMP_SERIAL_ALPHABET : CHECKS;
        for (const c of alphabet) {
          if (c === printed[i]) continue;
          const typo = printed.slice(0, i) + c + printed.slice(i + 1);
          expect(parseStampSerial(typo).ok, typo).toBe(false);
          tried++;
        }
        if (i + 1 < printed.length && printed[i] !== printed[i + 1]) {
          const swapped = printed.slice(0, i) + printed[i + 1] + printed[i] + printed.slice(i + 2);
          expect(parseStampSerial(swapped).ok, swapped).toBe(false);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(40 * 20 * 31);
  });

  it.each([
    ['', 'wrong_length'],
    ['ABCDE-FGHJK-MNPQR-STVWX', 'wrong_length'],
    ['ABCDE-FGHJK-MNPQR-STVWX-00', 'wrong_length'],
    ['ABCDE-FGHJK-MNPQR-STVWU-0', 'bad_character'], // U is only a check symbol
    ['ABCDE-FGHJK-MNPQR-STVW#-0', 'bad_character'],
    ['ABCDE-FGHJK-MNPQR-STVWX-#', 'bad_character'],
    [`${'A'.repeat(21)}${' '.repeat(44)}`, 'too_long'],
  ])('refuse %j (%s)', (text, problem) => {
    expect(parseStampSerial(text)).toEqual({ ok: false, problem });
  });

  it('tell a stored serial (as a Digital Link carries it) from anything else', () => {
    expect(isStoredStampSerial(serials[0] ?? '')).toBe(true);
    expect(isStoredStampSerial(formatStampSerial(serials[0] ?? ''))).toBe(false);
    expect(isStoredStampSerial('abcdefghjkmnpqrstvwx')).toBe(false);
    expect(isStoredStampSerial('ABCDEFGHJKMNPQRSTVWI')).toBe(false);
  });
});

describe('stamp links', () => {
  const serial = 'ABCDEFGHJKMNPQRSTVWX';
  it('are GS1 Digital Links on the public address with a GTIN, the lot escaped', () => {
    expect(stampLink('https://ocop.sonla.gov.vn/', { gtin14: '08934567890128', lotCode: 'A/1' }, serial)).toBe(
      `https://ocop.sonla.gov.vn/01/08934567890128/10/A%2F1/21/${serial}`,
    );
    expect(stampLink('https://ocop.sonla.gov.vn', { gtin14: '08934567890128', lotCode: null }, serial)).toBe(
      `https://ocop.sonla.gov.vn/01/08934567890128/21/${serial}`,
    );
  });
  it('are /s/{serial} without a GTIN', () => {
    expect(stampLink('http://localhost', { gtin14: null, lotCode: 'L1' }, serial)).toBe(`http://localhost/s/${serial}`);
  });
});
