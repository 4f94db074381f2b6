import { describe, expect, it } from 'vitest';
import {
  assertProducerStatusChange,
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  normalizeContactEmail,
  normalizeContactPhone,
  type ProducerStatus,
} from './producer';

describe('checkLegalForm', () => {
  it('requires a legal form for an enterprise only', () => {
    expect(checkLegalForm('enterprise', 'joint_stock')).toBe('joint_stock');
    expect(checkLegalForm('cooperative', null)).toBeNull();
    expect(() => checkLegalForm('enterprise', null)).toThrow(expect.objectContaining({ code: 'producer.legal_form_required' }));
    expect(() => checkLegalForm('household_business', 'llc_single_member')).toThrow(
      expect.objectContaining({ code: 'producer.legal_form_not_applicable' }),
    );
  });
});

describe('assertProducerStatusChange', () => {
  it.each<[ProducerStatus, ProducerStatus, boolean]>([
    ['active', 'suspended', true],
    ['active', 'dissolved', true],
    ['suspended', 'active', true],
    ['suspended', 'dissolved', true],
    ['active', 'active', false],
    ['dissolved', 'active', false],
    ['dissolved', 'suspended', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const run = () => assertProducerStatusChange(from, to);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'producer.status_change_not_allowed', kind: 'conflict' }));
  });
});

describe('checkFoundingYear and checkMemberCount', () => {
  it.each([
    [1900, true],
    [2026, true],
    [2027, false],
    [1899, false],
    [2010.5, false],
  ])('year %s in 2026 is valid: %s', (year, valid) => {
    if (valid) expect(checkFoundingYear(year, 2026)).toBe(year);
    else expect(() => checkFoundingYear(year, 2026)).toThrow(expect.objectContaining({ code: 'producer.founding_year_invalid' }));
  });
  it('accepts an empty year and counts from 0', () => {
    expect(checkFoundingYear(null, 2026)).toBeNull();
    expect(checkMemberCount(0)).toBe(0);
    expect(() => checkMemberCount(-1)).toThrow(expect.objectContaining({ code: 'producer.member_count_invalid' }));
    expect(() => checkMemberCount(2.5)).toThrow(expect.objectContaining({ code: 'producer.member_count_invalid' }));
  });
});

describe('checkLocation', () => {
  it.each([
    [21.3256, 103.9188, { latitude: 21.3256, longitude: 103.9188 }], // Sơn La
    [8.6, 104.7, { latitude: 8.6, longitude: 104.7 }], // Cà Mau
    [10.38, 114.36, { latitude: 10.38, longitude: 114.36 }], // Trường Sa
    [21.12345678, 104.1, { latitude: 21.123457, longitude: 104.1 }],
  ])('accepts %s, %s', (lat, lng, expected) => {
    expect(checkLocation(lat, lng)).toEqual(expected);
  });
  it.each([
    [103.9, 21.3, 'producer.location_outside_vietnam'], // swapped
    [0, 0, 'producer.location_outside_vietnam'],
    [48.85, 2.35, 'producer.location_outside_vietnam'],
    [21.3, null, 'producer.location_incomplete'],
  ])('refuses %s, %s', (lat, lng, code) => {
    expect(() => checkLocation(lat, lng)).toThrow(expect.objectContaining({ code }));
  });
  it('accepts no location', () => {
    expect(checkLocation(null, undefined)).toBeNull();
  });
});

describe('contact details', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['(0212) 3852 123', '02123852123'],
    ['', null],
  ])('phone %j → %j', (raw, expected) => {
    expect(normalizeContactPhone(raw)).toBe(expected);
  });
  it.each(['12345', '0912-345-67', 'không có'])('refuses phone %j', (raw) => {
    expect(() => normalizeContactPhone(raw)).toThrow(expect.objectContaining({ code: 'producer.phone_invalid' }));
  });
  it('lower-cases an email and refuses a malformed one', () => {
    expect(normalizeContactEmail(' HTX.BichThao@Gmail.com ')).toBe('htx.bichthao@gmail.com');
    expect(() => normalizeContactEmail('htx@bichthao')).toThrow(expect.objectContaining({ code: 'producer.email_invalid' }));
  });
});
