import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf-document';
import { PdfTable } from './pdf-table';

const pageText = (bytes: Buffer, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
const pages = (bytes: Buffer) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: bytes }).toString())?.[1]);

async function sample(rows: number): Promise<Buffer> {
  const writer = new PdfWriter({ title: 'Thử nghiệm', date: new Date('2026-12-03T02:00:00Z') });
  writer.paragraph('Sản phẩm đạt hạng 3 sao: Chè Shan tuyết Tà Xùa — đặc sản vùng cao', { font: 'bold', size: 12 });
  writer.starRow(writer.left, writer.doc.y, 3, 5);
  writer.doc.y += 20;
  const table = new PdfTable(writer, [
    { header: 'Mã', width: 60 },
    { header: 'Tiêu chí', width: writer.width - 60 },
  ]);
  table.header();
  for (let i = 1; i <= rows; i++) table.row([{ text: `${i}.1` }, { text: `Nguồn nguyên liệu số ${i}: sử dụng nguyên liệu địa phương` }]);
  writer.footer((page, of) => `Trang ${page}/${of}`);
  return writer.finish();
}

describe('PdfWriter and PdfTable', () => {
  it('writes Vietnamese that reads back, repeats the table header on every page, numbers the pages', async () => {
    const bytes = await sample(400);
    const count = pages(bytes);
    expect(count).toBeGreaterThan(5);
    expect(pageText(bytes, 1)).toContain('Chè Shan tuyết Tà Xùa — đặc sản vùng cao');
    for (const page of [2, count]) {
      const text = pageText(bytes, page);
      expect(text).toContain('Tiêu chí');
      expect(text).toContain(`Trang ${page}/${count}`);
    }
    expect(pageText(bytes, count)).toContain('Nguồn nguyên liệu số 400: sử dụng nguyên liệu địa phương');
    // Stars are paths, not pictures.
    expect(bytes.includes('/Subtype /Image')).toBe(false);
  });

  it('gives the same bytes for the same content (the info dates come from the caller)', async () => {
    const [a, b] = [await sample(3), await sample(3)];
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses page numbers on a writer that writes each page out as it goes (it cannot know the count)', () => {
    const writer = new PdfWriter({ title: 'Thử nghiệm', date: new Date('2026-12-03T02:00:00Z'), bufferPages: false });
    expect(() => writer.footer((page, of) => `Trang ${page}/${of}`)).toThrow(/buffers its pages/);
  });
});
