import { describe, expect, it } from 'vitest';
import { escapeLikePattern, foldVietnamese } from './vietnamese-text';

describe('foldVietnamese', () => {
  it.each([
    ['Phường Chiềng An', 'phuong chieng an'],
    ['Tỉnh Sơn La', 'tinh son la'],
    ['ĐẶC SẢN  Tây Bắc', 'dac san tay bac'],
    ['Chè Shan tuyết Mộc Châu', 'che shan tuyet moc chau'],
    ['Cà phê Bích Thao', 'ca phe bich thao'],
    ['  nhiều   khoảng trắng ', 'nhieu khoang trang'],
    ['Ngọc Chiến', 'ngoc chien'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('gives the same result for composed and decomposed input', () => {
    expect(foldVietnamese('Chiềng'.normalize('NFD'))).toBe(foldVietnamese('Chiềng'.normalize('NFC')));
  });
});

describe('escapeLikePattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLikePattern('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
