import { describe, expect, it } from 'vitest';
import {
  classifyUserAgent,
  coarsePlace,
  countSuspicion,
  DEFAULT_SUSPICION_RULES,
  needsCountCheck,
  scanVerdict,
  travelSuspicion,
  readScannedSerial,
} from './stamp-scan';
import { formatStampSerial, stampCheckSymbol } from './stamp-serial';

describe('classifyUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0 Mobile Safari/537.36 Zalo android/12100 ZaloTheme/light',
      'zalo',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ZaloTheme/dark Zalo iOS/23062601',
      'zalo',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [FBAN/FBIOS;FBAV/420.0.0.32.102;FBBV/123]',
      'facebook',
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/428.0.0.26.108;]',
      'facebook',
    ],
    ['Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Mobile Safari/537.36', 'android'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      'ios',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', 'desktop'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15', 'desktop'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'bot'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'bot'],
    ['curl/8.5.0', 'bot'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36', 'bot'],
    ['NokiaC2-01/5.0 (11.40) Profile/MIDP-2.1', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (ua, expected) => {
    expect(classifyUserAgent(ua)).toBe(expected);
  });

  it('answers other without a user agent, and reads only the first 512 characters of a huge one', () => {
    expect(classifyUserAgent(undefined)).toBe('other');
    expect(classifyUserAgent(`${'x'.repeat(600)} Zalo`)).toBe('other');
    expect(classifyUserAgent(`${'x'.repeat(400)} Zalo`)).toBe('zalo');
  });
});

describe('coarsePlace', () => {
  it.each([
    ['VN', 'VN'],
    ['vn-14', 'VN-14'],
    [' VN-01 ', 'VN-01'],
    ['XX', null],
    ['T1', null],
    ['', null],
    [undefined, null],
    ['<script>', null],
    ['VN 14', null],
    ['A'.repeat(17), null],
    ['A'.repeat(16), 'A'.repeat(16)],
  ])('%s → %s', (header, expected) => {
    expect(coarsePlace(header)).toBe(expected);
  });
});

describe('suspicion rules', () => {
  const rules = DEFAULT_SUSPICION_RULES;

  it('reads the window only past the smaller threshold', () => {
    expect(needsCountCheck(20, rules)).toBe(false);
    expect(needsCountCheck(21, rules)).toBe(true);
  });

  it.each([
    [{ scans: 50, addresses: 20 }, null],
    [{ scans: 51, addresses: 1 }, 'too_many_scans'],
    [{ scans: 30, addresses: 21 }, 'too_many_addresses'],
    [{ scans: 60, addresses: 30 }, 'too_many_scans'],
  ] as const)('%o → %s', (counts, expected) => {
    expect(countSuspicion(counts, rules)).toBe(expected);
  });

  const hour = 3_600_000;
  it.each([
    [
      'one place',
      [
        { atMs: 0, place: 'VN-14' },
        { atMs: 1, place: 'VN-14' },
      ],
      null,
    ],
    [
      'two countries within 6 h',
      [
        { atMs: 0, place: 'VN' },
        { atMs: 5 * hour, place: 'KH' },
      ],
      'far_apart',
    ],
    [
      'two countries 7 h apart',
      [
        { atMs: 0, place: 'VN' },
        { atMs: 7 * hour, place: 'KH' },
      ],
      null,
    ],
    [
      'two regions within 30 min',
      [
        { atMs: 10 * 60_000, place: 'VN-01' },
        { atMs: 0, place: 'VN-14' },
      ],
      'far_apart',
    ],
    [
      'two regions 2 h apart',
      [
        { atMs: 0, place: 'VN-14' },
        { atMs: 2 * hour, place: 'VN-01' },
      ],
      null,
    ],
    [
      'a country and one of its regions',
      [
        { atMs: 0, place: 'VN' },
        { atMs: 60_000, place: 'VN-01' },
      ],
      null,
    ],
    ['nothing', [], null],
  ] as const)('%s', (_name, scans, expected) => {
    expect(travelSuspicion([...scans], rules)).toBe(expected);
  });
});

describe('scanVerdict', () => {
  it.each([
    [null, 'unknown'],
    [{ state: 'void', suspicious: true }, 'void'],
    [{ state: 'issued', suspicious: false }, 'not_activated'],
    [{ state: 'activated', suspicious: false }, 'genuine'],
    [{ state: 'activated', suspicious: true }, 'suspicious'],
  ] as const)('%o → %s', (stamp, expected) => {
    expect(scanVerdict(stamp)).toBe(expected);
  });
});

describe('readScannedSerial', () => {
  const serial = '0123456789ABCDEFGHJK';
  const check = stampCheckSymbol(serial);
  const wrong = check === '0' ? '1' : '0';
  it.each([
    ['the stored form (what the QR code holds)', serial, serial],
    ['lower case', serial.toLowerCase(), serial],
    ['the printed form', formatStampSerial(serial), serial],
    ['the printed form in lower case with spaces', formatStampSerial(serial).toLowerCase().replace(/-/g, ' '), serial],
    ['the printed form without hyphens', `${serial}${check}`, serial],
    ['O and I typed for 0 and 1', `O${'I'}23456789ABCDEFGHJK`, serial],
    ['a wrong check character', `${serial}${wrong}`, null],
    ['a letter outside the alphabet', `${serial.slice(0, 19)}U`, null],
    ['too short', serial.slice(0, 19), null],
    ['too long', 'A'.repeat(65), null],
    ['an empty text', '', null],
    ['a script', '<script>alert(1)</script>', null],
  ])('%s', (_name, text, expected) => {
    expect(readScannedSerial(text)).toBe(expected);
  });
});
