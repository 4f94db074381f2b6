import {
  assertCanReadProducer,
  assertMayOnProducer,
  checkDocumentValidity,
  type DocumentKind,
  type ProducerPlace,
} from '@ocop/domain/registry';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { ImageVariantName } from '../../../platform/files/image-variants';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { EventPublisher } from '../../../platform/domain-events';
import type { FileStore } from '../../../platform/files/file-store';
import type { AuditService } from '../../identity';
import type { RegistryEvents } from '../shared/registry-events';
import type { BlobCleanup } from './blob-cleanup';
import type { FileRepository, PrimaryImageRow, ProductPlace } from './file.repository';
import type { RegistryDocumentRow, StoredFileRow } from './file.tables';

export type UploadedFile = { bytes: Buffer; filename: string };

/** What the writing use cases of documents and images are built from. */
export type FileWriteDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  store: FileStore;
  events: EventPublisher<RegistryEvents>;
  files: FileRepository;
  places: Places;
  cleanup: BlobCleanup;
};

export type DocumentMeta = {
  kind: DocumentKind;
  number?: string | null;
  issuer?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
};

/** Where the primary picture of each product can be fetched; for list and detail views. */
export type PrimaryImage = {
  fileId: string;
  url: string;
  thumbUrl: string | null;
  mediumUrl: string | null;
  altText: string | null;
  /** The picture's size (of the medium variant where there is one: the same shape), for width/height attributes. */
  width: number | null;
  height: number | null;
};

export function fileUrl(fileId: string, variant?: ImageVariantName): string {
  return variant ? `/api/files/${fileId}?variant=${variant}` : `/api/files/${fileId}`;
}

export function primaryImageOf(row: PrimaryImageRow): PrimaryImage {
  return {
    fileId: row.fileId,
    url: fileUrl(row.fileId),
    thumbUrl: row.variants?.thumb ? fileUrl(row.fileId, 'thumb') : null,
    mediumUrl: row.variants?.medium ? fileUrl(row.fileId, 'medium') : null,
    altText: row.altText,
    width: row.variants?.medium?.width ?? row.width,
    height: row.variants?.medium?.height ?? row.height,
  };
}

export function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Keys of the stored blobs a file row uses. */
export function keysOf(file: Pick<StoredFileRow, 'storeKey' | 'variants'>): string[] {
  const keys = [file.storeKey];
  for (const variant of Object.values(file.variants ?? {})) if (variant) keys.push(variant.key);
  return keys;
}

export function fileAudit(file: StoredFileRow) {
  return {
    fileId: file.id,
    originalName: file.originalName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    storeKey: file.storeKey,
  };
}

export function documentAudit(document: RegistryDocumentRow) {
  const { createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = document;
  return rest;
}

/** What subscribers to the document events learn about a document. */
export function documentFacts(document: RegistryDocumentRow) {
  return {
    documentId: document.id,
    producerId: document.producerId,
    productId: document.productId,
    provinceCode: document.provinceCode,
    kind: document.kind,
    validTo: document.validTo,
  };
}

/** The document fields as stored: trimmed, blanks as null, validity checked. */
export function checkedMeta(meta: DocumentMeta) {
  const validity = checkDocumentValidity({ validFrom: meta.validFrom ?? null, validTo: meta.validTo ?? null });
  return {
    kind: meta.kind,
    number: emptyToNull(meta.number),
    issuer: emptyToNull(meta.issuer),
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    note: emptyToNull(meta.note),
  };
}

/** Reading a product's place must answer "no such product" for a product outside one's reach. */
export function assertReadProduct(grants: readonly RoleGrant[], place: ProducerPlace) {
  try {
    assertCanReadProducer(grants, place);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found')
      throw new DomainError('not_found', 'product.not_found', 'No such product.');
    throw error;
  }
}

export function assertEditProduct(grants: readonly RoleGrant[], place: ProducerPlace) {
  assertReadProduct(grants, place);
  assertMayOnProducer(grants, 'products.write', place);
}

/** The places of producers and products, or "not found". */
export function createPlaces(files: FileRepository) {
  return {
    producerPlace: async (producerId: string): Promise<ProducerPlace> => {
      const row = await files.findProducerPlace(producerId);
      if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
      return row;
    },
    productPlace: async (productId: string): Promise<ProductPlace> => {
      const row = await files.findProductPlace(productId);
      if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
      return row;
    },
  };
}

export type Places = ReturnType<typeof createPlaces>;
