import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { checkPasswordPolicy, normalizeLogin } from './login';

describe('normalizeLogin', () => {
  it.each([
    ['Admin@OCOP.vn', { kind: 'email', value: 'admin@ocop.vn' }],
    [' 0912 345 678 ', { kind: 'phone', value: '0912345678' }],
    ['+84 912.345.678', { kind: 'phone', value: '0912345678' }],
    ['84912345678', { kind: 'phone', value: '0912345678' }],
    ['(0212) 385-2345', { kind: 'phone', value: '02123852345' }],
  ])('reads %s', (input, expected) => {
    expect(normalizeLogin(input)).toEqual(expected);
  });

  it.each(['12345', 'abc', 'a@b', '0912 345 67', '091234567890'])('refuses %s', (input) => {
    expect(() => normalizeLogin(input)).toThrow(DomainError);
  });
});

describe('checkPasswordPolicy', () => {
  it('accepts a long enough password', () => {
    expect(() => checkPasswordPolicy('mat-khau-dai')).not.toThrow();
  });
  it.each([
    ['short', 'user.password_too_short'],
    ['x'.repeat(129), 'user.password_too_long'],
  ])('refuses %s with %s', (password, code) => {
    expect(() => checkPasswordPolicy(password)).toThrow(expect.objectContaining({ code }));
  });
  it('refuses the login as password', () => {
    expect(() => checkPasswordPolicy('Canbo@Xa.vn', { login: 'canbo@xa.vn' })).toThrow(
      expect.objectContaining({ code: 'user.password_same_as_login' }),
    );
  });
});
