import { describe, expect, it } from 'vitest';
import {
  isGs1Key,
  lotClassUris,
  parseProvinceKeyUri,
  parseStampPath,
  productClassUris,
  provinceLotUri,
  provinceProductUri,
  stampUrl,
} from './province-code';

describe('province product keys', () => {
  it('names a product and a lot as private URNs and reads them back', () => {
    expect(provinceProductUri('14-03670-007-2026')).toBe('urn:ocop:vn:product:14-03670-007-2026');
    expect(provinceLotUri('14-03670-007-2026', 'L:2026/03')).toBe('urn:ocop:vn:lot:14-03670-007-2026:L%3A2026%2F03');
    expect(parseProvinceKeyUri('urn:ocop:vn:lot:14-03670-007-2026:L%3A2026%2F03')).toEqual({
      kind: 'lot',
      code: '14-03670-007-2026',
      lot: 'L:2026/03',
    });
    expect(parseProvinceKeyUri('urn:ocop:vn:product:83/829-2022')).toEqual({ kind: 'product', code: '83/829-2022' });
  });

  it.each([
    'urn:ocop:vn:product:x',
    'urn:ocop:vn:lot:14-03670-007-2026',
    'urn:ocop:vn:lot:14-03670-007-2026:',
    'urn:epc:id:sgtin:0614141.107346.2017',
  ])('reads %s as no province key', (uri) => {
    expect(parseProvinceKeyUri(uri)).toBeUndefined();
  });

  it('refuses to build a key from an unnormalised code or a lot outside set 82', () => {
    expect(() => provinceProductUri('14 03670')).toThrow();
    expect(() => provinceLotUri('14-03670-007-2026', 'Lô 1')).toThrow();
  });

  it('prints a stamp address on the province site and reads its path back', () => {
    const product = { kind: 'product', code: '83/829-2022' } as const;
    expect(stampUrl('https://ocop.example.vn/', product)).toBe('https://ocop.example.vn/p/83%2F829-2022');
    expect(parseStampPath('/p/83%2F829-2022')).toEqual(product);
    const lot = { kind: 'lot', code: '14-03670-007-2026', lot: 'L1' } as const;
    expect(stampUrl('https://ocop.example.vn', lot)).toBe('https://ocop.example.vn/p/14-03670-007-2026/l/L1');
    expect(parseStampPath('/p/14-03670-007-2026/l/L1')).toEqual(lot);
    expect(parseStampPath('/01/09780345418913')).toBeUndefined();
  });

  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017', true],
    ['https://id.gs1.org/01/09780345418913', true],
    ['https://ocop.example.vn/p/414', false],
    ['https://ocop.example.vn/p/14-03670-007-2026/l/L1', false],
    ['urn:ocop:vn:product:14-03670-007-2026', false],
    ['urn:ocop:vn:lot:414:01', false],
  ])('%s is a GS1 key: %s', (uri, expected) => {
    expect(isGs1Key(uri)).toBe(expected);
  });

  it('moves to a GTIN without losing the old name: new events use the GTIN, queries keep the URN', () => {
    expect(productClassUris({ code: '14-03670-007-2026' })).toEqual({ primary: 'urn:ocop:vn:product:14-03670-007-2026', aliases: [] });
    expect(productClassUris({ code: '14-03670-007-2026', gtin: '08931234567897' })).toEqual({
      primary: 'https://id.gs1.org/01/08931234567897',
      aliases: ['urn:ocop:vn:product:14-03670-007-2026'],
    });
    expect(lotClassUris({ code: '14-03670-007-2026', gtin: '08931234567897' }, 'L1')).toEqual({
      primary: 'https://id.gs1.org/01/08931234567897/10/L1',
      aliases: ['urn:ocop:vn:lot:14-03670-007-2026:L1'],
    });
  });
});
