import { DomainError } from '@ocop/domain/shared';
import { fileTypeFromBuffer } from 'file-type';

/** The kinds of file the registry accepts, decided from the bytes, never from the name. */
export const ALLOWED_FILE_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export type AllowedExtension = keyof typeof ALLOWED_FILE_TYPES;

/**
 * The name to offer for a stored file: its own, with the extension of the type its bytes were
 * found to be, so "bao-cao.exe" holding a PDF downloads as "bao-cao.pdf" and opens as one.
 */
export function nameForType(name: string, mediaType: string): string {
  const extension = (Object.keys(ALLOWED_FILE_TYPES) as AllowedExtension[]).find((ext) => ALLOWED_FILE_TYPES[ext] === mediaType);
  if (!extension) return name;
  const stem = name.replace(/\.[^.]*$/, '') || 'tep';
  const alias = extension === 'jpg' ? /\.(jpe?g)$/i : new RegExp(`\\.${extension}$`, 'i');
  return alias.test(name) ? name : `${stem}.${extension}`;
}
export type SniffedType = { extension: AllowedExtension; mediaType: (typeof ALLOWED_FILE_TYPES)[AllowedExtension] };

export const IMAGE_EXTENSIONS: readonly AllowedExtension[] = ['jpg', 'png', 'webp'];

/** Names the user sees for the accepted kinds, in the messages. */
const ACCEPTED_LIST = 'JPEG, PNG, WebP, PDF, XLSX, DOCX';

/**
 * The names of the entries of a zip file, read from its central directory at the end of the
 * file. Office files written by streaming writers put `[Content_Types].xml` last, with sizes
 * only in data descriptors, where file-type's forward scan gives up and says "zip".
 */
export function zipEntryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  const searchFrom = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return names;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count && offset + 46 <= bytes.length; n++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) break;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** file-type's answer, completed for Office files it can only call "zip". */
async function detect(bytes: Buffer): Promise<{ ext: string } | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found?.ext !== 'zip') return found;
  const names = new Set(zipEntryNames(bytes));
  if (!names.has('[Content_Types].xml')) return found;
  if (names.has('xl/workbook.xml')) return { ext: 'xlsx' };
  if (names.has('word/document.xml')) return { ext: 'docx' };
  return found;
}

/**
 * What the bytes really are, or a 422 naming what they seem to be: a `.pdf` that is an
 * executable is refused whatever its name or declared type says.
 */
export async function sniffAllowedType(bytes: Buffer): Promise<SniffedType> {
  if (bytes.length === 0) throw new DomainError('invalid', 'file.empty', 'The file is empty.');
  const found = await detect(bytes);
  const extension = found?.ext as AllowedExtension | undefined;
  if (!found || !extension || !(extension in ALLOWED_FILE_TYPES)) {
    throw new DomainError('invalid', 'file.type_not_allowed', 'This kind of file is not accepted.', {
      detected: describeDetected(found?.ext, bytes),
      accepted: ACCEPTED_LIST,
    });
  }
  return { extension, mediaType: ALLOWED_FILE_TYPES[extension] };
}

/** As `sniffAllowedType`, but only JPEG, PNG or WebP; anything else is "not an image". */
export async function sniffImage(bytes: Buffer): Promise<SniffedType> {
  if (bytes.length === 0) throw new DomainError('invalid', 'file.empty', 'The file is empty.');
  const found = await fileTypeFromBuffer(bytes);
  const extension = found?.ext as AllowedExtension | undefined;
  if (!extension || !IMAGE_EXTENSIONS.includes(extension)) {
    throw new DomainError('invalid', 'file.not_an_image', 'This file is not a JPEG, PNG or WebP image.', {
      detected: describeDetected(found?.ext, bytes),
    });
  }
  return { extension, mediaType: ALLOWED_FILE_TYPES[extension] };
}

/** A spreadsheet to import: XLSX by its bytes, or CSV text (no binary bytes) sent as .csv or text/csv. */
export async function sniffSpreadsheet(bytes: Buffer, declared: { filename: string; mimetype: string }): Promise<'xlsx' | 'csv'> {
  if (bytes.length === 0) throw new DomainError('invalid', 'file.empty', 'The file is empty.');
  const found = await detect(bytes);
  if (found?.ext === 'xlsx') return 'xlsx';
  const saysCsv = /\.(csv|txt)$/i.test(declared.filename) || /^text\/(csv|plain)|application\/(csv|vnd\.ms-excel)/i.test(declared.mimetype);
  if (!found && saysCsv && looksLikeText(bytes)) return 'csv';
  throw new DomainError('invalid', 'import.file_not_spreadsheet', 'Upload an .xlsx workbook or a .csv file.', {
    detected: describeDetected(found?.ext, bytes),
  });
}

/** Text has no NUL bytes and few control characters in its first 8 KB. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control <= head.length / 100;
}

/** A short, language-neutral name of what the bytes are, for the message. */
function describeDetected(extension: string | undefined, bytes: Buffer): string {
  if (extension === 'exe' || (bytes[0] === 0x4d && bytes[1] === 0x5a)) return 'EXE';
  if (extension) return extension.toUpperCase();
  return looksLikeText(bytes) ? 'TXT' : '?';
}
