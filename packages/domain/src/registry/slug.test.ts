import { describe, expect, it } from 'vitest';
import { firstFreeSlug, SLUG_MAX_LENGTH, slugify, slugWithSuffix } from './slug';

describe('slugify', () => {
  it.each([
    ['Chè Shan tuyết Tà Xùa', 'che-shan-tuyet-ta-xua'],
    ['Cà phê bột nguyên chất Bích Thao', 'ca-phe-bot-nguyen-chat-bich-thao'],
    ['Mật ong hoa ban (500 ml)', 'mat-ong-hoa-ban-500-ml'],
    ['ĐẶC SẢN — Đường phèn!!', 'dac-san-duong-phen'],
    ['  ', 'san-pham'],
    ['蜂蜜', 'san-pham'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts a long name at a word within the limit', () => {
    const slug = slugify('Rượu ngô men lá truyền thống của đồng bào dân tộc Mông bản Tà Xùa huyện Bắc Yên tỉnh Sơn La loại đặc biệt');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('ruou-ngo-men-la')).toBe(true);
  });
});

describe('firstFreeSlug', () => {
  it.each([
    [[], 'che'],
    [['che'], 'che-2'],
    [['che', 'che-2', 'che-3'], 'che-4'],
    [['che', 'che-3'], 'che-2'],
    [['che-2'], 'che'],
  ])('with %j taken gives %s', (taken, expected) => {
    expect(firstFreeSlug('che', taken)).toBe(expected);
  });

  it('keeps a suffixed slug within the limit', () => {
    const long = 'a'.repeat(SLUG_MAX_LENGTH);
    expect(slugWithSuffix(long, 12)).toHaveLength(SLUG_MAX_LENGTH);
  });
});
