import { isStoredStampSerial, parseStampSerial, STAMP_SERIAL_INPUT_MAX, STAMP_SERIAL_LENGTH } from './stamp-serial';

/**
 * Scans of trace stamps (issue 14 items 3, 4, 7): what a consumer's phone tells us, the verdict the
 * scan page shows first, and the counterfeit signals that mark a serial suspicious. Pure: the caller
 * hands in the user agent, the trusted place header's value, the recent scans and the clock's time.
 */

/** Where a scan came from, as coarse as the analytics need: no raw user agent is kept. */
export const SCAN_AGENT_CLASSES = ['zalo', 'facebook', 'android', 'ios', 'desktop', 'bot', 'other'] as const;
export type ScanAgentClass = (typeof SCAN_AGENT_CLASSES)[number];

/** Characters of a user agent looked at: enough for every marker below, bounded whatever a client sends. */
export const USER_AGENT_READ_MAX = 512;

// Link previewers and scripts first: Zalo's and Facebook's previewers carry those names too.
const BOT =
  /bot\b|bot\/|crawler|spider|slurp|facebookexternalhit|preview|curl\/|wget\/|python-|go-http-client|java\/|okhttp|headless|lighthouse|node-fetch|undici|axios/i;
const ZALO = /zalo/i;
const FACEBOOK = /\bFBA[NV]\b|FBAN\/|FBAV\/|FB_IAB|FBIOS|\bFB4A\b|messenger|instagram/i;
const ANDROID = /android/i;
const IOS = /iphone|ipad|ipod|\bios\b|cfnetwork/i;
const DESKTOP = /windows nt|macintosh|mac os x|x11|linux|cros/i;

/** The class of a scan's user agent: a previewer or script is `bot`; Zalo's and Facebook's in-app browsers before the phone's system. */
export function classifyUserAgent(userAgent: string | undefined): ScanAgentClass {
  if (!userAgent) return 'other';
  const ua = userAgent.slice(0, USER_AGENT_READ_MAX);
  if (BOT.test(ua)) return 'bot';
  if (ZALO.test(ua)) return 'zalo';
  if (FACEBOOK.test(ua)) return 'facebook';
  if (ANDROID.test(ua)) return 'android';
  if (IOS.test(ua)) return 'ios';
  if (DESKTOP.test(ua)) return 'desktop';
  return 'other';
}

/** Longest place code kept: an ISO 3166-2 code (`VN-14`) or a country (`VN`), with room for a proxy's own region names. */
export const SCAN_PLACE_MAX = 16;
const PLACE = /^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/;
// What proxies send when they do not know (Cloudflare: XX unknown, T1 Tor).
const UNKNOWN_PLACES = new Set(['XX', 'T1', 'A1', 'A2', 'O1', 'ZZ']);

/**
 * The coarse place of a scan from the trusted proxy header's value (a country or `country-region`
 * code), upper-cased; null for anything else, so a header we do not understand stores nothing.
 */
export function coarsePlace(headerValue: string | undefined): string | null {
  if (!headerValue) return null;
  const value = headerValue.trim();
  if (!PLACE.test(value)) return null;
  const upper = value.toUpperCase();
  return UNKNOWN_PLACES.has(upper) ? null : upper;
}

/** Why a serial is marked suspicious. */
export const SUSPICION_REASONS = ['too_many_scans', 'too_many_addresses', 'far_apart'] as const;
export type SuspicionReason = (typeof SUSPICION_REASONS)[number];

/** The thresholds; configuration, not constants, because a province will tune them to what it sees. */
export type SuspicionRules = {
  /** The window the two counts below look at. */
  windowMs: number;
  /** More scans than this within the window: a copied stamp, or a script. */
  maxScans: number;
  /** More distinct client addresses than this within the window: one serial printed on many packs. */
  maxAddresses: number;
  /** Two scans in different countries within this time cannot be the same pack. */
  countryTravelMs: number;
  /** Two scans in different regions (`VN-14`, `VN-01`) of one country within this time, neither. */
  regionTravelMs: number;
};

