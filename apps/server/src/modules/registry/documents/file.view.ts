import type { DocumentView, ProductImageView, StoredFileView } from '@ocop/contracts/registry-files';
import { isDocumentExpired } from '@ocop/domain/registry';
import type { RegistryDocument, ProductImage } from './file.service';
import { fileUrl } from './file.service';
import type { StoredFileRow } from './file.tables';

export function toStoredFileView(file: StoredFileRow): StoredFileView {
  return {
    id: file.id,
    originalName: file.originalName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    width: file.width,
    height: file.height,
    url: fileUrl(file.id),
    thumbUrl: file.variants?.thumb ? fileUrl(file.id, 'thumb') : null,
    mediumUrl: file.variants?.medium ? fileUrl(file.id, 'medium') : null,
    uploadedAt: file.uploadedAt.toISOString(),
  };
}

export function toProductImageView({ image, file }: ProductImage): ProductImageView {
  return {
    id: image.id,
    productId: image.productId,
    position: image.position,
    isPrimary: image.isPrimary,
    altText: image.altText,
    file: toStoredFileView(file),
  };
}

/** `today` is the date in Vietnam (yyyy-mm-dd), which decides whether a document has expired. */
export function toDocumentView({ document, file }: RegistryDocument, today: string): DocumentView {
  return {
    id: document.id,
    producerId: document.producerId,
    productId: document.productId,
    kind: document.kind,
    number: document.number,
    issuer: document.issuer,
    validFrom: document.validFrom,
    validTo: document.validTo,
    expired: isDocumentExpired(document.validTo, today),
    note: document.note,
    version: document.version,
    file: toStoredFileView(file),
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) at an instant, as yyyy-mm-dd. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
