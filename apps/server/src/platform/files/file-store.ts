import type { Readable } from 'node:stream';

/**
 * Where the bytes of uploaded files live, addressed by the SHA-256 of their content: the same
 * bytes uploaded twice are stored once, and a key never changes meaning.
 *
 * The database keeps the key (`sha256`) with the file's name, type and owner; the store keeps only
 * bytes. A production deployment can implement this interface on an S3-compatible service
 * (MinIO, Ceph, AWS S3, Viettel/VNPT object storage); `local-file-store.ts` is the disk one:
 * - `put`: hash while uploading to a temporary object key (or compute the hash first, since
 *   uploads are at most 20 MB and already in memory), then `PutObject` to `files/<sha256>`
 *   (with `If-None-Match: *` where supported; a second put of the same key is harmless);
 * - `openRead`: `GetObject` and return its body stream;
 * - `exists`: `HeadObject`;
 * - `delete`: `DeleteObject` (idempotent).
 * Callers never build paths or URLs from keys themselves, so swapping the store touches only
 * `app.ts`.
 */
export type FileStore = {
  /** Stores the bytes and answers their key (lower-case hex SHA-256) and size. */
  put: (content: Buffer | Readable) => Promise<StoredBlob>;
  /** A stream of the bytes under a key; throws `FileMissingError` when there are none. */
  openRead: (key: string) => Promise<Readable>;
  exists: (key: string) => Promise<boolean>;
  /** Removes the bytes under a key; removing a missing key is not an error. */
  delete: (key: string) => Promise<void>;
};

export type StoredBlob = { key: string; sizeBytes: number };

export class FileMissingError extends Error {
  override readonly name = 'FileMissingError';
  constructor(readonly key: string) {
    super(`No stored file under key ${key}`);
  }
}

/** Reads a whole stored file into memory; for files known to be small (images, spreadsheets ≤ 20 MB). */
export async function readWholeFile(store: FileStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.openRead(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
