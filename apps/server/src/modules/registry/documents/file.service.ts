import type { Transactions } from '../../../platform/database/transaction';
import {
  assertCanEditProducer,
  assertCanReadProducer,
  assertMayOnProducer,
  canReadProducer,
  checkDocumentValidity,
  type DocumentKind,
  type ProducerPlace,
} from '@ocop/domain/registry';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { and, asc, count, eq, inArray, lt, max, or, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Clock } from '../../../platform/clock';
import type { Database } from '../../../platform/database/database';
import type { AuditContext, AuditService } from '../../identity';
import { FileMissingError, type FileStore } from '../../../platform/files/file-store';
import { sniffAllowedType, sniffImage } from '../../../platform/files/file-sniffing';
import {
  type FileVariant,
  productImages,
  type RegistryDocumentRow,
  registryDocuments,
  type StoredFileRow,
  storedFiles,
} from './file.tables';
import { type ImageVariantName, prepareImage } from '../../../platform/files/image-variants';
import { productSets } from '../classification/classification.tables';
import { producers } from '../producers/producer.tables';
import { products } from '../products/product.tables';

export type FileService = ReturnType<typeof createFileService>;

export type UploadedFile = { bytes: Buffer; filename: string };

export type DocumentMeta = {
  kind: DocumentKind;
  number?: string | null;
  issuer?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  note?: string | null;
};

export type ProductImage = { image: typeof productImages.$inferSelect; file: StoredFileRow };
export type RegistryDocument = { document: RegistryDocumentRow; file: StoredFileRow };

/** What a download sends: the bytes, their type and size, and the name to offer. */
export type FileDownload = { stream: Readable; mediaType: string; sizeBytes: number; fileName: string; isImage: boolean };

/** Where the primary picture of each product can be fetched; for list and detail views. */
export type PrimaryImage = { fileId: string; url: string; thumbUrl: string | null; mediumUrl: string | null; altText: string | null };

export function fileUrl(fileId: string, variant?: ImageVariantName): string {
  return variant ? `/api/files/${fileId}?variant=${variant}` : `/api/files/${fileId}`;
}

function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Documents and pictures of producers and products. Bytes go to the file store before the
 * database row is written (a crash leaves at most an unreferenced file, never a row without its
 * bytes); when the transaction fails the new bytes are removed again unless another row uses them.
 */
