import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { aDocx, aJpeg, anElfExecutable, aPdf, aPng, aWindowsExecutable } from '../../test-support/file-fixtures';
import { FileMissingError, readWholeFile } from './file-store';
import { createLocalFileStore } from './local-file-store';
import { sniffAllowedType, sniffImage, sniffSpreadsheet } from './file-sniffing';
import { prepareImage } from './image-variants';

async function anXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sản phẩm').addRow(['Mã sản phẩm', 'Tên sản phẩm']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { kind: string; code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

describe('sniffAllowedType', () => {
  it('names the six accepted kinds from their bytes', async () => {
    expect(await sniffAllowedType(await aJpeg({ width: 64, height: 48 }))).toEqual({ extension: 'jpg', mediaType: 'image/jpeg' });
    expect(await sniffAllowedType(await aPng(64, 48))).toEqual({ extension: 'png', mediaType: 'image/png' });
    expect(
      (
        await sniffAllowedType(
          await sharp(await aPng(64, 48))
            .webp()
            .toBuffer(),
        )
      ).extension,
    ).toBe('webp');
    expect(await sniffAllowedType(aPdf())).toEqual({ extension: 'pdf', mediaType: 'application/pdf' });
    expect((await sniffAllowedType(await anXlsx())).extension).toBe('xlsx');
    expect((await sniffAllowedType(aDocx())).extension).toBe('docx');
  });

  it('refuses executables, whatever they are called', async () => {
    for (const [bytes, detected] of [
      [anElfExecutable(), 'ELF'],
      [aWindowsExecutable(), 'EXE'],
    ] as const) {
      const error = await rejection(sniffAllowedType(bytes));
      expect(error).toMatchObject({ kind: 'invalid', code: 'file.type_not_allowed', details: { detected } });
    }
  });

  it('refuses plain text and empty files', async () => {
    expect(await rejection(sniffAllowedType(Buffer.from('just some text')))).toMatchObject({
      code: 'file.type_not_allowed',
      details: { detected: 'TXT' },
    });
    expect(await rejection(sniffAllowedType(Buffer.alloc(0)))).toMatchObject({ code: 'file.empty' });
  });
});

describe('sniffImage', () => {
  it('accepts only JPEG, PNG and WebP', async () => {
    expect((await sniffImage(await aPng(32, 32))).extension).toBe('png');
    expect(await rejection(sniffImage(aPdf()))).toMatchObject({ code: 'file.not_an_image', details: { detected: 'PDF' } });
    expect(await rejection(sniffImage(Buffer.from('GIF89a not really')))).toMatchObject({ code: 'file.not_an_image' });
  });
});

describe('sniffSpreadsheet', () => {
  it('takes xlsx by its bytes and CSV by its name and text', async () => {
    expect(await sniffSpreadsheet(await anXlsx(), { filename: 'danh-sach.csv', mimetype: 'text/csv' })).toBe('xlsx');
    expect(await sniffSpreadsheet(Buffer.from('a,b\r\n1,2\r\n'), { filename: 'danh-sach.csv', mimetype: 'application/octet-stream' })).toBe(
      'csv',
    );
    expect(await rejection(sniffSpreadsheet(aWindowsExecutable(), { filename: 'danh-sach.csv', mimetype: 'text/csv' }))).toMatchObject({
      code: 'import.file_not_spreadsheet',
      details: { detected: 'EXE' },
    });
    expect(await rejection(sniffSpreadsheet(aPdf(), { filename: 'danh-sach.xlsx', mimetype: XLSX }))).toMatchObject({
      code: 'import.file_not_spreadsheet',
    });
  });
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('prepareImage', () => {
  it('makes WebP variants of 320 and 1024 px that are smaller than the picture', async () => {
    const photo = await aJpeg({ width: 1600, height: 1200 });
    const prepared = await prepareImage(photo, 'jpg');
    expect(prepared.original).toMatchObject({ width: 1600, height: 1200, mediaType: 'image/jpeg' });
    expect(prepared.variants.thumb).toMatchObject({ width: 320, height: 240, mediaType: 'image/webp' });
    expect(prepared.variants.medium).toMatchObject({ width: 1024, height: 768, mediaType: 'image/webp' });
    expect(prepared.variants.thumb.bytes.length).toBeLessThan(prepared.variants.medium.bytes.length);
    expect(prepared.variants.medium.bytes.length).toBeLessThan(prepared.original.bytes.length);
  });

  it('turns the picture upright from its EXIF orientation and drops EXIF and GPS', async () => {
    const photo = await aJpeg({ width: 400, height: 200, gps: true, orientation: 6 });
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const prepared = await prepareImage(photo, 'jpg');
    expect(prepared.original).toMatchObject({ width: 200, height: 400 });
    for (const image of [prepared.original, prepared.variants.thumb, prepared.variants.medium]) {
      const meta = await sharp(image.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
    }
  });

  it('does not enlarge a small picture', async () => {
    const prepared = await prepareImage(await aPng(200, 100), 'png');
    expect(prepared.variants.thumb).toMatchObject({ width: 200, height: 100 });
  });

  it('refuses bytes that only start like an image', async () => {
    const broken = Buffer.concat([(await aJpeg({ width: 64, height: 64 })).subarray(0, 40)]);
    expect(await rejection(prepareImage(broken, 'jpg'))).toMatchObject({ code: 'file.not_an_image' });
  });
});

describe('local file store', () => {
  const root = mkdtempSync(join(tmpdir(), 'ocop-store-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes once under their SHA-256 and reads them back', async () => {
    const store = await createLocalFileStore(root);
    const first = await store.put(Buffer.from('Giấy chứng nhận ATTP'));
    const again = await store.put(Readable.from([Buffer.from('Giấy chứng nhận '), Buffer.from('ATTP')]));
    expect(first.key).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toEqual(first);
    expect((await readWholeFile(store, first.key)).toString()).toBe('Giấy chứng nhận ATTP');
    expect(readdirSync(join(root, first.key.slice(0, 2), first.key.slice(2, 4)))).toEqual([first.key]);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
    await store.delete(first.key);
    expect(await store.exists(first.key)).toBe(false);
    await expect(store.openRead(first.key)).rejects.toBeInstanceOf(FileMissingError);
  });

  it('leaves no temporary file when the source fails half-way', async () => {
    const store = await createLocalFileStore(root);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('một nửa'));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection lost');
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
  });

  it('refuses keys that are not hashes', async () => {
    const store = await createLocalFileStore(root);
    await expect(store.openRead('../../etc/passwd')).rejects.toThrow('Invalid file key');
  });
});
