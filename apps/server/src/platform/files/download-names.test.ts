import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from '../http/uploads';
import { nameForType } from './file-sniffing';

describe('the name a download is offered under', () => {
  it('carries the extension of the type the bytes were found to be', () => {
    expect(nameForType('bao-cao.exe', 'application/pdf')).toBe('bao-cao.pdf');
    expect(nameForType('Giấy phép ATTP', 'application/pdf')).toBe('Giấy phép ATTP.pdf');
    expect(nameForType('anh.JPEG', 'image/jpeg')).toBe('anh.JPEG');
    expect(nameForType('anh.png', 'image/jpeg')).toBe('anh.jpg');
    expect(nameForType('so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('so-lieu.xlsx');
  });

  it('loses the bidirectional controls that disguise one extension as another', () => {
    const disguised = 'hoadon\u202Efdp.exe'; // shows as "hoadonexe.pdf"
    expect(sanitizeFileName(disguised)).toBe('hoadonfdp.exe');
    expect(contentDisposition('attachment', nameForType(disguised, 'application/pdf'))).not.toMatch(/%E2%80%AE|\u202E/);
    expect(sanitizeFileName('a\u2066b\u2069c\u200f.pdf')).toBe('abc.pdf');
  });
});