export function createFileService(deps: { transactions: Transactions; clock: Clock; audit: AuditService; store: FileStore }) {
  const { transactions, clock, audit, store } = deps;
  const db = transactions.db;

  async function producerPlace(producerId: string): Promise<ProducerPlace> {
    const [row] = await db()
      .select({ producerId: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
      .from(producers)
      .where(eq(producers.id, producerId));
    if (!row) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
    return row;
  }

  async function productPlace(productId: string): Promise<ProducerPlace & { productId: string }> {
    const [row] = await db()
      .select({
        productId: products.id,
        producerId: producers.id,
        provinceCode: producers.provinceCode,
        communeCode: producers.communeCode,
      })
      .from(products)
      .innerJoin(producers, eq(producers.id, products.producerId))
      .where(eq(products.id, productId));
    if (!row) throw new DomainError('not_found', 'product.not_found', 'No such product.');
    return row;
  }

  /** Reading a product's place must answer "no such product" for a product outside one's reach. */
  function assertReadProduct(grants: readonly RoleGrant[], place: ProducerPlace) {
    try {
      assertCanReadProducer(grants, place);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found')
        throw new DomainError('not_found', 'product.not_found', 'No such product.');
      throw error;
    }
  }

  function assertEditProduct(grants: readonly RoleGrant[], place: ProducerPlace) {
    assertReadProduct(grants, place);
    assertMayOnProducer(grants, 'products.write', place);
  }

  /** Keys of the stored blobs a file row uses. */
  function keysOf(file: Pick<StoredFileRow, 'storeKey' | 'variants'>): string[] {
    const keys = [file.storeKey];
    for (const variant of Object.values(file.variants ?? {})) if (variant) keys.push(variant.key);
    return keys;
  }

  /** Removes blobs no file row refers to any more; run after the transaction that removed the rows. */
  async function removeUnreferenced(keys: string[]) {
    for (const key of new Set(keys)) {
      const [row] = await db()
        .select({ n: count() })
        .from(storedFiles)
        .where(
          or(
            eq(storedFiles.storeKey, key),
            sql`${storedFiles.variants}->'thumb'->>'key' = ${key}`,
            sql`${storedFiles.variants}->'medium'->>'key' = ${key}`,
          ),
        );
      if ((row?.n ?? 0) === 0) await store.delete(key);
    }
  }

  /** Runs `work` in a transaction; if it fails, the blobs stored for it are removed again. */
  async function withCompensation<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    try {
      return await transactions.run(work);
    } catch (error) {
      await removeUnreferenced(keys).catch(() => undefined);
      throw error;
    }
  }

  function fileAudit(file: StoredFileRow) {
    return {
      fileId: file.id,
      originalName: file.originalName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      storeKey: file.storeKey,
    };
  }

  async function sortedImages(productId: string): Promise<ProductImage[]> {
    const rows = await db()
      .select({ image: productImages, file: storedFiles })
      .from(productImages)
      .innerJoin(storedFiles, eq(storedFiles.id, productImages.fileId))
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position), asc(productImages.createdAt));
    return rows;
  }

  async function insertImage(
    place: ProducerPlace & { productId: string },
    prepared: Awaited<ReturnType<typeof prepareImage>>,
    stored: { original: string; variants: Record<ImageVariantName, FileVariant> },
    input: { filename: string; altText: string | null; actorUserId: string | null },
    context: AuditContext,
  ): Promise<ProductImage> {
    const now = clock.now();
    const [file] = await db()
      .insert(storedFiles)
      .values({
        provinceCode: place.provinceCode,
        producerId: place.producerId,
        productId: place.productId,
        purpose: 'product_image',
        storeKey: stored.original,
        sizeBytes: prepared.original.bytes.length,
        mediaType: prepared.original.mediaType,
        extension: prepared.original.extension,
        originalName: input.filename,
        width: prepared.original.width,
        height: prepared.original.height,
        variants: stored.variants,
        uploadedBy: input.actorUserId,
        uploadedAt: now,
      })
      .returning();
    if (!file) throw new Error('insert returned no row');
    const [last] = await db()
      .select({ position: max(productImages.position), n: count() })
      .from(productImages)
      .where(eq(productImages.productId, place.productId));
    const isPrimary = (last?.n ?? 0) === 0;
    const [image] = await db()
      .insert(productImages)
      .values({
        productId: place.productId,
        fileId: file.id,
        position: (last?.position ?? 0) + 1,
        isPrimary,
        altText: input.altText,
        createdBy: input.actorUserId,
        createdAt: now,
      })
      .returning();
    if (!image) throw new Error('insert returned no row');
    await audit.record(context, {
      action: 'product_image.added',
      entityType: 'product',
      entityId: place.productId,
      provinceCode: place.provinceCode,
      after: { imageId: image.id, position: image.position, isPrimary, altText: image.altText, ...fileAudit(file) },
    });
    return { image, file };
  }

  async function storeImage(bytes: Buffer) {
    const sniffed = await sniffImage(bytes);
    const prepared = await prepareImage(bytes, sniffed.extension);
    const original = await store.put(prepared.original.bytes);
    const variants = {} as Record<ImageVariantName, FileVariant>;
    for (const [name, variant] of Object.entries(prepared.variants) as [ImageVariantName, (typeof prepared.variants)[ImageVariantName]][]) {
      const blob = await store.put(variant.bytes);
      variants[name] = {
        key: blob.key,
        sizeBytes: blob.sizeBytes,
        width: variant.width,
        height: variant.height,
        mediaType: variant.mediaType,
      };
    }
    return { prepared, stored: { original: original.key, variants } };
  }

  async function loadDocument(documentId: string) {
    const [row] = await db()
      .select({ document: registryDocuments, file: storedFiles, communeCode: producers.communeCode })
      .from(registryDocuments)
      .innerJoin(storedFiles, eq(storedFiles.id, registryDocuments.fileId))
      .innerJoin(producers, eq(producers.id, registryDocuments.producerId))
      .where(eq(registryDocuments.id, documentId));
    if (!row) throw new DomainError('not_found', 'document.not_found', 'No such document.');
    const place: ProducerPlace = {
      producerId: row.document.producerId,
      provinceCode: row.document.provinceCode,
      communeCode: row.communeCode,
    };
    return { document: row.document, file: row.file, place };
  }

  function checkedMeta(meta: DocumentMeta) {
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

  function documentAudit(document: RegistryDocumentRow) {
    const { createdAt: _c, updatedAt: _u, createdBy: _b, ...rest } = document;
    return rest;
  }

  return {
    // ————— Product images —————

    listProductImages: async (grants: readonly RoleGrant[], productId: string): Promise<ProductImage[]> => {
      assertReadProduct(grants, await productPlace(productId));
      return sortedImages(productId);
    },

    /** Adds a picture at the end; the first picture of a product becomes its primary one. */
    addProductImage: async (
      actor: { grants: readonly RoleGrant[]; userId: string | null },
      productId: string,
      upload: UploadedFile & { altText?: string | null },
      context: AuditContext,
    ): Promise<ProductImage> => {
      assertEditProduct(actor.grants, await productPlace(productId));
      const { prepared, stored } = await storeImage(upload.bytes);
      const keys = [stored.original, ...Object.values(stored.variants).map((v) => v.key)];
      return withCompensation(keys, async () => {
        const place = await productPlace(productId);
        return insertImage(
          place,
          prepared,
          stored,
          { filename: upload.filename, altText: emptyToNull(upload.altText), actorUserId: actor.userId },
          context,
        );
      });
    },

    /** Puts the images in the given order; the list must name each image of the product once. */
    reorderProductImages: (grants: readonly RoleGrant[], productId: string, imageIds: string[], context: AuditContext) =>
      transactions.run(async () => {
        const place = await productPlace(productId);
        assertEditProduct(grants, place);
        const current = await sortedImages(productId);
        const currentIds = current.map((row) => row.image.id);
        const same =
          imageIds.length === currentIds.length &&
          new Set(imageIds).size === imageIds.length &&
          imageIds.every((id) => currentIds.includes(id));
        if (!same) {
          throw new DomainError('invalid', 'product_image.order_mismatch', 'Name every image of the product exactly once.', {
            expected: currentIds.length,
            given: imageIds.length,
          });
        }
        if (imageIds.join() !== currentIds.join()) {
          for (const [index, id] of imageIds.entries()) {
            await db()
              .update(productImages)
              .set({ position: index + 1 })
              .where(eq(productImages.id, id));
          }
          await audit.record(context, {
            action: 'product_image.reordered',
            entityType: 'product',
            entityId: productId,
            provinceCode: place.provinceCode,
            before: { order: currentIds },
            after: { order: imageIds },
          });
        }
        return sortedImages(productId);
      }),

    /** Changes an image's alternative text and/or makes it the primary one. */
    updateProductImage: (
      grants: readonly RoleGrant[],
      productId: string,
      imageId: string,
      change: { altText?: string | null; isPrimary?: true },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const place = await productPlace(productId);
        assertEditProduct(grants, place);
        const images = await sortedImages(productId);
        const target = images.find((row) => row.image.id === imageId);
        if (!target) throw new DomainError('not_found', 'product_image.not_found', 'No such image of this product.');
        const before = { altText: target.image.altText, isPrimary: target.image.isPrimary };
        const after = { ...before };
        if (change.altText !== undefined) after.altText = emptyToNull(change.altText);
        if (change.isPrimary && !target.image.isPrimary) {
          // The old primary is cleared first: a partial unique index allows one primary per product.
          await db()
            .update(productImages)
            .set({ isPrimary: false })
            .where(and(eq(productImages.productId, productId), eq(productImages.isPrimary, true)));
          after.isPrimary = true;
        }
        if (after.altText !== before.altText || after.isPrimary !== before.isPrimary) {
          await db().update(productImages).set({ altText: after.altText, isPrimary: after.isPrimary }).where(eq(productImages.id, imageId));
          await audit.record(context, {
            action: after.isPrimary !== before.isPrimary ? 'product_image.primary_changed' : 'product_image.updated',
            entityType: 'product',
            entityId: productId,
            provinceCode: place.provinceCode,
            before: { imageId, ...before, primaryImageId: images.find((row) => row.image.isPrimary)?.image.id ?? null },
            after: { imageId, ...after },
          });
        }
        return sortedImages(productId);
      }),

    /** Removes an image; when it was the primary one, the next image in order becomes primary. */
    deleteProductImage: async (grants: readonly RoleGrant[], productId: string, imageId: string, context: AuditContext) => {
      const removedKeys = await transactions.run(async () => {
        const place = await productPlace(productId);
        assertEditProduct(grants, place);
        const images = await sortedImages(productId);
        const target = images.find((row) => row.image.id === imageId);
        if (!target) throw new DomainError('not_found', 'product_image.not_found', 'No such image of this product.');
        await db().delete(productImages).where(eq(productImages.id, imageId));
        await db().delete(storedFiles).where(eq(storedFiles.id, target.file.id));
        const rest = images.filter((row) => row.image.id !== imageId);
        const first = rest[0];
        if (target.image.isPrimary && first)
          await db().update(productImages).set({ isPrimary: true }).where(eq(productImages.id, first.image.id));
        await audit.record(context, {
          action: 'product_image.removed',
          entityType: 'product',
          entityId: productId,
          provinceCode: place.provinceCode,
          before: { imageId, position: target.image.position, isPrimary: target.image.isPrimary, ...fileAudit(target.file) },
          after: target.image.isPrimary ? { primaryImageId: first?.image.id ?? null } : undefined,
        });
        return keysOf(target.file);
      });
      await removeUnreferenced(removedKeys);
    },

    /** The primary picture of each product, by product id; products without pictures are absent. */
    primaryImagesOf: async (productIds: readonly string[]): Promise<Map<string, PrimaryImage>> => {
      const result = new Map<string, PrimaryImage>();
      if (productIds.length === 0) return result;
      const rows = await db()
        .select({
          productId: productImages.productId,
          fileId: productImages.fileId,
          altText: productImages.altText,
          variants: storedFiles.variants,
        })
        .from(productImages)
        .innerJoin(storedFiles, eq(storedFiles.id, productImages.fileId))
        .where(and(inArray(productImages.productId, [...productIds]), eq(productImages.isPrimary, true)));
      for (const row of rows) {
        result.set(row.productId, {
          fileId: row.fileId,
          url: fileUrl(row.fileId),
          thumbUrl: row.variants?.thumb ? fileUrl(row.fileId, 'thumb') : null,
          mediumUrl: row.variants?.medium ? fileUrl(row.fileId, 'medium') : null,
          altText: row.altText,
        });
      }
      return result;
    },

    // ————— Documents —————

    addDocument: async (
      actor: { grants: readonly RoleGrant[]; userId: string | null },
      owner: { producerId: string; productId?: string | null } | { productId: string },
      upload: UploadedFile,
      meta: DocumentMeta,
      context: AuditContext,
    ): Promise<RegistryDocument> => {
      const resolvePlace = async () => {
        if ('producerId' in owner) {
          const place = await producerPlace(owner.producerId);
          if (owner.productId) {
            const product = await productPlace(owner.productId);
            if (product.producerId !== place.producerId) {
              throw new DomainError('invalid', 'document.product_of_other_producer', 'The product belongs to another producer.', {
                field: 'productId',
              });
            }
          }
          return { ...place, productId: owner.productId ?? null };
        }
        const product = await productPlace(owner.productId);
        return { ...product };
      };
      const initial = await resolvePlace();
      if (initial.productId && !('producerId' in owner)) assertEditProduct(actor.grants, initial);
      else assertCanEditProducer(actor.grants, initial);
      const values = checkedMeta(meta);
      const sniffed = await sniffAllowedType(upload.bytes);
      const blob = await store.put(upload.bytes);
      return withCompensation([blob.key], async () => {
        const place = await resolvePlace();
        const now = clock.now();
        const [file] = await db()
          .insert(storedFiles)
          .values({
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
          })
          .returning();
        if (!file) throw new Error('insert returned no row');
        const [document] = await db()
          .insert(registryDocuments)
          .values({
            provinceCode: place.provinceCode,
            producerId: place.producerId,
            productId: place.productId,
            ...values,
            fileId: file.id,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!document) throw new Error('insert returned no row');
        await audit.record(context, {
          action: 'document.added',
          entityType: 'document',
          entityId: document.id,
          provinceCode: place.provinceCode,
          after: { ...documentAudit(document), ...fileAudit(file) },
        });
        return { document, file };
      });
    },

    /** Documents of a producer (its own and its products'), or of one product. */
    listDocuments: async (
      grants: readonly RoleGrant[],
      owner: { producerId: string } | { productId: string },
    ): Promise<RegistryDocument[]> => {
      if ('producerId' in owner) assertCanReadProducer(grants, await producerPlace(owner.producerId));
      else assertReadProduct(grants, await productPlace(owner.productId));
      const where =
        'producerId' in owner ? eq(registryDocuments.producerId, owner.producerId) : eq(registryDocuments.productId, owner.productId);
      return db()
        .select({ document: registryDocuments, file: storedFiles })
        .from(registryDocuments)
        .innerJoin(storedFiles, eq(storedFiles.id, registryDocuments.fileId))
        .where(where)
        .orderBy(asc(registryDocuments.kind), asc(registryDocuments.createdAt));
    },

    getDocument: async (grants: readonly RoleGrant[], documentId: string): Promise<RegistryDocument> => {
      const loaded = await loadDocument(documentId);
      try {
        assertCanReadProducer(grants, loaded.place);
      } catch {
        throw new DomainError('not_found', 'document.not_found', 'No such document.');
      }
      return { document: loaded.document, file: loaded.file };
    },

    updateDocument: (grants: readonly RoleGrant[], documentId: string, meta: DocumentMeta, context: AuditContext) =>
      transactions.run(async (): Promise<RegistryDocument> => {
        const loaded = await loadDocument(documentId);
        assertCanEditProducer(grants, loaded.place);
        const values = checkedMeta(meta);
        const before = documentAudit(loaded.document);
        const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== loaded.document[key]);
        if (!changed) return { document: loaded.document, file: loaded.file };
        const [document] = await db()
          .update(registryDocuments)
          .set({ ...values, updatedAt: clock.now() })
          .where(eq(registryDocuments.id, documentId))
          .returning();
        if (!document) throw new Error('update returned no row');
        await audit.record(context, {
          action: 'document.updated',
          entityType: 'document',
          entityId: documentId,
          provinceCode: document.provinceCode,
          before,
          after: documentAudit(document),
        });
        return { document, file: loaded.file };
      }),

    deleteDocument: async (grants: readonly RoleGrant[], documentId: string, context: AuditContext) => {
      const keys = await transactions.run(async () => {
        const loaded = await loadDocument(documentId);
        assertCanEditProducer(grants, loaded.place);
        await db().delete(registryDocuments).where(eq(registryDocuments.id, documentId));
        await db().delete(storedFiles).where(eq(storedFiles.id, loaded.file.id));
        await audit.record(context, {
          action: 'document.removed',
          entityType: 'document',
          entityId: documentId,
          provinceCode: loaded.document.provinceCode,
          before: { ...documentAudit(loaded.document), ...fileAudit(loaded.file) },
        });
        return keysOf(loaded.file);
      });
      await removeUnreferenced(keys);
    },

    /**
     * Documents of a province whose last valid day is before `beforeDate` (yyyy-mm-dd), oldest
     * first: with `beforeDate` = today, the expired ones; with a date ahead, those about to expire.
     * Supervision uses it to flag, e.g., an expired food-safety certificate.
     */
    listExpiringDocuments: async (
      provinceCode: string,
      beforeDate: string,
      options: { kinds?: readonly DocumentKind[]; executor?: Database } = {},
    ): Promise<RegistryDocumentRow[]> => {
      const _executor = options.executor ?? db;
      const conditions = [eq(registryDocuments.provinceCode, provinceCode), lt(registryDocuments.validTo, beforeDate)];
      if (options.kinds && options.kinds.length > 0) conditions.push(inArray(registryDocuments.kind, [...options.kinds]));
      return db()
        .select()
        .from(registryDocuments)
        .where(and(...conditions))
        .orderBy(asc(registryDocuments.validTo), asc(registryDocuments.id));
    },

    // ————— Downloads —————

    /** The bytes of a file (or of a picture's variant) for a reader allowed to see its owner. */
    openFile: async (grants: readonly RoleGrant[], fileId: string, variant?: ImageVariantName): Promise<FileDownload> => {
      const [row] = await db()
        .select({ file: storedFiles, communeCode: producers.communeCode })
        .from(storedFiles)
        .innerJoin(producers, eq(producers.id, storedFiles.producerId))
        .where(eq(storedFiles.id, fileId));
      if (!row) throw new DomainError('not_found', 'file.not_found', 'No such file.');
      const { file } = row;
      if (!canReadProducer(grants, { producerId: file.producerId, provinceCode: file.provinceCode, communeCode: row.communeCode })) {
        throw new DomainError('not_found', 'file.not_found', 'No such file.');
      }
      const isImage = file.purpose === 'product_image' || file.mediaType.startsWith('image/');
      let key = file.storeKey;
      let mediaType = file.mediaType;
      let sizeBytes = file.sizeBytes;
      let fileName = file.originalName;
      if (variant) {
        const chosen = file.variants?.[variant];
        if (!chosen) throw new DomainError('not_found', 'file.variant_not_found', 'This file has no such variant.', { variant });
        key = chosen.key;
        mediaType = chosen.mediaType;
        sizeBytes = chosen.sizeBytes;
        fileName = `${file.originalName.replace(/\.[^.]*$/, '')}-${variant}.webp`;
      }
      try {
        return { stream: await store.openRead(key), mediaType, sizeBytes, fileName, isImage };
      } catch (error) {
        if (error instanceof FileMissingError)
          throw new DomainError('not_found', 'file.content_missing', 'The file’s content is missing from storage.');
        throw error;
      }
    },

    /** For the demo seed: stores a generated picture as a product's image, as the system. */
    attachGeneratedImage: async (productId: string, bytes: Buffer, filename: string, altText: string, context: AuditContext) => {
      const { prepared, stored } = await storeImage(bytes);
      const keys = [stored.original, ...Object.values(stored.variants).map((v) => v.key)];
      return withCompensation(keys, async () => {
        const place = await productPlace(productId);
        return insertImage(place, prepared, stored, { filename, altText, actorUserId: null }, context);
      });
    },

    /** Demo products of a province with no picture yet, with what their generated picture shows. */
    demoProductsWithoutImages: async (provinceCode: string) =>
      db()
        .select({ id: products.id, nameVi: products.nameVi, slug: products.slug, setCode: productSets.code, producerName: producers.name })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .innerJoin(productSets, eq(productSets.id, products.productSetId))
        .where(
          and(
            eq(products.provinceCode, provinceCode),
            eq(products.isDemo, true),
            sql`not exists (select 1 from ${productImages} where ${productImages.productId} = ${products.id})`,
          ),
        )
        .orderBy(asc(products.code)),

    countImages: async (productId: string) =>
      (await db().select({ n: count() }).from(productImages).where(eq(productImages.productId, productId)))[0]?.n ?? 0,
  };
}
