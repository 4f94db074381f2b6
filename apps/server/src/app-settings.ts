import { DEFAULT_SUSPICION_RULES, type SuspicionRules } from '@ocop/domain/traceability';
import { randomBytes } from 'node:crypto';
import type { InquiryLimits } from './modules/catalogue';
import { DEFAULT_SCAN_RATE_LIMITS, type ScanRateLimits } from './modules/traceability';

export type AppSettings = {
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  /** Folder of the built web app to serve at `/`; none in API-only tests. */
  webDistDir?: string | undefined;
  bodyLimitBytes?: number;
  /** Where uploaded files are kept (`DATA_DIR/files`); tests give a fresh temporary folder. */
  filesDir: string;
  /** Where phone-sized copies of public product pictures are kept (`filesDir/.public-images` by default; bounded, removable). */
  imageCacheDir?: string | undefined;
  /** The SMTP server mail goes through (`smtp://user:pass@host:587`); unset: mail is only noted in the log. */
  smtpUrl?: string | undefined;
  /** The sender of every mail. */
  mailFrom?: string;
  /** How long notifications gather before one digest mail carries them (10 by default). */
  notifyDigestMinutes?: number;
  /** The public sales-point map's tile server (`{z}/{x}/{y}` template); unset: drawn over the province outline. */
  mapTiles?: { urlTemplate: string; attribution: string } | undefined;
  /** How long a public certificate verification answer is reused (60 s by default; 0: never). */
  verifyCacheSeconds?: number;
  /** The trusted proxy's header with the client's coarse place (lower case); unset: scans record no place. */
  scanPlaceHeader?: string | undefined;
  /** The key scanning clients' addresses are hashed with; unset: a random key for this process. */
  scanAddressSalt?: string | undefined;
  /** The suspicion thresholds of stamp scans (tests lower them). */
  scanRules?: Partial<SuspicionRules>;
  /** The scan page's rate limits per address (tests lower them); else built from the two below. */
  scanRateLimits?: ScanRateLimits;
  scanRateBurst?: number;
  scanRatePerMinute?: number;
  /** Most scans per INSERT of the group-commit writer (500 by default). */
  scanBatchMax?: number;
  /** The scan recorder's batching (benches compare settings). */
  scanRecorder?: { maxBatch?: number; maxWaitMs?: number; maxQueue?: number; concurrency?: number };
  /** Buyers' inquiries: per address and per producer and day (tests lower them). */
  inquiryLimits?: Partial<InquiryLimits>;
};

/** The scan page's settings and rate limits, from the app's settings and their defaults. */
export function scanSettingsOf(settings: AppSettings) {
  return {
    scanSettings: {
      placeHeader: settings.scanPlaceHeader ?? null,
      addressSalt: settings.scanAddressSalt ?? randomBytes(32).toString('hex'),
      rules: { ...DEFAULT_SUSPICION_RULES, ...settings.scanRules },
      cacheMs: (settings.verifyCacheSeconds ?? 60) * 1000,
      recorder: { ...(settings.scanBatchMax ? { maxBatch: settings.scanBatchMax } : {}), ...settings.scanRecorder },
    },
    scanRateLimits: settings.scanRateLimits ?? {
      ...DEFAULT_SCAN_RATE_LIMITS,
      scan: {
        capacity: settings.scanRateBurst ?? DEFAULT_SCAN_RATE_LIMITS.scan.capacity,
        refillPerSecond: settings.scanRatePerMinute ? settings.scanRatePerMinute / 60 : DEFAULT_SCAN_RATE_LIMITS.scan.refillPerSecond,
      },
    },
  };
}
