import { describe, expect, it } from 'vitest';
import { parseStampCount, readRangeEnd, SCAN_TEXT_MAX, serialFromScan, splitSerials } from './stamp-input';

const SERIAL = '0A1B2-C3D4E-5F6G7-H8J9K-M';
const STORED = '0A1B2C3D4E5F6G7H8J9K';

describe('what the stamp screens read from a scanner or the keyboard', () => {
  it.each([
    [`https://ocop.sonla.gov.vn/01/08938505974015/10/XUAN%2F26/21/${STORED}`, STORED],
    [`https://ocop.sonla.gov.vn/s/${STORED}`, STORED],
    [`http://localhost:3000/s/${STORED}?lang=en`, STORED],
    [`  ${SERIAL}  `, SERIAL],
    ['0a1b2 c3d4e 5f6g7 h8j9k m', '0a1b2 c3d4e 5f6g7 h8j9k m'],
    ['https://example.com/other/page', 'https://example.com/other/page'],
  ])('takes the serial out of %j', (scanned, serial) => {
    expect(serialFromScan(scanned)).toBe(serial);
  });

  it(`reads at most ${SCAN_TEXT_MAX} characters of a scan`, () => {
    expect(serialFromScan('x'.repeat(SCAN_TEXT_MAX + 50))).toHaveLength(SCAN_TEXT_MAX);
  });

  it('tells a sequence number (up to 8 digits) from a serial', () => {
    expect(readRangeEnd(' 20 ')).toEqual({ kind: 'sequence', sequence: 20 });
    expect(readRangeEnd('10000000')).toEqual({ kind: 'sequence', sequence: 10_000_000 });
    expect(readRangeEnd('123456789')).toEqual({ kind: 'serial', serial: '123456789' });
    expect(readRangeEnd(`https://x.vn/s/${STORED}`)).toEqual({ kind: 'serial', serial: STORED });
    expect(readRangeEnd('   ')).toEqual({ kind: 'empty' });
  });

  it('splits a pasted list by lines, commas, semicolons and tabs, keeping spaces inside a serial', () => {
    expect(splitSerials(`${SERIAL}\r\n\n0a1b2 c3d4e 5f6g7 h8j9k m; https://x.vn/s/${STORED},\tABC\n`)).toEqual([
      SERIAL,
      '0a1b2 c3d4e 5f6g7 h8j9k m',
      STORED,
      'ABC',
    ]);
    expect(splitSerials(' \n , ')).toEqual([]);
  });

  it('reads counts written the Vietnamese or the English way, and nothing else', () => {
    expect(parseStampCount('20')).toBe(20);
    expect(parseStampCount('1.000.000')).toBe(1_000_000);
    expect(parseStampCount('10 000 001')).toBe(10_000_001);
    expect(parseStampCount('1,000')).toBe(1000);
    expect(parseStampCount('0')).toBe(0);
    for (const text of ['', '1,5', '12.34', '-3', 'abc', '1e6', '1.00', '1234567890123']) expect(parseStampCount(text), text).toBeNull();
  });
});