export const DEFAULT_SUSPICION_RULES: SuspicionRules = {
  windowMs: 24 * 3_600_000,
  maxScans: 50,
  maxAddresses: 20,
  countryTravelMs: 6 * 3_600_000,
  regionTravelMs: 30 * 60_000,
};

/** What the counts say within the window (the database counts them). */
export type ScanWindowCounts = { scans: number; addresses: number };

/**
 * Whether a serial scanned `totalScans` times in all may break a count rule: the window's counts
 * are only worth reading past the smaller threshold, so a stamp scanned a few times costs no query.
 */
export const needsCountCheck = (totalScans: number, rules: SuspicionRules): boolean =>
  totalScans > Math.min(rules.maxScans, rules.maxAddresses);

/** The count rule a serial breaks, if any: too many scans first, then too many addresses. */
export function countSuspicion(counts: ScanWindowCounts, rules: SuspicionRules): SuspicionReason | null {
  if (counts.scans > rules.maxScans) return 'too_many_scans';
  if (counts.addresses > rules.maxAddresses) return 'too_many_addresses';
  return null;
}

/** A scan with a known place. */
export type PlacedScan = { atMs: number; place: string };

const countryOf = (place: string) => place.split('-')[0] ?? place;

/**
 * Whether two scans of one serial were far apart in place within a short time: different
 * countries within `countryTravelMs`, or different regions of one country within `regionTravelMs`.
 * The scans may come in any order; at most the first 1,000 are looked at.
 */
export function travelSuspicion(scans: readonly PlacedScan[], rules: SuspicionRules): SuspicionReason | null {
  const sorted = scans.slice(0, 1_000).sort((a, b) => a.atMs - b.atMs);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i] as PlacedScan;
    // Each earlier scan within the longer window; the list is short (one serial, a few hours).
    for (let j = i - 1; j >= 0; j--) {
      const earlier = sorted[j] as PlacedScan;
      const gap = later.atMs - earlier.atMs;
      if (gap > rules.countryTravelMs) break;
      if (earlier.place === later.place) continue;
      if (countryOf(earlier.place) !== countryOf(later.place)) return 'far_apart';
      // Same country, different regions: only a region-level code says so.
      if (earlier.place.includes('-') && later.place.includes('-') && gap <= rules.regionTravelMs) return 'far_apart';
    }
  }
  return null;
}

/** The verdict the scan page shows first. */
export const SCAN_VERDICTS = ['genuine', 'not_activated', 'void', 'unknown', 'suspicious'] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];

/**
 * The verdict of a scanned stamp: unknown when there is none (or its order is still being
 * issued); void and not-activated say so whatever else is known; an activated stamp marked
 * suspicious tells the consumer to check the seller; else genuine.
 */
export function scanVerdict(stamp: { state: 'issued' | 'activated' | 'void'; suspicious: boolean } | null): ScanVerdict {
  if (stamp === null) return 'unknown';
  if (stamp.state === 'void') return 'void';
  if (stamp.state === 'issued') return 'not_activated';
  return stamp.suspicious ? 'suspicious' : 'genuine';
}

/**
 * The serial a scan page's address names: the stored form a QR code carries (20 characters), or
 * the printed form a person types (with its check character), with or without hyphens and spaces,
 * in any case, O read as 0 and I or L as 1 (`parseStampSerial`). Null for anything else, whatever
 * is wrong with it: the page must not tell a bad shape from a bad check character.
 */
export function readScannedSerial(text: string): string | null {
  if (text.length > STAMP_SERIAL_INPUT_MAX) return null;
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (compact.length === STAMP_SERIAL_LENGTH) {
    const serial = compact.replace(/[OIL]/g, (c) => (c === 'O' ? '0' : '1'));
    return isStoredStampSerial(serial) ? serial : null;
  }
  const parsed = parseStampSerial(text);
  return parsed.ok ? parsed.serial : null;
}
