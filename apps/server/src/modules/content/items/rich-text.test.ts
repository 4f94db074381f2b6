import { describe, expect, it } from 'vitest';
import { ownFileAddress, richTextToPlain, sanitizeRichText } from './rich-text';

const PUBLIC_URL = 'https://ocop.sonla.gov.vn';
const FILE = '/noi-dung/tep/0b8e3f4c-2f4a-4c55-9a8f-6d1f1b2c3d4e';
const clean = (html: string) => sanitizeRichText(html, PUBLIC_URL);

describe('sanitizeRichText: what is removed', () => {
  it.each([
    ['a script element and its text', '<p>Tin</p><script>alert(1)</script>', '<p>Tin</p>'],
    ['an event handler attribute', '<p onclick="alert(1)">Tin</p>', '<p>Tin</p>'],
    ['an onerror picture from elsewhere', '<img src=x onerror="alert(1)">', ''],
    ['a javascript: link (its text stays)', '<a href="javascript:alert(1)">bấm</a>', '<a>bấm</a>'],
    ['a javascript: link in mixed case and entities', '<a href="JaVaScRiPt&#58;alert(1)">x</a>', '<a>x</a>'],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['a relative link', '<a href="/dang-nhap">x</a>', '<a>x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/x">x</a>', '<a>x</a>'],
    ['a style attribute', '<p style="position:fixed;top:0">Tin</p>', '<p>Tin</p>'],
    ['a style element', '<style>body{display:none}</style><p>Tin</p>', '<p>Tin</p>'],
    ['an iframe with its fallback', '<iframe src="https://evil.example">x</iframe><p>Tin</p>', '<p>Tin</p>'],
    ['an svg with a script', '<svg><script>alert(1)</script></svg><p>Tin</p>', '<p>Tin</p>'],
    ['class and id', '<p class="x" id="y">Tin</p>', '<p>Tin</p>'],
    ['a form and its inputs (their text stays)', '<form action="https://evil.example"><input name="p">Gửi</form>', 'Gửi'],
    ['a picture from another site', '<img src="https://evil.example/a.png">', ''],
    ['a picture from our site but not a content file', '<img src="/api/files/0b8e3f4c-2f4a-4c55-9a8f-6d1f1b2c3d4e">', ''],
    ['a picture as data:', '<img src="data:image/png;base64,AAAA">', ''],
    ['an object and an embed', '<object data="x.swf"></object><embed src="x.swf"><p>Tin</p>', '<p>Tin</p>'],
    ['a comment', '<!-- <script>alert(1)</script> --><p>Tin</p>', '<p>Tin</p>'],
  ])('removes %s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('sanitizeRichText: what is kept', () => {
  it.each([
    ['paragraphs and breaks', '<p>Một<br>Hai</p>', '<p>Một<br />Hai</p>'],
    ['headings 2 to 4', '<h2>A</h2><h3>B</h3><h4>C</h4>', '<h2>A</h2><h3>B</h3><h4>C</h4>'],
    [
      'emphasis',
      '<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch chân</u> <s>gạch ngang</s></p>',
      '<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch chân</u> <s>gạch ngang</s></p>',
    ],
    [
      'lists and quotes',
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>',
      '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>c</blockquote>',
    ],
    [
      'an https link, given rel',
      '<a href="https://sonla.gov.vn" target="_blank">Sơn La</a>',
      '<a href="https://sonla.gov.vn" rel="noopener noreferrer">Sơn La</a>',
    ],
    ['a mailto link', '<a href="mailto:ocop@sonla.gov.vn">thư</a>', '<a href="mailto:ocop@sonla.gov.vn" rel="noopener noreferrer">thư</a>'],
    ['a picture of our own', `<img src="${FILE}" alt="Ảnh" width="640">`, `<img src="${FILE}" alt="Ảnh" width="640" />`],
    ['a picture of our own by its full address', `<img src="${PUBLIC_URL}${FILE}">`, `<img src="${FILE}" />`],
    [
      'a table',
      '<table><thead><tr><th>Hạng</th></tr></thead><tbody><tr><td colspan="2">4 sao</td></tr></tbody></table>',
      '<table><thead><tr><th>Hạng</th></tr></thead><tbody><tr><td colspan="2">4 sao</td></tr></tbody></table>',
    ],
    ['h1, b and i as their allowed equivalents', '<h1>T</h1><b>đ</b><i>n</i>', '<h2>T</h2><strong>đ</strong><em>n</em>'],
    ['text with angle brackets, escaped', '<p>5 &lt; 6 &amp; "x"</p>', '<p>5 &lt; 6 &amp; "x"</p>'],
  ])('keeps %s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('ownFileAddress', () => {
  it.each([
    [FILE, FILE],
    [`${PUBLIC_URL}${FILE}`, FILE],
    [`https://evil.example${FILE}`, null],
    [`${FILE}?x=1`, null],
    ['/noi-dung/tep/../../api/x', null],
    [undefined, null],
  ])('%s → %s', (src, expected) => {
    expect(ownFileAddress(src, PUBLIC_URL)).toBe(expected);
  });
});

describe('richTextToPlain', () => {
  it('keeps the words, separated, without markup', () => {
    expect(richTextToPlain('<h2>Tiêu đề</h2><p>Đoạn <strong>một</strong></p><ul><li>a</li><li>b</li></ul>')).toBe('Tiêu đề Đoạn một a b');
  });
});
