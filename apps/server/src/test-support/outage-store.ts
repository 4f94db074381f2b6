import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileStore } from '../platform/files/file-store';
import { createLocalFileStore } from '../platform/files/local-file-store';

/**
 * A local file store in a fresh folder whose deletes can be made to fail, as an object store's do
 * during an outage: `failNextDeletes(n)` makes the next n deletes throw. `remove` drops the folder.
 */
export async function createOutageStore(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const disk = await createLocalFileStore(dir);
  let failing = 0;
  const store: FileStore = {
    ...disk,
    delete: async (key) => {
      if (failing > 0) {
        failing--;
        throw new Error('store unavailable');
      }
      await disk.delete(key);
    },
  };
  return {
    store,
    failNextDeletes: (count: number) => {
      failing = count;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
