import { describe, expect, it } from 'vitest';
import { isGs1Key } from './province-code';
import { normalizeSiteGln, siteLocationUri } from './site';

const SITE = '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

describe('producer sites', () => {
  it('keeps a GLN with a right check digit, typed with spaces or dashes', () => {
    expect(normalizeSiteGln('8934567 00001 7')).toBe('8934567000017');
    expect(normalizeSiteGln(' 4012345-00001-6 ')).toBe('4012345000016');
    expect(normalizeSiteGln('   ')).toBeNull();
    expect(normalizeSiteGln(null)).toBeNull();
  });

  it.each(['4012345000017', '401234500001', '40123450000160', 'ABCDEFGHIJKLM'])('refuses GLN %s', (gln) => {
    expect(normalizeSiteGln(gln)).toBeUndefined();
  });

  it('is located by its SGLN Digital Link with a GLN, by its URN without', () => {
    expect(siteLocationUri({ id: SITE, gln: '4012345000016' })).toBe('https://id.gs1.org/414/4012345000016');
    expect(isGs1Key(siteLocationUri({ id: SITE, gln: '4012345000016' }))).toBe(true);
    expect(siteLocationUri({ id: SITE, gln: null })).toBe(`urn:ocop:vn:site:${SITE}`);
    expect(isGs1Key(siteLocationUri({ id: SITE, gln: null }))).toBe(false);
  });
});
