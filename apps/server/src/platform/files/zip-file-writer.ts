import { Zip, ZipDeflate } from 'fflate';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** What one written entry came to: its uncompressed bytes and their SHA-256, for a manifest. */
export type ZipEntrySummary = { name: string; bytes: number; sha256: string };

export type ZipEntryWriter = {
  /** Appends UTF-8 text to the entry; waits while the archive's pending bytes reach the disk. */
  write: (text: string) => Promise<void>;
  end: () => Promise<ZipEntrySummary>;
};

export type ZipFileWriter = {
  /** Opens the next entry; entries are written one after another, never two at once. */
  entry: (name: string) => ZipEntryWriter;
  /** Writes the central directory and closes the file. */
  close: () => Promise<void>;
  /** Closes the file without finishing it (the caller removes it). */
  abort: () => Promise<void>;
};

/** Bytes held before they are written out; bounds the memory a large entry takes. */
const FLUSH_BYTES = 1 << 20;

/**
 * A ZIP archive written to a file as its entries are produced (fflate's streaming deflate), so an
 * archive of hundreds of megabytes never sits in memory. Every entry carries `modifiedAt` as its
 * time, on the wall clock of `utcOffsetMinutes` (DOS times have no zone, and fflate reads the
 * process's local fields), so the same content gives the same bytes on any server. No Zip64:
 * callers bound their content far below 4 GiB.
 */
export async function createZipFileWriter(path: string, time: { modifiedAt: Date; utcOffsetMinutes: number }): Promise<ZipFileWriter> {
  const wall = new Date(time.modifiedAt.getTime() + time.utcOffsetMinutes * 60_000);
  const modifiedAt = new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );
  const handle = await open(path, 'w');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let failure: Error | null = null;
  let entryOpen = false;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
  });

  async function flush() {
    const chunks = pending;
    pending = [];
    pendingBytes = 0;
    for (const chunk of chunks) await handle.write(chunk);
    if (failure) throw failure;
  }

  return {
    entry: (name) => {
      if (entryOpen) throw new Error('one zip entry at a time');
      entryOpen = true;
      const file = new ZipDeflate(name, { level: 6 });
      file.mtime = modifiedAt;
      zip.add(file);
      const hash = createHash('sha256');
      const encoder = new TextEncoder();
      let bytes = 0;
      return {
        write: async (text) => {
          const data = encoder.encode(text);
          hash.update(data);
          bytes += data.length;
          file.push(data, false);
          if (pendingBytes >= FLUSH_BYTES) await flush();
        },
        end: async () => {
          file.push(new Uint8Array(0), true);
          entryOpen = false;
          await flush();
          return { name, bytes, sha256: hash.digest('hex') };
        },
      };
    },
    close: async () => {
      zip.end();
      try {
        await flush();
      } finally {
        await handle.close();
      }
    },
    abort: async () => {
      zip.terminate();
      await handle.close();
    },
  };
}
