import { DomainError } from '../shared/domain-error';

export type NormalizedLogin = { kind: 'email' | 'phone'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Users type their login as an email or a Vietnamese phone number in any common spelling
 * (0912 345 678, +84 912.345.678); both map to one stored form so lookups are exact.
 */
export function normalizeLogin(raw: string): NormalizedLogin {
  const text = raw.trim();
  if (text.includes('@')) {
    const email = text.toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) {
      throw new DomainError('invalid', 'user.invalid_email', 'The email address is not valid.');
    }
    return { kind: 'email', value: email };
  }
  return { kind: 'phone', value: normalizePhone(text) };
}

export function normalizeEmail(raw: string): string {
  const login = normalizeLogin(raw);
  if (login.kind !== 'email') throw new DomainError('invalid', 'user.invalid_email', 'The email address is not valid.');
  return login.value;
}

export function normalizePhone(raw: string): string {
  let digits = raw.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  // Mobiles have 10 digits; landlines since 2017 have 02xx + 7 or 8 digits (10 or 11).
  if (!/^0\d{9,10}$/.test(digits)) {
    throw new DomainError('invalid', 'user.invalid_phone', 'The phone number is not valid.');
  }
  return digits;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** A password must be long enough to resist guessing and short enough not to be a hashing DoS. */
export function checkPasswordPolicy(password: string, context: { login?: string } = {}): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('invalid', 'user.password_too_short', 'The password is too short.', {
      min: PASSWORD_MIN_LENGTH,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('invalid', 'user.password_too_long', 'The password is too long.', {
      max: PASSWORD_MAX_LENGTH,
    });
  }
  if (context.login && password.toLowerCase() === context.login.toLowerCase()) {
    throw new DomainError('invalid', 'user.password_same_as_login', 'The password equals the login.');
  }
}
