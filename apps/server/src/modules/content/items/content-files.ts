import { CONTENT_LIMITS } from '@ocop/domain/content';
import { DomainError } from '@ocop/domain/shared';
import type { Readable } from 'node:stream';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import { FileMissingError, type FileStore } from '../../../platform/files/file-store';
import type { JobQueue } from '../../../platform/jobs/job-queue';
import { nameForType, sniffAllowedType, sniffImage } from '../../../platform/files/file-sniffing';
import type { AuditContext, AuditService } from '../../identity';
import type { ContentRepository } from './content.repository';
import type { ContentFilePurpose, ContentFileRow } from './content.tables';
import { assertManages, type ContentActor } from './content-support';

export type ContentFiles = ReturnType<typeof createContentFiles>;

/** The queue of blob removals: one job per removed file, queued in the removal's own transaction. */
export const CONTENT_BLOB_QUEUE = 'content.remove_blob';

/** What a public download sends: the bytes, their type and size, and the name to offer. */
export type ContentDownload = { stream: Readable; mediaType: string; sizeBytes: number; fileName: string };

function fileMissing() {
  return new DomainError('not_found', 'content.file_not_found', 'No such attachment.');
}

/**
 * Attachments (PDF, DOCX, XLSX, pictures) and pictures of items, in the platform file store that the
 * registry's documents use: the type is sniffed from the bytes (file-type), the size bounded per
 * purpose, at most `filesPerItem` per item. Bytes go to the store before the row (a crash leaves at
 * most an unreferenced blob, never a row without bytes).
 *
 * The store is content-addressed and shared with the registry (the same PDF may be a legal text's
 * attachment and a producer's document), so a blob goes only when no row of either module uses it:
 * removing a file queues a job in the removal's transaction (an outbox: a crash or a store outage
 * leaks nothing, and a rolled-back removal queues nothing), and the job deletes the bytes if neither
 * this module nor `usedElsewhere` still names them. Bytes stored for a file whose row was then
 * refused (too many files, the item gone) are removed at once on the same terms.
 */
export function createContentFiles(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  items: ContentRepository;
  store: FileStore;
  jobs: JobQueue;
  /** Whether another module's rows (the registry's documents and pictures) use a blob. */
  usedElsewhere: (key: string) => Promise<boolean>;
}) {
  const { transactions, clock, audit, items, store, jobs, usedElsewhere } = deps;

  /** Deletes a blob no row of either module names; idempotent, so a retried job is harmless. */
  async function removeIfUnused(key: string) {
    const usedHere = (await transactions.run(() => items.countFilesUsingKey(key))) > 0;
    if (!usedHere && !(await usedElsewhere(key))) await store.delete(key);
  }

  return {
    add: async (
      actor: ContentActor,
      itemId: string,
      upload: { bytes: Buffer; filename: string; purpose: ContentFilePurpose },
      context: AuditContext,
    ): Promise<ContentFileRow> => {
      // Checked before the bytes are stored, and again inside the transaction that writes the row.
      assertManages(actor.grants, await transactions.run(() => items.findById(itemId)));
      const sniffed = upload.purpose === 'image' ? await sniffImage(upload.bytes) : await sniffAllowedType(upload.bytes);
      const blob = await store.put(upload.bytes);
      const written = transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        if ((await items.countFiles(itemId)) >= CONTENT_LIMITS.filesPerItem) {
          throw new DomainError('conflict', 'content.too_many_files', 'Too many files.', { limit: CONTENT_LIMITS.filesPerItem });
        }
        const file = await items.insertFile({
          itemId,
          provinceCode: item.provinceCode,
          purpose: upload.purpose,
          storeKey: blob.key,
          sizeBytes: blob.sizeBytes,
          mediaType: sniffed.mediaType,
          extension: sniffed.extension,
          originalName: upload.filename,
          uploadedBy: actor.userId,
          uploadedAt: clock.now(),
        });
        await audit.record(context, {
          action: 'content.file_added',
          entityType: 'content_item',
          entityId: itemId,
          provinceCode: item.provinceCode,
          after: {
            fileId: file.id,
            originalName: file.originalName,
            mediaType: file.mediaType,
            sizeBytes: file.sizeBytes,
            storeKey: file.storeKey,
          },
        });
        return file;
      });
      return written.catch(async (error: unknown) => {
        await removeIfUnused(blob.key).catch(() => undefined);
        throw error;
      });
    },

    remove: (actor: ContentActor, itemId: string, fileId: string, context: AuditContext) =>
      transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        const file = (await items.filesOf(itemId)).find((candidate) => candidate.id === fileId);
        if (!file) throw fileMissing();
        if (item.coverFileId === fileId) await items.saveVersioned(itemId, item.version, { coverFileId: null, updatedAt: clock.now() });
        await items.deleteFile(fileId);
        await jobs.enqueue(CONTENT_BLOB_QUEUE, { storeKey: file.storeKey });
        await audit.record(context, {
          action: 'content.file_removed',
          entityType: 'content_item',
          entityId: itemId,
          provinceCode: item.provinceCode,
          before: { fileId, originalName: file.originalName, mediaType: file.mediaType, storeKey: file.storeKey },
        });
      }),

    /** The blob removals' worker; `app-modules.ts` registers it before the job queue starts. */
    registerJobs: (queue: JobQueue) =>
      queue.register(CONTENT_BLOB_QUEUE, (payload) => removeIfUnused((payload as { storeKey: string }).storeKey), {
        maxAttempts: 10,
        retryDelayMs: (attempt) => 30_000 * attempt,
      }),

    /** Whether any content file uses a blob: the registry asks before it removes one from the shared store. */
    keyInUse: async (key: string): Promise<boolean> => (await transactions.run(() => items.countFilesUsingKey(key))) > 0,

    /** The public download: only a file of a published item; anything else is as unknown. */
    downloadPublished: async (fileId: string): Promise<ContentDownload> => {
      const found = await transactions.run(() => items.findFileWithItem(fileId));
      if (found?.status !== 'published') throw fileMissing();
      return openFile(found.file);
    },

    /** The back office's download, for drafts too, within the actor's reach. */
    download: async (actor: ContentActor, itemId: string, fileId: string): Promise<ContentDownload> => {
      const file = await transactions.run(async () => {
        assertManages(actor.grants, await items.findById(itemId));
        return (await items.filesOf(itemId)).find((candidate) => candidate.id === fileId);
      });
      if (!file) throw fileMissing();
      return openFile(file);
    },
  };

  async function openFile(file: ContentFileRow): Promise<ContentDownload> {
    try {
      return {
        stream: await store.openRead(file.storeKey),
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        fileName: nameForType(file.originalName, file.mediaType),
      };
    } catch (error) {
      if (error instanceof FileMissingError) throw fileMissing();
      throw error;
    }
  }
}
