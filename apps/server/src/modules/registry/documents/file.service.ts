import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { EventPublisher } from '../../../platform/domain-events';
import type { FileStore } from '../../../platform/files/file-store';
import type { AuditService } from '../../identity';
import type { RegistryEvents } from '../shared/registry-events';
import type { BlobCleanup } from './blob-cleanup';
import { createDocumentWrites } from './document-writes';
import type { FileRepository } from './file.repository';
import { createFileReads } from './file-reads';
import { createPlaces } from './file-support';
import { createImageWrites } from './image-writes';

export type FileService = ReturnType<typeof createFileService>;
export type { DocumentOwner } from './document-writes';
export type { ProductImage, RegistryDocument } from './file.repository';
export type { FileDownload } from './file-reads';
export type { DocumentMeta, PrimaryImage, UploadedFile } from './file-support';
export { fileUrl } from './file-support';

/**
 * Documents and pictures of producers and products: reads in file-reads.ts, the writing use cases
 * in image-writes.ts and document-writes.ts. Bytes go to the file store before the database row
 * is written (a crash leaves at most an unreferenced blob, never a row without its bytes); when
 * the transaction fails the new bytes are removed again unless another row uses them, and the
 * bytes of a removed file go after the removal commits (blob-cleanup.ts).
 */
export function createFileService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  store: FileStore;
  events: EventPublisher<RegistryEvents>;
  files: FileRepository;
  cleanup: BlobCleanup;
}) {
  const places = createPlaces(deps.files);
  const writes = { ...deps, places };
  return {
    ...createFileReads({ store: deps.store, files: deps.files, places }),
    ...createImageWrites(writes),
    ...createDocumentWrites(writes),
  };
}
