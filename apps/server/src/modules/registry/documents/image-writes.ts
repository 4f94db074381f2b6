import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { sniffImage } from '../../../platform/files/file-sniffing';
import { type ImageVariantName, prepareImage } from '../../../platform/files/image-variants';
import type { AuditContext } from '../../identity';
import type { ProductImage, ProductPlace } from './file.repository';
import { assertEditProduct, emptyToNull, type FileWriteDeps, fileAudit, keysOf, type UploadedFile } from './file-support';
import type { FileVariant } from './file.tables';

type StoredImage = {
  prepared: Awaited<ReturnType<typeof prepareImage>>;
  stored: { original: string; variants: Record<ImageVariantName, FileVariant> };
};

type ImageActor = { grants: readonly RoleGrant[]; userId: string | null };

/** The use cases that change a product's pictures; each public one is one ambient transaction. */
export function createImageWrites(deps: FileWriteDeps) {
  const { transactions, clock, audit, store, events, files, places, cleanup } = deps;

  /** Prepares the picture (upright, no metadata, variants) and stores its blobs, before any row is written. */
  async function storeImage(bytes: Buffer): Promise<StoredImage> {
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

  async function insertImage(
    place: ProductPlace,
    { prepared, stored }: StoredImage,
    input: { filename: string; altText: string | null; actorUserId: string | null },
    context: AuditContext,
  ): Promise<ProductImage> {
    const now = clock.now();
    const file = await files.insertFile({
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
    });
    const positions = await files.imagePositions(place.productId);
    const isPrimary = positions.count === 0;
    const image = await files.insertImage({
      productId: place.productId,
      fileId: file.id,
      position: positions.last + 1,
      isPrimary,
      altText: input.altText,
      createdBy: input.actorUserId,
      createdAt: now,
    });
    await audit.record(context, {
      action: 'product_image.added',
      entityType: 'product',
      entityId: place.productId,
      provinceCode: place.provinceCode,
      after: { imageId: image.id, position: image.position, isPrimary, altText: image.altText, ...fileAudit(file) },
    });
    const facts = { productId: place.productId, provinceCode: place.provinceCode };
    await events.publish({ name: 'registry.product_image_added', payload: { ...facts, imageId: image.id, fileId: file.id, isPrimary } });
    if (isPrimary)
      await events.publish({
        name: 'registry.product_primary_image_changed',
        payload: { ...facts, imageId: image.id, previousImageId: null },
      });
    return { image, file };
  }

  /** Stores the blobs, then writes the rows in one transaction; a failed write removes the blobs again. */
  async function addStored(
    productId: string,
    bytes: Buffer,
    input: { filename: string; altText: string | null; actorUserId: string | null },
    context: AuditContext,
  ) {
    const stored = await storeImage(bytes);
    const keys = [stored.stored.original, ...Object.values(stored.stored.variants).map((v) => v.key)];
    return cleanup.withCompensation(keys, async () => insertImage(await places.productPlace(productId), stored, input, context));
  }

  async function loadForEdit(grants: readonly RoleGrant[], productId: string) {
    const place = await places.productPlace(productId);
    assertEditProduct(grants, place);
    return { place, images: await files.listImages(productId) };
  }

  function imageIn(images: ProductImage[], imageId: string): ProductImage {
    const target = images.find((row) => row.image.id === imageId);
    if (!target) throw new DomainError('not_found', 'product_image.not_found', 'No such image of this product.');
    return target;
  }

  return {
    /** Adds a picture at the end; the first picture of a product becomes its primary one. */
    addProductImage: async (
      actor: ImageActor,
      productId: string,
      upload: UploadedFile & { altText?: string | null },
      context: AuditContext,
    ) => {
      assertEditProduct(actor.grants, await places.productPlace(productId));
      return addStored(
        productId,
        upload.bytes,
        { filename: upload.filename, altText: emptyToNull(upload.altText), actorUserId: actor.userId },
        context,
      );
    },

    /** For the demo seed: stores a generated picture as a product's image, as the system. */
    attachGeneratedImage: (productId: string, bytes: Buffer, filename: string, altText: string, context: AuditContext) =>
      addStored(productId, bytes, { filename, altText, actorUserId: null }, context),

    /** Puts the images in the given order; the list must name each image of the product once. */
    reorderProductImages: (grants: readonly RoleGrant[], productId: string, imageIds: string[], context: AuditContext) =>
      transactions.run(async () => {
        const { place, images } = await loadForEdit(grants, productId);
        const currentIds = images.map((row) => row.image.id);
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
          for (const [index, id] of imageIds.entries()) await files.saveImagePosition(id, index + 1);
          await audit.record(context, {
            action: 'product_image.reordered',
            entityType: 'product',
            entityId: productId,
            provinceCode: place.provinceCode,
            before: { order: currentIds },
            after: { order: imageIds },
          });
        }
        return files.listImages(productId);
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
        const { place, images } = await loadForEdit(grants, productId);
        const target = imageIn(images, imageId);
        const before = { altText: target.image.altText, isPrimary: target.image.isPrimary };
        const after = { ...before };
        const previousPrimary = images.find((row) => row.image.isPrimary)?.image.id ?? null;
        if (change.altText !== undefined) after.altText = emptyToNull(change.altText);
        if (change.isPrimary && !target.image.isPrimary) {
          await files.clearPrimaryImage(productId);
          after.isPrimary = true;
        }
        if (after.altText !== before.altText || after.isPrimary !== before.isPrimary) {
          await files.saveImage(imageId, { altText: after.altText, isPrimary: after.isPrimary });
          const primaryChanged = after.isPrimary !== before.isPrimary;
          await audit.record(context, {
            action: primaryChanged ? 'product_image.primary_changed' : 'product_image.updated',
            entityType: 'product',
            entityId: productId,
            provinceCode: place.provinceCode,
            before: { imageId, ...before, primaryImageId: previousPrimary },
            after: { imageId, ...after },
          });
          if (primaryChanged) {
            await events.publish({
              name: 'registry.product_primary_image_changed',
              payload: { productId, provinceCode: place.provinceCode, imageId, previousImageId: previousPrimary },
            });
          }
        }
        return files.listImages(productId);
      }),

    /** Removes an image; when it was the primary one, the next image in order becomes primary. Its blobs go after the commit. */
    deleteProductImage: (grants: readonly RoleGrant[], productId: string, imageId: string, context: AuditContext) =>
      transactions.run(async () => {
        const { place, images } = await loadForEdit(grants, productId);
        const target = imageIn(images, imageId);
        await files.deleteImage(imageId);
        await files.deleteFile(target.file.id);
        const first = images.find((row) => row.image.id !== imageId);
        if (target.image.isPrimary && first) await files.saveImage(first.image.id, { isPrimary: true });
        await audit.record(context, {
          action: 'product_image.removed',
          entityType: 'product',
          entityId: productId,
          provinceCode: place.provinceCode,
          before: { imageId, position: target.image.position, isPrimary: target.image.isPrimary, ...fileAudit(target.file) },
          after: target.image.isPrimary ? { primaryImageId: first?.image.id ?? null } : undefined,
        });
        const facts = { productId, provinceCode: place.provinceCode };
        await events.publish({
          name: 'registry.product_image_removed',
          payload: { ...facts, imageId, fileId: target.file.id, storeKeys: keysOf(target.file) },
        });
        if (target.image.isPrimary) {
          await events.publish({
            name: 'registry.product_primary_image_changed',
            payload: { ...facts, imageId: first?.image.id ?? null, previousImageId: imageId },
          });
        }
      }),
  };
}
