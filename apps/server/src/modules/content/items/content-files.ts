import { CONTENT_LIMITS } from '@ocop/domain/content';
import { DomainError } from '@ocop/domain/shared';
import type { Readable } from 'node:stream';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import { FileMissingError, type FileStore } from '../../../platform/files/file-store';
import { nameForType, sniffAllowedType, sniffImage } from '../../../platform/files/file-sniffing';
import type { AuditContext, AuditService } from '../../identity';
import type { ContentRepository } from './content.repository';
import type { ContentFilePurpose, ContentFileRow } from './content.tables';
import { assertManages, type ContentActor } from './content-support';

export type ContentFiles = ReturnType<typeof createContentFiles>;

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
 * Removing a file removes its row only: the store is content-addressed and shared with the
 * registry, and deleting a blob here could take bytes a registry document still uses (the same PDF
 * uploaded twice). The registry asks `keyInUse` before it deletes one; a sweep over both modules'
 * rows is the way to reclaim the blobs of removed content files.
 */
export function createContentFiles(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  items: ContentRepository;
  store: FileStore;
}) {
  const { transactions, clock, audit, items, store } = deps;

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
      return transactions.run(async () => {
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
    },

    remove: (actor: ContentActor, itemId: string, fileId: string, context: AuditContext) =>
      transactions.run(async () => {
        const item = await items.findById(itemId);
        assertManages(actor.grants, item);
        const file = (await items.filesOf(itemId)).find((candidate) => candidate.id === fileId);
        if (!file) throw fileMissing();
        if (item.coverFileId === fileId) await items.saveVersioned(itemId, item.version, { coverFileId: null, updatedAt: clock.now() });
        await items.deleteFile(fileId);
        await audit.record(context, {
          action: 'content.file_removed',
          entityType: 'content_item',
          entityId: itemId,
          provinceCode: item.provinceCode,
          before: { fileId, originalName: file.originalName, mediaType: file.mediaType, storeKey: file.storeKey },
        });
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
