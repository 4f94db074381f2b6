import { assertCanReadProducer, canReadProducer, type DocumentKind } from '@ocop/domain/registry';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Readable } from 'node:stream';
import { FileMissingError, type FileStore } from '../../../platform/files/file-store';
import { nameForType } from '../../../platform/files/file-sniffing';
import type { ImageVariantName } from '../../../platform/files/image-variants';
import type { FileRepository, ProductImage, RegistryDocument } from './file.repository';
import { assertReadProduct, type Places, type PrimaryImage, primaryImageOf } from './file-support';
import type { RegistryDocumentRow, StoredFileRow } from './file.tables';

/** What a download sends: the bytes, their type and size, and the name to offer. */
export type FileDownload = { stream: Readable; mediaType: string; sizeBytes: number; fileName: string; isImage: boolean };

/** What a download reads: the original, or the named variant of a picture. */
function blobToSend(file: StoredFileRow, variant?: ImageVariantName) {
  if (!variant)
    return {
      key: file.storeKey,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      fileName: nameForType(file.originalName, file.mediaType),
    };
  const chosen = file.variants?.[variant];
  if (!chosen) throw new DomainError('not_found', 'file.variant_not_found', 'This file has no such variant.', { variant });
  return {
    key: chosen.key,
    mediaType: chosen.mediaType,
    sizeBytes: chosen.sizeBytes,
    fileName: `${file.originalName.replace(/\.[^.]*$/, '')}-${variant}.webp`,
  };
}

/** Reads of pictures, documents and file bytes, each checked against the owning producer. */
export function createFileReads(deps: { store: FileStore; files: FileRepository; places: Places }) {
  const { store, files, places } = deps;

  return {
    listProductImages: async (grants: readonly RoleGrant[], productId: string): Promise<ProductImage[]> => {
      assertReadProduct(grants, await places.productPlace(productId));
      return files.listImages(productId);
    },

    /** The primary picture of each product, by product id; products without pictures are absent. */
    primaryImagesOf: async (productIds: readonly string[]): Promise<Map<string, PrimaryImage>> => {
      if (productIds.length === 0) return new Map();
      const rows = await files.listPrimaryImages(productIds);
      return new Map(rows.map((row) => [row.productId, primaryImageOf(row)]));
    },

    /** Documents of a producer (its own and its products'), or of one product. */
    listDocuments: async (
      grants: readonly RoleGrant[],
      owner: { producerId: string } | { productId: string },
    ): Promise<RegistryDocument[]> => {
      if ('producerId' in owner) assertCanReadProducer(grants, await places.producerPlace(owner.producerId));
      else assertReadProduct(grants, await places.productPlace(owner.productId));
      return files.listDocuments(owner);
    },

    getDocument: async (grants: readonly RoleGrant[], documentId: string): Promise<RegistryDocument> => {
      const row = await files.findDocument(documentId);
      const readable =
        row &&
        canReadProducer(grants, {
          producerId: row.document.producerId,
          provinceCode: row.document.provinceCode,
          communeCode: row.communeCode,
        });
      if (!row || !readable) throw new DomainError('not_found', 'document.not_found', 'No such document.');
      return { document: row.document, file: row.file };
    },

    /**
     * Documents of a province whose last valid day is before `beforeDate` (yyyy-mm-dd), oldest
     * first: with `beforeDate` = today, the expired ones; with a date ahead, those about to expire.
     * Supervision uses it to flag, e.g., an expired food-safety certificate.
     */
    listExpiringDocuments: (
      provinceCode: string,
      beforeDate: string,
      options: { kinds?: readonly DocumentKind[] } = {},
    ): Promise<RegistryDocumentRow[]> => files.listDocumentsValidBefore(provinceCode, beforeDate, options.kinds),

    /** The bytes of a file (or of a picture's variant) for a reader allowed to see its owner. */
    openFile: async (grants: readonly RoleGrant[], fileId: string, variant?: ImageVariantName): Promise<FileDownload> => {
      const row = await files.findFileWithCommune(fileId);
      if (!row) throw new DomainError('not_found', 'file.not_found', 'No such file.');
      const { file } = row;
      if (!canReadProducer(grants, { producerId: file.producerId, provinceCode: file.provinceCode, communeCode: row.communeCode })) {
        throw new DomainError('not_found', 'file.not_found', 'No such file.');
      }
      const isImage = file.purpose === 'product_image' || file.mediaType.startsWith('image/');
      const { key, ...sent } = blobToSend(file, variant);
      try {
        return { stream: await store.openRead(key), ...sent, isImage };
      } catch (error) {
        if (error instanceof FileMissingError)
          throw new DomainError('not_found', 'file.content_missing', 'The file’s content is missing from storage.');
        throw error;
      }
    },

    /** Demo products of a province with no picture yet, with what their generated picture shows. */
    demoProductsWithoutImages: (provinceCode: string) => files.listDemoProductsWithoutImages(provinceCode),

    countImages: (productId: string) => files.countImages(productId),
  };
}
