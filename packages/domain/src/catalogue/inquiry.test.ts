import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { checkInquiryFields, formTokenAge, isContactShape, nextInquiryStatus } from './inquiry';

describe('inquiry rules', () => {
  it.each([
    ['0912 345 678', true],
    ['+84 912.345.678', true],
    ['0212-3855-123', true],
    ['mua.hang@example.vn', true],
    ['12345', false],
    ['0912', false],
    ['abc@', false],
    ['"><img onerror=x>@a.vn', false],
    ['+1 555 0100 200', false],
  ])('contact %s looks like a phone or e-mail: %s', (contact, expected) => {
    expect(isContactShape(contact)).toBe(expected);
  });

  it('trims the fields and names each problem', () => {
    const { fields, problems } = checkInquiryFields({ name: '  An ', contact: 'x', quantity: 'q'.repeat(101), message: '' });
    expect(fields.name).toBe('An');
    expect(problems).toEqual({ contact: 'contact_shape', quantity: 'too_long', message: 'required' });
    const long = checkInquiryFields({ name: 'An', contact: '0912345678', quantity: '', message: 'm'.repeat(2001) });
    expect(long.problems).toEqual({ message: 'too_long' });
    expect(checkInquiryFields({ name: 'An', contact: '0912345678', quantity: '', message: 'm'.repeat(2000) }).problems).toEqual({});
  });

  it.each([
    [0, 'too_fast'],
    [2_999, 'too_fast'],
    [3_000, 'ok'],
    [24 * 3_600_000, 'ok'],
    [24 * 3_600_000 + 1, 'expired'],
    [-61_000, 'expired'],
  ] as const)('a token %i ms old is %s', (age, expected) => {
    expect(formTokenAge(1_000_000_000, 1_000_000_000 + age)).toBe(expected);
  });

  it.each([
    ['new', 'read', 'read'],
    ['new', 'answered', 'answered'],
    ['read', 'closed', 'closed'],
    ['answered', 'answered', 'answered'],
  ] as const)('%s → %s gives %s', (from, to, expected) => {
    expect(nextInquiryStatus(from, to)).toBe(expected);
  });

  it.each([
    ['read', 'new'],
    ['answered', 'read'],
    ['closed', 'answered'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(() => nextInquiryStatus(from, to)).toThrow(DomainError);
  });
});
