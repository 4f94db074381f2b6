import type { Transactions } from '../../../platform/database/transaction';
import type { DocumentKind, ProducerPlace } from '@ocop/domain/registry';
import { and, asc, count, eq, inArray, lt, max, or, sql } from 'drizzle-orm';
import { productSets } from '../classification/classification.tables';
import { producers } from '../producers/producer.tables';
import { products } from '../products/product.tables';
import {
  type FileVariant,
  type ProductImageRow,
  productImages,
  type RegistryDocumentRow,
  registryDocuments,
  type StoredFileRow,
  storedFiles,
} from './file.tables';

export type FileRepository = ReturnType<typeof createFileRepository>;

export type ProductImage = { image: ProductImageRow; file: StoredFileRow };
export type RegistryDocument = { document: RegistryDocumentRow; file: StoredFileRow };
export type ProductPlace = ProducerPlace & { productId: string };

/** What the primary picture of a product needs to be shown: its file and that file's variants. */
export type PrimaryImageRow = {
  productId: string;
  fileId: string;
  altText: string | null;
  width: number | null;
  height: number | null;
  variants: Partial<Record<'thumb' | 'medium', FileVariant>> | null;
};

/**
 * The only SQL on the file tables (stored files, product images, registry documents), with the
 * reads of producers and products that place a file; every query runs on the ambient handle.
 */
export function createFileRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findProducerPlace: async (producerId: string): Promise<ProducerPlace | undefined> => {
      const [row] = await db()
        .select({ producerId: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
        .from(producers)
        .where(eq(producers.id, producerId));
      return row;
    },

    findProductPlace: async (productId: string): Promise<ProductPlace | undefined> => {
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
      return row;
    },

    /** How many file rows use a blob, as their original or as a variant. */
    countFilesUsingKey: async (key: string): Promise<number> => {
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
      return Number(row?.n ?? 0);
    },

    insertFile: async (values: typeof storedFiles.$inferInsert): Promise<StoredFileRow> => {
      const [row] = await db().insert(storedFiles).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    deleteFile: async (fileId: string) => {
      await db().delete(storedFiles).where(eq(storedFiles.id, fileId));
    },

    /** The file with the commune of its producer, which decides who may download it. */
    findFileWithCommune: async (fileId: string) => {
      const [row] = await db()
        .select({ file: storedFiles, communeCode: producers.communeCode })
        .from(storedFiles)
        .innerJoin(producers, eq(producers.id, storedFiles.producerId))
        .where(eq(storedFiles.id, fileId));
      return row;
    },

    // ————— Product images —————

    /** A product's images in the order shown. */
    listImages: (productId: string): Promise<ProductImage[]> =>
      db()
        .select({ image: productImages, file: storedFiles })
        .from(productImages)
        .innerJoin(storedFiles, eq(storedFiles.id, productImages.fileId))
        .where(eq(productImages.productId, productId))
        .orderBy(asc(productImages.position), asc(productImages.createdAt)),

    /** The highest position among a product's images and how many it has. */
    imagePositions: async (productId: string): Promise<{ last: number; count: number }> => {
      const [row] = await db()
        .select({ position: max(productImages.position), n: count() })
        .from(productImages)
        .where(eq(productImages.productId, productId));
      return { last: row?.position ?? 0, count: Number(row?.n ?? 0) };
    },

    countImages: async (productId: string): Promise<number> => {
      const [row] = await db().select({ n: count() }).from(productImages).where(eq(productImages.productId, productId));
      return Number(row?.n ?? 0);
    },

    insertImage: async (values: typeof productImages.$inferInsert): Promise<ProductImageRow> => {
      const [row] = await db().insert(productImages).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    saveImagePosition: async (imageId: string, position: number) => {
      await db().update(productImages).set({ position }).where(eq(productImages.id, imageId));
    },

    saveImage: async (imageId: string, patch: { altText?: string | null; isPrimary?: boolean }) => {
      await db().update(productImages).set(patch).where(eq(productImages.id, imageId));
    },

    /** Clears the product's primary flag; first, since a partial unique index allows one primary per product. */
    clearPrimaryImage: async (productId: string) => {
      await db()
        .update(productImages)
        .set({ isPrimary: false })
        .where(and(eq(productImages.productId, productId), eq(productImages.isPrimary, true)));
    },

    deleteImage: async (imageId: string) => {
      await db().delete(productImages).where(eq(productImages.id, imageId));
    },

    listPrimaryImages: (productIds: readonly string[]): Promise<PrimaryImageRow[]> =>
      db()
        .select({
          productId: productImages.productId,
          fileId: productImages.fileId,
          altText: productImages.altText,
          width: storedFiles.width,
          height: storedFiles.height,
          variants: storedFiles.variants,
        })
        .from(productImages)
        .innerJoin(storedFiles, eq(storedFiles.id, productImages.fileId))
        .where(and(inArray(productImages.productId, [...productIds]), eq(productImages.isPrimary, true))),

    /** Demo products of a province with no picture yet, with what their generated picture shows. */
    listDemoProductsWithoutImages: (provinceCode: string) =>
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

    // ————— Documents —————

    /** The document, its file and the commune of its producer. */
    findDocument: async (documentId: string) => {
      const [row] = await db()
        .select({ document: registryDocuments, file: storedFiles, communeCode: producers.communeCode })
        .from(registryDocuments)
        .innerJoin(storedFiles, eq(storedFiles.id, registryDocuments.fileId))
        .innerJoin(producers, eq(producers.id, registryDocuments.producerId))
        .where(eq(registryDocuments.id, documentId));
      return row;
    },

    /** Documents of a producer (its own and its products') or of one product, by kind then age. */
    listDocuments: (owner: { producerId: string } | { productId: string }): Promise<RegistryDocument[]> =>
      db()
        .select({ document: registryDocuments, file: storedFiles })
        .from(registryDocuments)
        .innerJoin(storedFiles, eq(storedFiles.id, registryDocuments.fileId))
        .where(
          'producerId' in owner ? eq(registryDocuments.producerId, owner.producerId) : eq(registryDocuments.productId, owner.productId),
        )
        .orderBy(asc(registryDocuments.kind), asc(registryDocuments.createdAt)),

    listDocumentsValidBefore: (provinceCode: string, beforeDate: string, kinds?: readonly DocumentKind[]) => {
      const conditions = [eq(registryDocuments.provinceCode, provinceCode), lt(registryDocuments.validTo, beforeDate)];
      if (kinds && kinds.length > 0) conditions.push(inArray(registryDocuments.kind, [...kinds]));
      return db()
        .select()
        .from(registryDocuments)
        .where(and(...conditions))
        .orderBy(asc(registryDocuments.validTo), asc(registryDocuments.id));
    },

    insertDocument: async (values: typeof registryDocuments.$inferInsert): Promise<RegistryDocumentRow> => {
      const [row] = await db().insert(registryDocuments).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Saves a change made on `version`, raising it; undefined when another change came first. */
    saveDocument: async (
      documentId: string,
      version: number,
      patch: Partial<typeof registryDocuments.$inferInsert>,
    ): Promise<RegistryDocumentRow | undefined> => {
      const [row] = await db()
        .update(registryDocuments)
        .set({ ...patch, version: sql`${registryDocuments.version} + 1` })
        .where(and(eq(registryDocuments.id, documentId), eq(registryDocuments.version, version)))
        .returning();
      return row;
    },

    deleteDocument: async (documentId: string) => {
      await db().delete(registryDocuments).where(eq(registryDocuments.id, documentId));
    },
  };
}
