import { DomainError } from '@ocop/domain/shared';
import type { FastifyRequest } from 'fastify';
import { RAW_MULTIPART_FIELDS, storableMultipartField } from './text-guard';

/** One uploaded file, read into memory within its limit, with the text fields sent beside it. */
export type Upload = { bytes: Buffer; filename: string; mimetype: string; fields: Record<string, string> };

/** "20 MB" for 20 × 1024 × 1024 bytes. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Reads a multipart/form-data body holding exactly one file (in any field) and some text fields.
 * The file is kept in memory and never written to disk here, so a refused upload (too large,
 * wrong type) leaves nothing behind; busboy stops reading at `maxBytes` + 1. Text fields must be
 * valid UTF-8 without NUL or lone surrogates (platform/http/text-guard.ts).
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainError('invalid', 'file.missing', 'Send the file as multipart/form-data.');
  const fields: Record<string, string> = {};
  let upload: Omit<Upload, 'fields'> | undefined;
  try {
    for await (const part of request.parts({
      ...RAW_MULTIPART_FIELDS,
      limits: { fileSize: maxBytes, files: 1, fields: 30, fieldSize: 20_000 },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        upload = { bytes, filename: sanitizeFileName(part.filename), mimetype: part.mimetype };
      } else if (typeof part.value === 'string' || typeof part.value === 'number' || typeof part.value === 'boolean') {
        fields[part.fieldname] = storableMultipartField(part.fieldname, String(part.value));
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError('too_large', 'file.too_large', 'The file is too large.', { limit: formatBytes(maxBytes) });
    }
    if (code === 'FST_FILES_LIMIT') throw new DomainError('invalid', 'file.one_at_a_time', 'Send one file per request.');
    // busboy's own errors (a cut-off body, a broken part header) carry no code or status.
    if (!code && !(error instanceof DomainError) && (error as { statusCode?: number }).statusCode === undefined) {
      throw new DomainError('invalid', 'file.malformed_upload', 'The multipart body is malformed.');
    }
    throw error;
  }
  if (!upload) throw new DomainError('invalid', 'file.missing', 'No file was sent.');
  return { ...upload, fields };
}

/**
 * A file name safe to keep and to send back in Content-Disposition: the last path segment, no
 * control characters, at most 200 characters; "tep" when nothing is left.
 */
export function sanitizeFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    // Bidirectional controls make "hoadon\u202Efdp.exe" show as "hoadonexe.pdf".
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned.slice(0, 200) || 'tep';
}

/**
 * `Content-Disposition` with the original name: an ASCII fallback (diacritics removed) and the
 * exact UTF-8 name in RFC 5987 form, so "Giấy phép.pdf" downloads under its Vietnamese name.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const safe = sanitizeFileName(fileName);
  const ascii = safe
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (ch) => (ch === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[\\"%;]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
