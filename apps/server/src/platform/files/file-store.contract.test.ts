import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '../../test-support/s3-server';
import { type FileStore, FileMissingError, readWholeFile } from './file-store';
import { createLocalFileStore } from './local-file-store';
import { createS3FileStore } from './s3-file-store';

type StoreUnderTest = { store: FileStore; dispose: () => Promise<void> };

const stores: Array<[string, () => Promise<StoreUnderTest>]> = [
  [
    'local disk',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'ocop-store-contract-'));
      return { store: await createLocalFileStore(root), dispose: async () => rmSync(root, { recursive: true, force: true }) };
    },
  ],
  [
    'S3 (s3rver)',
    async () => {
      const server = await startS3Server();
      const store = createS3FileStore(server.storeOptions);
      return {
        store,
        dispose: async () => {
          store.close();
          await server.stop();
        },
      };
    },
  ],
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `total` bytes in 64 KiB chunks, produced on demand (not one buffer). */
function streamOf(bytes: Buffer): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return this.push(null);
      this.push(bytes.subarray(offset, offset + 65_536));
      offset += 65_536;
    },
  });
}

describe.each(stores)('file store contract: %s', (_name, open) => {
  let subject: StoreUnderTest;
  let store: FileStore;
  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(() => subject.dispose());

  it('stores bytes under their SHA-256, reads them back, and forgets them on delete', async () => {
    const content = Buffer.from('Giấy chứng nhận ATTP — Hợp tác xã Chè Tà Xùa');
    const stored = await store.put(content);
    expect(stored).toEqual({ key: sha256(content), sizeBytes: content.length });
    expect(await store.exists(stored.key)).toBe(true);
    expect((await readWholeFile(store, stored.key)).equals(content)).toBe(true);
    await store.delete(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    await expect(store.openRead(stored.key)).rejects.toBeInstanceOf(FileMissingError);
  });

  it('answers the same key for the same content, given whole or streamed, and keeps it readable', async () => {
    const content = randomBytes(10_000);
    const first = await store.put(content);
    const again = await store.put(Readable.from([content.subarray(0, 3_000), content.subarray(3_000)]));
    const third = await store.put(content);
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    expect((await readWholeFile(store, first.key)).equals(content)).toBe(true);
  });

  it('reports a missing key as FileMissingError, false from exists, and deletes it without complaint', async () => {
    const missing = sha256(Buffer.from('never stored'));
    await expect(store.openRead(missing)).rejects.toMatchObject({ name: 'FileMissingError', key: missing });
    expect(await store.exists(missing)).toBe(false);
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it('streams a few megabytes in and out intact', async () => {
    const content = randomBytes(6 * 1024 * 1024 + 123);
    const stored = await store.put(streamOf(content));
    expect(stored).toEqual({ key: sha256(content), sizeBytes: content.length });
    const hash = createHash('sha256');
    let chunks = 0;
    for await (const chunk of await store.openRead(stored.key)) {
      hash.update(chunk as Buffer);
      chunks += 1;
    }
    expect(hash.digest('hex')).toBe(stored.key);
    // Read as a stream of pieces, not handed over as one buffer.
    expect(chunks).toBeGreaterThan(1);
  });

  it('stores nothing when the source fails half-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('một nửa'));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection lost');
    expect(await store.exists(sha256(Buffer.from('một nửa')))).toBe(false);
  });

  it('refuses keys that are not hashes', async () => {
    await expect(store.openRead('../../etc/passwd')).rejects.toThrow('Invalid file key');
    await expect(store.exists('files/../x')).rejects.toThrow('Invalid file key');
  });
});
