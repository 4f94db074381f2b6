import { describe, expect, it } from 'vitest';
import { parseGs1KeyUri } from './digital-link';
import {
  isGs1Key,
  lotClassUris,
  parseProvinceCartonUri,
  parseProvinceCommuneUri,
  parseProvinceKeyUri,
  parseProvinceProducerUri,
  parseProvinceSiteUri,
  parseStampPath,
  productClassUris,
  provinceCartonUri,
  provinceCommuneUri,
  provinceLotUri,
  provinceProducerUri,
  provinceProductUri,
  provinceSiteUri,
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

describe('province place and carton keys', () => {
  const SITE = '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

  it('names a site without a GLN by its id and reads it back', () => {
    expect(provinceSiteUri(SITE.toUpperCase())).toBe(`urn:ocop:vn:site:${SITE}`);
    expect(parseProvinceSiteUri(`urn:ocop:vn:site:${SITE}`)).toBe(SITE);
    expect(parseProvinceSiteUri('urn:ocop:vn:site:not-a-uuid')).toBeUndefined();
    expect(() => provinceSiteUri('12')).toThrow();
  });

  it('names a producer as a party by its id and reads it back', () => {
    expect(provinceProducerUri(SITE)).toBe(`urn:ocop:vn:producer:${SITE}`);
    expect(parseProvinceProducerUri(`urn:ocop:vn:producer:${SITE}`)).toBe(SITE);
    expect(parseProvinceProducerUri(`urn:ocop:vn:site:${SITE}`)).toBeUndefined();
  });

  it('names a commune and reads it back', () => {
    expect(provinceCommuneUri('03868')).toBe('urn:ocop:vn:commune:03868');
    expect(parseProvinceCommuneUri('urn:ocop:vn:commune:03868')).toBe('03868');
    expect(parseProvinceCommuneUri('urn:ocop:vn:commune:Ta-Xua')).toBeUndefined();
    expect(() => provinceCommuneUri('x')).toThrow();
  });

  it('names a carton of a lot, the lot escaped, and reads it back', () => {
    const carton = { code: '14-03670-007-2026', lot: 'L:2026/03', number: 12 };
    const uri = provinceCartonUri(carton);
    expect(uri).toBe('urn:ocop:vn:carton:14-03670-007-2026:L%3A2026%2F03:12');
    expect(parseProvinceCartonUri(uri)).toEqual(carton);
    expect(provinceCartonUri({ ...carton, number: 99_999 })).toMatch(/:99999$/);
  });

  it.each([0, 100_000, 1.5])('refuses carton number %s', (number) => {
    expect(() => provinceCartonUri({ code: '14-03670-007-2026', lot: 'L1', number })).toThrow();
  });

  it.each([
    'urn:ocop:vn:carton:14-03670-007-2026:L1',
    'urn:ocop:vn:carton:14-03670-007-2026:L1:0',
    'urn:ocop:vn:carton:14-03670-007-2026:L1:012',
    'urn:ocop:vn:carton:14-03670-007-2026:L1:100000',
    'urn:ocop:vn:carton:x:L1:1',
    'urn:ocop:vn:carton:14-03670-007-2026::1',
  ])('reads %s as no carton', (uri) => {
    expect(parseProvinceCartonUri(uri)).toBeUndefined();
  });

  it('never reads a site, commune or carton URN as a GS1 key, nor as a product or lot', () => {
    for (const uri of [
      provinceSiteUri(SITE),
      provinceCommuneUri('03868'),
      provinceProducerUri(SITE),
      provinceCartonUri({ code: '14-03670-007-2026', lot: 'L1', number: 1 }),
    ]) {
      expect(isGs1Key(uri)).toBe(false);
      expect(parseGs1KeyUri(uri).ok).toBe(false);
      expect(parseProvinceKeyUri(uri)).toBeUndefined();
    }
  });
});
