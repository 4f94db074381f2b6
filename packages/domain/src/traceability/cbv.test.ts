import { describe, expect, it } from 'vitest';
import { CBV_BIZ_STEPS, expandCbvValue, isCbvOrNamespacedBizStep, isCbvOrNamespacedValue } from './cbv';

describe('CBV vocabularies', () => {
  it('holds the EPCIS 2.0 schema lists', () => {
    expect(CBV_BIZ_STEPS).toHaveLength(41);
    expect(CBV_BIZ_STEPS).toContain('creating_class_instance');
  });

  it.each([
    ['commissioning', true],
    ['https://ref.gs1.org/cbv/BizStep-shipping', true],
    ['urn:epcglobal:cbv:bizstep:receiving', true],
    ['https://ocop.example.vn/voc/say-kho', true],
    ['urn:ocop:vn:bizstep:drying', true],
    ['drying', false],
    ['Shipping', false],
    ['', false],
    ['https://ref.gs1.org/cbv/BizStep-drying', false],
    ['urn:epcglobal:cbv:bizstep:drying', false],
    ['https://ns.gs1.org/cbv/drying', false],
  ])('bizStep %s valid: %s', (value, expected) => {
    expect(isCbvOrNamespacedBizStep(value)).toBe(expected);
  });

  it('checks the other vocabularies against their own lists', () => {
    expect(isCbvOrNamespacedValue('disposition', 'in_transit')).toBe(true);
    expect(isCbvOrNamespacedValue('disposition', 'shipping')).toBe(false);
    expect(isCbvOrNamespacedValue('sourceDestinationType', 'possessing_party')).toBe(true);
  });

  it('expands a bare word or a CBV 1.x URN to the Web URI and leaves other values alone', () => {
    expect(expandCbvValue('bizTransactionType', 'po')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(expandCbvValue('disposition', 'urn:epcglobal:cbv:disp:recalled')).toBe('https://ref.gs1.org/cbv/Disp-recalled');
    expect(expandCbvValue('bizStep', 'https://ocop.example.vn/voc/say-kho')).toBe('https://ocop.example.vn/voc/say-kho');
  });
});
