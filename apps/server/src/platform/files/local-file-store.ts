import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type FileStore, FileMissingError, type StoredBlob } from './file-store';

const KEY = /^[0-9a-f]{64}$/;
const TEMP_DIR = '.incoming';

/**
 * Files on the local disk under `root`: `root/ab/cd/abcd…` (two levels of fan-out so no folder
 * holds more than a few thousand entries). Bytes are written to `root/.incoming/<random>` and
 * renamed into place only once complete and flushed, so a crash leaves either the whole file or
 * nothing under its key; leftovers in `.incoming` are removed when the store opens.
 */
export async function createLocalFileStore(root: string): Promise<FileStore> {
  const incoming = join(root, TEMP_DIR);
  await mkdir(incoming, { recursive: true });
  for (const leftover of await readdir(incoming)) await rm(join(incoming, leftover), { force: true });

  function pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid file key: ${key}`);
    return join(root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async function put(content: Buffer | Readable): Promise<StoredBlob> {
    const tempPath = join(incoming, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const handle = await open(tempPath, 'wx', 0o640);
    try {
      try {
        if (Buffer.isBuffer(content)) {
          hash.update(content);
          sizeBytes = content.length;
          await handle.writeFile(content);
        } else {
          for await (const chunk of content) {
            const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
            hash.update(bytes);
            sizeBytes += bytes.length;
            await handle.write(bytes);
          }
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const key = hash.digest('hex');
      const finalPath = pathOf(key);
      if (await isFile(finalPath)) {
        await unlink(tempPath);
      } else {
        await mkdir(join(root, key.slice(0, 2), key.slice(2, 4)), { recursive: true });
        await rename(tempPath, finalPath);
      }
      return { key, sizeBytes };
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  return {
    put,
    openRead: async (key) => {
      const path = pathOf(key);
      if (!(await isFile(path))) throw new FileMissingError(key);
      const stream: ReadStream = createReadStream(path);
      return stream;
    },
    // async, so an invalid key rejects like every other method instead of throwing synchronously.
    exists: async (key) => isFile(pathOf(key)),
    delete: async (key) => {
      await rm(pathOf(key), { force: true });
    },
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
