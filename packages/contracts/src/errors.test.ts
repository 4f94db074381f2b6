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
    expect(errorMessage('no.such_code', 'en')).toBe(ERROR_MESSAGES.internal?.en);
  });
});
