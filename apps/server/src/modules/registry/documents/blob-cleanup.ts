import type { Transactions } from '../../../platform/database/transaction';
import type { EventSubscriptions } from '../../../platform/domain-events';
import type { FileStore } from '../../../platform/files/file-store';
import type { RegistryEvents } from '../shared/registry-events';
import type { FileRepository } from './file.repository';

export type BlobCleanup = ReturnType<typeof createBlobCleanup>;

/**
 * Blobs are content-addressed, so one blob may serve several file rows: a blob is removed only
 * once no row uses it. Bytes go to the store before their row is written, which leaves two ways
 * for a blob to lose its last row: a failed write (compensated at once here) and a removal, whose
 * cleanup runs after its commit through the outbox (`subscribeBlobCleanup`).
 */
export function createBlobCleanup(deps: {
  transactions: Transactions;
  files: FileRepository;
  store: FileStore;
  /** The store is shared: another module's rows (news attachments) may hold the same bytes. */
  usedElsewhere?: (key: string) => Promise<boolean>;
}) {
  const { transactions, files, store, usedElsewhere } = deps;

  /** Removes the blobs no file row refers to any more; idempotent, so a retried job is harmless. */
  async function removeUnreferenced(keys: readonly string[]) {
    for (const key of new Set(keys)) {
      if ((await files.countFilesUsingKey(key)) === 0 && !(await usedElsewhere?.(key))) await store.delete(key);
    }
  }

  return {
    removeUnreferenced,

    /** Runs `work` in a transaction; if it fails, the blobs stored for it are removed again. */
    withCompensation: async <T>(keys: readonly string[], work: () => Promise<T>): Promise<T> => {
      try {
        return await transactions.run(work);
      } catch (error) {
        await removeUnreferenced(keys).catch(() => undefined);
        throw error;
      }
    },
  };
}

/**
 * After a document or a picture is removed, its blobs go once the removal has committed: a job per
 * removal, retried until the store answers, so a crash or a store outage leaks no blob.
 */
export function subscribeBlobCleanup(events: EventSubscriptions<RegistryEvents>, cleanup: BlobCleanup) {
  const retries = { maxAttempts: 10 };
  events.afterCommit('registry.document_removed', 'remove_blobs', (event) => cleanup.removeUnreferenced(event.payload.storeKeys), retries);
  events.afterCommit(
    'registry.product_image_removed',
    'remove_blobs',
    (event) => cleanup.removeUnreferenced(event.payload.storeKeys),
    retries,
  );
}
