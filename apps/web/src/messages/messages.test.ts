import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('message files', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same {placeholders} in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('write Vietnamese with its marks, not as unaccented ASCII', () => {
    expect(vi['nav.users']).toBe('Người dùng');
    expect(vi['login.login']).toBe('Email hoặc số điện thoại');
  });
});
