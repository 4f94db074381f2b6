import { describe, expect, it } from 'vitest';
import {
  decodeTcvn3,
  decodeTextFile,
  decodeVni,
  detectLegacyText,
  encodeTcvn3,
  encodeVni,
  guessLegacyBytes,
  isVietnameseSyllable,
  legacyFontEncoding,
} from './legacy-vietnamese';

/** Names found in Sơn La's OCOP lists; written in every encoding and read back. */
const SAMPLES = [
  'Mỗi xã một sản phẩm',
  'Việt Nam',
  'Hợp tác xã chè Tà Xùa',
  'Mận hậu Mộc Châu',
  'Mường Khương',
  'Cà phê Arabica Sơn La',
  'Mật ong bạc hà',
  'Phường Chiềng An',
  'Quỳnh Nhai',
  'Thuận Châu',
  'Sốp Cộp',
  'Vân Hồ',
  'Giấy chứng nhận an toàn thực phẩm',
  'Công ty TNHH một thành viên',
  'Hộ kinh doanh Lò Văn Phóng',
  'Khoai sọ Bắc Yên',
  'Xoài tròn Yên Châu',
];

describe('TCVN3 (ABC) text', () => {
  it('reads the well-known TCVN3 garble back into Vietnamese', () => {
    expect(decodeTcvn3('Mçi x· mét s¶n phÈm')).toBe('Mỗi xã một sản phẩm');
    expect(decodeTcvn3('ViÖt Nam')).toBe('Việt Nam');
    expect(decodeTcvn3('B¸t X¸t')).toBe('Bát Xát');
    expect(decodeTcvn3('M\u00adêng Kh\u00ad¬ng')).toBe('Mường Khương');
  });

  it('is detected in a cell with the text it stands for', () => {
    expect(detectLegacyText('Mçi x· mét s¶n phÈm')).toEqual({ encoding: 'TCVN3', suggestion: 'Mỗi xã một sản phẩm' });
    expect(detectLegacyText('S¬n La')).toEqual({ encoding: 'TCVN3', suggestion: 'Sơn La' });
    expect(detectLegacyText('Hµ Néi')).toEqual({ encoding: 'TCVN3', suggestion: 'Hà Nội' });
  });

  it.each(SAMPLES)('round-trips and is detected: %s', (text) => {
    const legacy = encodeTcvn3(text);
    expect(legacy).not.toBe(text);
    expect(decodeTcvn3(legacy)).toBe(text);
    expect(detectLegacyText(legacy)).toEqual({ encoding: 'TCVN3', suggestion: text });
  });
});

describe('VNI-Windows text', () => {
  it('reads base letters followed by mark characters', () => {
    expect(decodeVni('Moãi xaõ moät saûn phaåm')).toBe('Mỗi xã một sản phẩm');
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('Sôn La')).toBe('Sơn La');
    expect(decodeVni('ÑAËC SAÛN TAÂY BAÉC')).toBe('ĐẶC SẢN TÂY BẮC');
  });

  it.each(SAMPLES)('round-trips and is detected: %s', (text) => {
    const legacy = encodeVni(text);
    expect(decodeVni(legacy)).toBe(text);
    expect(detectLegacyText(legacy)).toEqual({ encoding: 'VNI', suggestion: text });
  });

  it('leaves a single ambiguous word alone unless the cell’s font says VNI', () => {
    // "Sôn" could be a Unicode word; in a VNI-Times cell it is "Sơn".
    expect(detectLegacyText('Sôn La')).toBeNull();
    expect(detectLegacyText('Sôn La', 'VNI-Times')).toEqual({ encoding: 'VNI', suggestion: 'Sơn La' });
    expect(detectLegacyText('S«ng M·', '.VnTime')).toEqual({ encoding: 'TCVN3', suggestion: 'Sông Mã' });
  });
});

describe('ordinary text', () => {
  it.each([
    'Cà phê',
    'Chè',
    'Hà Nội',
    'Trà Shan tuyết',
    'Nestlé',
    'Café Häagen-Dazs',
    'São Paulo',
    'ASCII only 123',
    'Mãn',
    '',
    ...SAMPLES,
    ...SAMPLES.map((s) => s.normalize('NFD')),
  ])('is not flagged: %s', (text) => {
    expect(detectLegacyText(text)).toBeNull();
  });
});

describe('isVietnameseSyllable', () => {
  it.each(
    'nghiêng khuya người được thuở hoặc quốc giường xoong khỏe thuyền tuyết Nguyễn huynh huýt ếch oanh gì quý của xoài ngoại hươu rượu bưởi khuỷu'.split(
      ' ',
    ),
  )('accepts %s', (word) => expect(isVietnameseSyllable(word)).toBe(true));

  it.each(['s¬n', 'moät', 'vieät', 'saûn', 'x·', 'vaõn', 'ãc', 'café', 'häagen'])('refuses %s', (word) => {
    expect(isVietnameseSyllable(word)).toBe(false);
  });
});

describe('bytes of a file that is not UTF-8', () => {
  it('decodes UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    const text = 'Tên chủ thể,Loại hình\r\nHợp tác xã,HTX\r\n';
    expect(decodeTextFile(Buffer.from(text))).toEqual({ encoding: 'utf-8', text });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ encoding: 'utf-8', text });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      encoding: 'utf-16le',
      text,
    });
  });

  it('recognises Windows-1258 (base letters and combining tone bytes)', () => {
    // "Sơn La", "Hợp tác xã" in CP1258: ơ = F5; tones are combining bytes (EC acute, F2 dot below, DE tilde).
    const bytes = Buffer.from([0x53, 0xf5, 0x6e, 0x20, 0x4c, 0x61]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.encoding).toBe('legacy');
    expect(guessLegacyBytes(bytes.toString('latin1'))).toEqual({ encoding: 'Windows-1258', suggestion: 'Sơn La' });
    const hop = Buffer.from([0x48, 0xf5, 0xf2, 0x70, 0x20, 0x74, 0x61, 0xec, 0x63, 0x20, 0x78, 0x61, 0xde]);
    expect(guessLegacyBytes(hop.toString('latin1'))).toEqual({ encoding: 'Windows-1258', suggestion: 'Hợp tác xã' });
  });

  it('tells TCVN3 and VNI bytes from Windows-1258', () => {
    const tcvn3 = Buffer.from(encodeTcvn3('Mỗi xã một sản phẩm'), 'latin1').toString('latin1');
    const vni = Buffer.from(encodeVni('Mỗi xã một sản phẩm'), 'latin1').toString('latin1');
    expect(guessLegacyBytes(tcvn3)).toEqual({ encoding: 'TCVN3', suggestion: 'Mỗi xã một sản phẩm' });
    expect(guessLegacyBytes(vni)).toEqual({ encoding: 'VNI', suggestion: 'Mỗi xã một sản phẩm' });
  });
});

describe('legacyFontEncoding', () => {
  it('knows the TCVN3 and VNI font families', () => {
    expect(legacyFontEncoding('.VnTime')).toBe('TCVN3');
    expect(legacyFontEncoding('.VnArialH')).toBe('TCVN3');
    expect(legacyFontEncoding('VNI-Times')).toBe('VNI');
    expect(legacyFontEncoding('Times New Roman')).toBeNull();
    expect(legacyFontEncoding(undefined)).toBeNull();
  });
});
