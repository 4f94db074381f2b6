import type { Capability } from '../shared/capabilities';
import { DomainError } from '../shared/domain-error';

/**
 * API keys for a producer's own software (a vendor app, a scale, an ERP): what a key may do, how
 * its token looks, and when it is live. No I/O here: the server draws the random parts and keeps
 * only a hash of the secret.
 */

/** What a key may be given; each opens exactly one capability, and nothing else of the back office. */
export const API_KEY_SCOPES = ['epcis:capture', 'epcis:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_CAPABILITY: Readonly<Record<ApiKeyScope, Capability>> = {
  'epcis:capture': 'epcis.capture',
  'epcis:read': 'epcis.read',
};

export const API_KEY_NAME_MAX_LENGTH = 80;
/** Live (neither revoked nor expired) keys one producer may hold: enough for every device and partner, few enough to review. */
export const API_KEYS_LIVE_MAX = 20;
/** The latest expiry date one may give, in years from today: a later date is most likely a typing slip (2205 for 2025). */
export const API_KEY_EXPIRY_MAX_YEARS = 5;
/** A key's last use is written at most this often, so a busy key does not write on every request. */
export const API_KEY_USE_RECORD_MS = 60_000;

/** The public part of a token: it finds the row, it proves nothing. */
export const API_KEY_LOOKUP_LENGTH = 16;
/** 32 random bytes in base64url without padding. */
export const API_KEY_SECRET_LENGTH = 43;
const TOKEN = /^ocop_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** `ocop_<16 hex lookup id>_<43 base64url characters of secret>`; the prefix lets secret scanners spot a leaked key. */
export function formatApiKeyToken(lookupId: string, secret: string): string {
  return `ocop_${lookupId}_${secret}`;
}

/** The two parts of a token, or null when it cannot be one of ours. */
export function parseApiKeyToken(token: string): { lookupId: string; secret: string } | null {
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return null;
  return { lookupId: match[1], secret: match[2] };
}

export type ApiKeyFieldsInput = { name: string; scopes: readonly string[]; expiresOn?: string | null | undefined };
export type CheckedApiKeyFields = { name: string; scopes: ApiKeyScope[]; expiresOn: string | null };

/**
 * The fields of a new key: a name of 1 to 80 characters (trimmed), at least one known scope (kept
 * once each, in the order of API_KEY_SCOPES), and an optional last day of validity after today and
 * at most five years on. `today` is the date in Vietnam.
 */
export function checkApiKeyFields(input: ApiKeyFieldsInput, today: string): CheckedApiKeyFields {
  const name = input.name.trim();
  if (name.length === 0 || name.length > API_KEY_NAME_MAX_LENGTH) {
    throw new DomainError('invalid', 'api_key.name_invalid', 'The name must have 1 to 80 characters.', {
      field: 'name',
      max: API_KEY_NAME_MAX_LENGTH,
    });
  }
  const unknown = input.scopes.filter((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
  if (input.scopes.length === 0 || unknown.length > 0) {
    throw new DomainError('invalid', 'api_key.scopes_invalid', 'Choose at least one scope among epcis:capture and epcis:read.', {
      field: 'scopes',
      scopes: API_KEY_SCOPES.join(', '),
    });
  }
  const scopes = API_KEY_SCOPES.filter((scope) => input.scopes.includes(scope));
  const expiresOn = input.expiresOn ?? null;
  if (expiresOn !== null) {
    const latest = addYears(today, API_KEY_EXPIRY_MAX_YEARS);
    if (expiresOn <= today || expiresOn > latest) {
      throw new DomainError('invalid', 'api_key.expiry_invalid', 'The last day must be after today and within five years.', {
        field: 'expiresOn',
        today,
        latest,
      });
    }
  }
  return { name, scopes, expiresOn };
}

/** The instant a key given `expiresOn` stops working: the end of that day in Vietnam (UTC+7). */
export function apiKeyExpiresAt(expiresOn: string): Date {
  return new Date(`${addDaysTo(expiresOn, 1)}T00:00:00+07:00`);
}

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

/** Never stored: a key is revoked from its revocation on, expired from its expiry on, active otherwise. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Whether this use should be written down: never used yet, or last written over a minute ago. */
export function shouldRecordApiKeyUse(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= API_KEY_USE_RECORD_MS;
}

/** The capabilities a key's scopes open. */
export function apiKeyCapabilities(scopes: readonly ApiKeyScope[]): Capability[] {
  return scopes.map((scope) => API_KEY_SCOPE_CAPABILITY[scope]);
}

function addDaysTo(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + days)).toISOString().slice(0, 10);
}

function addYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number);
  // 29 February plus years lands on 1 March when the year has none, which is the later, harmless side.
  return new Date(Date.UTC((year ?? 0) + years, (month ?? 1) - 1, date ?? 1)).toISOString().slice(0, 10);
}
