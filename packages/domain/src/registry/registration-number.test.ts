import { describe, expect, it } from 'vitest';
import type { ProducerType } from './producer';
import { isTaxCode, normalizeRegistrationNumber } from './registration-number';

describe('normalizeRegistrationNumber', () => {
  it.each<[ProducerType, string, string]>([
    ['enterprise', '5500123456', '5500123456'],
    ['enterprise', ' 5500 123 456 ', '5500123456'],
    ['enterprise', '5500123456-001', '5500123456-001'],
    ['cooperative', '5500654321', '5500654321'],
    ['household_business', '5500123456', '5500123456'],
    ['household_business', '014123456789', '014123456789'],
    ['household_business', '24a8001234', '24A8001234'],
    ['household_business', '12/GCN-UBND', '12/GCN-UBND'],
    ['cooperative_group', '03/HĐHT'.replace('Đ', 'D'), '03/HDHT'],
    ['cooperative_group', '15.2019/THT', '15.2019/THT'],
  ])('accepts a %s number %j as %j', (type, raw, expected) => {
    expect(normalizeRegistrationNumber(type, raw)).toBe(expected);
  });

  it.each<[ProducerType, string, string]>([
    ['enterprise', '550012345', 'producer.tax_code_invalid'],
    ['enterprise', '55001234567', 'producer.tax_code_invalid'],
    ['enterprise', '5500123456-01', 'producer.tax_code_invalid'],
    ['enterprise', '24A8001234', 'producer.tax_code_invalid'],
    ['cooperative', '014123456789', 'producer.tax_code_invalid'],
    ['household_business', '550012345', 'producer.tax_code_invalid'],
    ['cooperative_group', '123-45', 'producer.tax_code_invalid'],
    ['household_business', 'ABC', 'producer.registration_number_invalid'],
    ['household_business', 'Số 12#', 'producer.registration_number_invalid'],
    ['household_business', '/12', 'producer.registration_number_invalid'],
    ['enterprise', '   ', 'producer.registration_number_required'],
  ])('refuses a %s number %j with %s', (type, raw, code) => {
    expect(() => normalizeRegistrationNumber(type, raw)).toThrow(
      expect.objectContaining({ code, details: expect.objectContaining({ field: 'registrationNumber' }) }),
    );
  });

  it('tells tax codes apart', () => {
    expect(isTaxCode('5500123456')).toBe(true);
    expect(isTaxCode('5500123456-001')).toBe(true);
    expect(isTaxCode('550012345')).toBe(false);
  });
});
