import { DomainError, ERROR_CODES, type ErrorCode } from '@ocop/domain/shared';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorMessage } from './errors';

describe('error messages', () => {
  it('has Vietnamese and English text with the same placeholders for every code', () => {
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/);
      expect(text.vi.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(text.vi), code).toEqual(names(text.en));
    }
  });

  it('fills placeholders from details and falls back to the generic text for unknown codes', () => {
    expect(errorMessage('user.password_too_short', 'vi', { min: 8 })).toBe('Mật khẩu phải có ít nhất 8 ký tự.');
    expect(errorMessage('no.such_code', 'en')).toBe(ERROR_MESSAGES.internal.en);
  });

  it('has a text for exactly the codes of the domain’s one code list, each listed once', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('lets the compiler refuse a code that has no text', () => {
    // These lines are checked by `npm run typecheck`: each must fail to compile, or tsc reports an unused directive.
    // @ts-expect-error a DomainError takes only codes of ERROR_CODES
    const unknown = new DomainError('invalid', 'product.no_such_reason', 'not a code');
    // @ts-expect-error the catalogue needs a text for every code
    const missing: Record<ErrorCode, { vi: string; en: string }> = { internal: ERROR_MESSAGES.internal };
    expect(unknown.code).toBe('product.no_such_reason');
    expect(Object.keys(missing)).toEqual(['internal']);
  });
});
