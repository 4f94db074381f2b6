import { describe, expect, it } from 'vitest';
import { vi as shared } from '../../messages/vi';
import { stampsEn } from './stamp-texts.en';
import { stampsVi } from './stamp-texts.vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the stamp screens’ texts', () => {
  it('have the same keys and {placeholders} in both languages, none empty', () => {
    expect(Object.keys(stampsEn).sort()).toEqual(Object.keys(stampsVi).sort());
    for (const key of Object.keys(stampsVi) as (keyof typeof stampsVi)[]) {
      expect(stampsVi[key].trim(), key).not.toBe('');
      expect(stampsEn[key].trim(), key).not.toBe('');
      expect(placeholders(stampsEn[key]), key).toEqual(placeholders(stampsVi[key]));
    }
  });

  it('do not shadow a shared text (the screens fall back to those by key)', () => {
    expect(Object.keys(stampsVi).filter((key) => Object.hasOwn(shared, key))).toEqual([]);
  });
});
