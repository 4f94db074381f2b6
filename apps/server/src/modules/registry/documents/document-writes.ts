import { assertCanEditProducer } from '@ocop/domain/registry';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { sniffAllowedType } from '../../../platform/files/file-sniffing';
import type { AuditContext } from '../../identity';
import type { RegistryDocument } from './file.repository';
import {
  assertEditProduct,
  checkedMeta,
  type DocumentMeta,
  documentAudit,
  documentFacts,
  fileAudit,
  keysOf,
  type FileWriteDeps,
  type UploadedFile,
} from './file-support';

/** Whose a new document is: a producer (and optionally one of its products), or a product. */
export type DocumentOwner = { producerId: string; productId?: string | null } | { productId: string };

/** The use cases that change registry documents; each public one is one ambient transaction. */
export function createDocumentWrites(deps: FileWriteDeps) {
  const { transactions, clock, audit, store, events, files, places, cleanup } = deps;

  /** The owner's place; a product named with a producer must be that producer's. */
  async function ownerPlace(owner: DocumentOwner) {
    if (!('producerId' in owner)) return places.productPlace(owner.productId);
    const place = await places.producerPlace(owner.producerId);
    if (owner.productId) {
      const product = await places.productPlace(owner.productId);
      if (product.producerId !== place.producerId) {
        throw new DomainError('invalid', 'document.product_of_other_producer', 'The product belongs to another producer.', {
          field: 'productId',
        });
      }
    }
    return { ...place, productId: owner.productId ?? null };
  }

  /** Loads a document for a change the grants must allow. */
  async function loadForEdit(grants: readonly RoleGrant[], documentId: string) {
    const row = await files.findDocument(documentId);
    if (!row) throw new DomainError('not_found', 'document.not_found', 'No such document.');
    assertCanEditProducer(grants, {
      producerId: row.document.producerId,
      provinceCode: row.document.provinceCode,
      communeCode: row.communeCode,
    });
    return row;
  }

  return {
    addDocument: async (
      actor: { grants: readonly RoleGrant[]; userId: string | null },
      owner: DocumentOwner,
      upload: UploadedFile,
      meta: DocumentMeta,
      context: AuditContext,
    ): Promise<RegistryDocument> => {
      const initial = await ownerPlace(owner);
      if (initial.productId && !('producerId' in owner)) assertEditProduct(actor.grants, initial);
      else assertCanEditProducer(actor.grants, initial);
      const values = checkedMeta(meta);
      const sniffed = await sniffAllowedType(upload.bytes);
      const blob = await store.put(upload.bytes);
      return cleanup.withCompensation([blob.key], async () => {
        const place = await ownerPlace(owner);
        const now = clock.now();
        const file = await files.insertFile({
          provinceCode: place.provinceCode,
          producerId: place.producerId,
          productId: place.productId,
          purpose: 'document',
          storeKey: blob.key,
          sizeBytes: blob.sizeBytes,
          mediaType: sniffed.mediaType,
          extension: sniffed.extension,
          originalName: upload.filename,
          uploadedBy: actor.userId,
          uploadedAt: now,
        });
        const document = await files.insertDocument({
          provinceCode: place.provinceCode,
          producerId: place.producerId,
          productId: place.productId,
          ...values,
          fileId: file.id,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(context, {
          action: 'document.added',
          entityType: 'document',
          entityId: document.id,
          provinceCode: place.provinceCode,
          after: { ...documentAudit(document), ...fileAudit(file) },
        });
        await events.publish({ name: 'registry.document_added', payload: { ...documentFacts(document), fileId: file.id } });
        return { document, file };
      });
    },

    /** Changes a document's details as read at `version`; a change that came first answers 409. */
    updateDocument: (grants: readonly RoleGrant[], documentId: string, meta: DocumentMeta & { version: number }, context: AuditContext) =>
      transactions.run(async (): Promise<RegistryDocument> => {
        const loaded = await loadForEdit(grants, documentId);
        if (loaded.document.version !== meta.version) throw staleDocument(loaded.document.version);
        const { version, ...fields } = meta;
        const values = checkedMeta(fields);
        const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== loaded.document[key]);
        if (!changed) return { document: loaded.document, file: loaded.file };
        const document = await files.saveDocument(documentId, version, { ...values, updatedAt: clock.now() });
        // Another edit of the same version committed between our read and our write.
        if (!document) throw staleDocument(loaded.document.version + 1);
        await audit.record(context, {
          action: 'document.updated',
          entityType: 'document',
          entityId: documentId,
          provinceCode: document.provinceCode,
          before: documentAudit(loaded.document),
          after: documentAudit(document),
        });
        await events.publish({ name: 'registry.document_updated', payload: documentFacts(document) });
        return { document, file: loaded.file };
      }),

    /** Removes the document and its file row; the blob goes after the commit, through the outbox. */
    deleteDocument: (grants: readonly RoleGrant[], documentId: string, context: AuditContext) =>
      transactions.run(async () => {
        const loaded = await loadForEdit(grants, documentId);
        await files.deleteDocument(documentId);
        await files.deleteFile(loaded.file.id);
        await audit.record(context, {
          action: 'document.removed',
          entityType: 'document',
          entityId: documentId,
          provinceCode: loaded.document.provinceCode,
          before: { ...documentAudit(loaded.document), ...fileAudit(loaded.file) },
        });
        await events.publish({
          name: 'registry.document_removed',
          payload: { ...documentFacts(loaded.document), fileId: loaded.file.id, storeKeys: keysOf(loaded.file) },
        });
      }),
  };
}

function staleDocument(currentVersion: number) {
  return new DomainError('conflict', 'document.stale_version', 'The document was changed meanwhile.', { currentVersion });
}
