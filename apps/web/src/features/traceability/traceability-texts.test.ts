import { describe, expect, it } from 'vitest';
import { vi as shared } from '../../messages/vi';
import { traceabilityTextsEn } from './traceability-texts.en';
import { traceabilityTextsVi } from './traceability-texts.vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the traceability screens’ texts', () => {
  it('have the same keys and {placeholders} in both languages, none empty', () => {
    expect(Object.keys(traceabilityTextsEn).sort()).toEqual(Object.keys(traceabilityTextsVi).sort());
    for (const key of Object.keys(traceabilityTextsVi) as (keyof typeof traceabilityTextsVi)[]) {
      expect(traceabilityTextsVi[key].trim(), key).not.toBe('');
      expect(traceabilityTextsEn[key].trim(), key).not.toBe('');
      expect(placeholders(traceabilityTextsEn[key]), key).toEqual(placeholders(traceabilityTextsVi[key]));
    }
  });

  it('are not in the first load’s messages, and shadow none of them', () => {
    expect(Object.keys(traceabilityTextsVi).filter((key) => Object.hasOwn(shared, key))).toEqual([]);
  });
});
