import { describe, expect, it } from 'vitest';
import { pdfQrText } from '../../test-support/pdf-probe';
import { PdfWriter } from './pdf-document';
import { drawQrCode, type QrErrorCorrection, qrModuleSize, qrModulesOf, qrVersionFor } from './qr';

async function pageWithQr(text: string, side: number, errorCorrection?: QrErrorCorrection): Promise<Buffer> {
  const writer = new PdfWriter({ title: 'QR', date: new Date('2026-11-20T05:00:00Z') });
  writer.paragraph('Quét mã để kiểm tra hiệu lực', { size: 12 });
  // Dark under the code: the white quiet zone must be drawn by drawQrCode, not borrowed from the page.
  writer.doc.rect(100, 150, side + 40, side + 40).fill('#202020');
  drawQrCode(writer.doc, text, { x: 120, y: 170, side }, errorCorrection ? { errorCorrection } : {});
  return writer.finish();
}

describe('drawQrCode', () => {
  it.each([
    ['a short URL', 'https://ocop.example.vn/c/1', 85],
    ['a certificate URL', 'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2026', 85],
    ['a long URL at level H', 'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2026?lang=vi&from=label&lot=2026-11-20-0001', 120],
  ])('draws %s that a scanner reads back from the printed page', async (_name, text, side) => {
    const level: QrErrorCorrection = text.includes('lot=') ? 'H' : 'M';
    expect(await pdfQrText(await pageWithQr(text, side, level))).toBe(text);
  });

  it('is drawn as vector paths (no image) and gives the same bytes each time', async () => {
    const text = 'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2026';
    const [a, b] = [await pageWithQr(text, 85), await pageWithQr(text, 85)];
    expect(a.equals(b)).toBe(true);
    expect(a.includes('/Subtype /Image')).toBe(false);
  });

  it('tells the module size a layout gets, quiet zone included', () => {
    // Version 3 (29 modules) + 2 × 4 quiet modules = 37 modules across.
    expect(qrModuleSize('https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2026', 37 * 2)).toBeCloseTo(2, 6);
    // More redundancy, more modules, smaller ones at the same side.
    const text = 'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2026';
    expect(qrModuleSize(text, 85, { errorCorrection: 'H' })).toBeLessThan(qrModuleSize(text, 85, { errorCorrection: 'L' }));
  });

  it('gives every text of one length one version, so labels of a sheet print with modules of one size', () => {
    // 70 bytes need version 5 at level M in byte mode (version 4 holds 62): 37 modules a side.
    const digits = `http://localhost/01/08934567890128/10/L1/21/${'1'.repeat(20)}`.padEnd(70, '0');
    const letters = `http://localhost/01/08934567890128/10/L1/21/${'Z'.repeat(20)}`.padEnd(70, '0');
    expect(qrVersionFor(digits)).toBe(5);
    expect(qrModulesOf(5)).toBe(37);
    // Left alone, the encoder could pick a smaller version for the digit-heavy text; fixed, both match.
    expect(qrModuleSize(digits, 90, { version: 5 })).toBe(qrModuleSize(letters, 90, { version: 5 }));
    expect(qrModuleSize(digits, 90, { version: 5, quietModules: 6 })).toBeCloseTo(90 / (37 + 12), 9);
  });
});
