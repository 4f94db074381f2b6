import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import {
  apiKeyCapabilities,
  apiKeyExpiresAt,
  apiKeyStatus,
  checkApiKeyFields,
  formatApiKeyToken,
  parseApiKeyToken,
  shouldRecordApiKeyUse,
} from './api-key';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('API key rules', () => {
  const secret = `${'A'.repeat(21)}_-${'z'.repeat(20)}`;

  it('formats a token and reads it back; anything else is not a token', () => {
    const token = formatApiKeyToken('0123456789abcdef', secret);
    expect(token).toBe(`ocop_0123456789abcdef_${secret}`);
    expect(parseApiKeyToken(token)).toEqual({ lookupId: '0123456789abcdef', secret });
    for (const bad of [
      '',
      `ocop_0123456789abcdef_${secret}x`,
      `ocop_0123456789abcde_${secret}`,
      `ocop_0123456789ABCDEF_${secret}`,
      `OCOP_0123456789abcdef_${secret}`,
      `ocop_0123456789abcdef_${secret.slice(1)}=`,
      ` ocop_0123456789abcdef_${secret}`,
    ]) {
      expect(parseApiKeyToken(bad), bad).toBeNull();
    }
  });

  it('trims the name, keeps known scopes once in a fixed order, and bounds the name at 80 characters', () => {
    expect(checkApiKeyFields({ name: '  Cân điện tử  ', scopes: ['epcis:read', 'epcis:capture', 'epcis:read'] }, '2026-03-02')).toEqual({
      name: 'Cân điện tử',
      scopes: ['epcis:capture', 'epcis:read'],
      expiresOn: null,
    });
    expect(checkApiKeyFields({ name: 'x'.repeat(80), scopes: ['epcis:read'] }, '2026-03-02').name).toHaveLength(80);
    expect(codeOf(() => checkApiKeyFields({ name: 'x'.repeat(81), scopes: ['epcis:read'] }, '2026-03-02'))).toBe('api_key.name_invalid');
    expect(codeOf(() => checkApiKeyFields({ name: '   ', scopes: ['epcis:read'] }, '2026-03-02'))).toBe('api_key.name_invalid');
  });

  it('needs at least one scope and refuses any it does not know', () => {
    expect(codeOf(() => checkApiKeyFields({ name: 'ERP', scopes: [] }, '2026-03-02'))).toBe('api_key.scopes_invalid');
    expect(codeOf(() => checkApiKeyFields({ name: 'ERP', scopes: ['epcis:read', 'lots:write'] }, '2026-03-02'))).toBe(
      'api_key.scopes_invalid',
    );
  });

  it('takes a last day after today and at most five years on', () => {
    const today = '2026-03-02';
    expect(checkApiKeyFields({ name: 'ERP', scopes: ['epcis:read'], expiresOn: '2026-03-03' }, today).expiresOn).toBe('2026-03-03');
    expect(checkApiKeyFields({ name: 'ERP', scopes: ['epcis:read'], expiresOn: '2031-03-02' }, today).expiresOn).toBe('2031-03-02');
    for (const expiresOn of ['2026-03-02', '2026-03-01', '2031-03-03', '2205-01-01']) {
      expect(
        codeOf(() => checkApiKeyFields({ name: 'ERP', scopes: ['epcis:read'], expiresOn }, today)),
        expiresOn,
      ).toBe('api_key.expiry_invalid');
    }
  });

  it('ends a key at the end of its last day in Vietnam, and derives its status from the facts', () => {
    const end = apiKeyExpiresAt('2026-12-31');
    expect(end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    const key = { revokedAt: null, expiresAt: end };
    expect(apiKeyStatus(key, new Date('2026-12-31T16:59:59Z'))).toBe('active');
    expect(apiKeyStatus(key, end)).toBe('expired');
    expect(apiKeyStatus({ revokedAt: new Date('2026-01-01T00:00:00Z'), expiresAt: end }, new Date('2026-02-01T00:00:00Z'))).toBe('revoked');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, new Date('2099-01-01T00:00:00Z'))).toBe('active');
  });

  it('records a use at most once a minute', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    expect(shouldRecordApiKeyUse(null, at)).toBe(true);
    expect(shouldRecordApiKeyUse(at, new Date(at.getTime() + 59_999))).toBe(false);
    expect(shouldRecordApiKeyUse(at, new Date(at.getTime() + 60_000))).toBe(true);
  });

  it('opens exactly one capability per scope', () => {
    expect(apiKeyCapabilities(['epcis:capture'])).toEqual(['epcis.capture']);
    expect(apiKeyCapabilities(['epcis:capture', 'epcis:read'])).toEqual(['epcis.capture', 'epcis.read']);
  });
});
