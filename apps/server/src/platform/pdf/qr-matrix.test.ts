import { stampSerialFromBytes } from '@ocop/domain/traceability';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfQrText } from '../../test-support/pdf-probe';
import { PdfWriter } from './pdf-document';
import { qrVersionFor } from './qr';
import { maskScores, qrPenalty } from './qr-mask-scores';
import { encodeQrMatrix, qrFormatBits, qrMatrixContent } from './qr-matrix';

const url = (serial: string) => `https://ocop.sonla.gov.vn/01/08934567890120/10/XUAN-26/21/${serial}`;
// Serials as the issuer makes them, from a seeded generator (xorshift) instead of the system's randomness.
let state = 0x2545f491;
const serials = Array.from({ length: 60 }, () =>
  stampSerialFromBytes(
    Uint8Array.from({ length: 13 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    }),
  ),
);

describe('encodeQrMatrix', () => {
  it('gives the format bits of ISO/IEC 18004 table C.1', () => {
    // Level M (00), mask 0: nothing but the XOR pattern 101010000010010 (annex C).
    expect(qrFormatBits('M', 0)).toBe(0b101010000010010);
    expect(qrFormatBits('L', 0)).toBe(0b111011111000100);
    expect(qrFormatBits('H', 4)).toBe(0b000011101100010);
  });

  it.each(serials.slice(0, 20))('builds, for %s, the very symbol qrcode builds with the mask chosen here', (serial) => {
    const text = url(serial);
    const version = qrVersionFor(text);
    const matrix = encodeQrMatrix(text, version);
    const reference = create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
      version,
      errorCorrectionLevel: 'M',
      maskPattern: matrix.mask as 0,
    }).modules;
    expect(matrix.size).toBe(reference.size);
    expect(Buffer.from(matrix.dark).equals(Buffer.from(reference.data))).toBe(true);
  });

  it('scores the masks as ISO/IEC 18004 §7.8.3 asks: it agrees with the qrcode package’s own search', () => {
    const ours = serials.map((serial) => encodeQrMatrix(url(serial), 5).mask);
    const bytes = (text: string) => [{ data: new TextEncoder().encode(text), mode: 'byte' as const }];
    const theirs = serials.map((serial) => create(bytes(url(serial)), { version: 5, errorCorrectionLevel: 'M' }).maskPattern);
    const agreeing = ours.filter((mask, i) => mask === theirs[i]).length;
    // The two differ only where penalties tie or round apart (the dark share's 5 % steps).
    expect(agreeing / serials.length).toBeGreaterThanOrEqual(0.9);
    expect(new Set(ours).size).toBeGreaterThan(1);
  });

  it('scores the 8 masks in one pass exactly as one symbol at a time', () => {
    for (const serial of serials.slice(0, 10)) {
      const text = url(serial);
      const symbols = [0, 1, 2, 3, 4, 5, 6, 7].map(
        (mask) =>
          create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
            version: 5,
            errorCorrectionLevel: 'M',
            maskPattern: mask as 0,
          }).modules,
      );
      const size = symbols[0]?.size ?? 0;
      // The 8 symbols as bit planes: module i's colour under mask m in bit m.
      const planes = new Uint8Array(size * size);
      symbols.forEach((symbol, m) => {
        for (let i = 0; i < planes.length; i++) planes[i] = (planes[i] as number) | ((symbol.data[i] as number) << m);
      });
      expect(maskScores(planes, size)).toEqual(symbols.map((symbol) => qrPenalty(symbol.data, size)));
    }
  });

  it('draws a code a scanner reads back from the printed page, as integer runs in one path', async () => {
    const text = url(serials[0] ?? '');
    const writer = new PdfWriter({ title: 'QR', date: new Date('2026-12-01T00:00:00Z') });
    writer.doc.rect(100, 150, 140, 140).fill('#202020'); // dark under it: the quiet zone must be drawn
    const content = qrMatrixContent(encodeQrMatrix(text, qrVersionFor(text)), { x: 110, y: 160, side: 120 }, 4);
    expect(content.match(/ re$/gm)?.length).toBeGreaterThan(100);
    expect(content).toMatch(/^\d+ \d+ \d+ 1 re$/m);
    writer.doc.addContent(content);
    expect(await pdfQrText(await writer.finish())).toBe(text);
  });
});
