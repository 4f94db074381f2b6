import { DOCUMENT_KINDS } from '@ocop/domain/registry';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';
import { producers } from '../producers/producer.tables';
import { products } from '../products/product.tables';

export const STORED_FILE_PURPOSES = ['document', 'product_image'] as const;
export type StoredFilePurpose = (typeof STORED_FILE_PURPOSES)[number];

/** A stored variant of a picture (thumbnail, medium), itself content-addressed in the file store. */
export type FileVariant = { key: string; sizeBytes: number; width: number; height: number; mediaType: string };

/**
 * An uploaded file: its bytes live in the file store under `storeKey` (SHA-256), this row says
 * what they are and whose they are. Downloads are checked against the owning producer.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    producerId: uuid()
      .notNull()
      .references(() => producers.id, { onDelete: 'cascade' }),
    productId: uuid().references(() => products.id, { onDelete: 'cascade' }),
    purpose: text({ enum: STORED_FILE_PURPOSES }).notNull(),
    storeKey: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    /** Decided from the bytes, never from the name or the browser's claim. */
    mediaType: text().notNull(),
    extension: text().notNull(),
    /** As the user named it, for the download's file name; never used as a path. */
    originalName: text().notNull(),
    width: integer(),
    height: integer(),
    variants: jsonb().$type<Partial<Record<'thumb' | 'medium', FileVariant>>>(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('stored_files_store_key_idx').on(t.storeKey),
    index('stored_files_producer_idx').on(t.producerId),
    index('stored_files_product_idx').on(t.productId),
  ],
);

/** Pictures of a product in the order shown; exactly one is primary once there is any. */
export const productImages = pgTable(
  'product_images',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    isPrimary: boolean().notNull().default(false),
    altText: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('product_images_product_idx').on(t.productId, t.position),
    uniqueIndex('product_images_file_key').on(t.fileId),
    uniqueIndex('product_images_one_primary_key').on(t.productId).where(sql`${t.isPrimary}`),
  ],
);

/** A paper of a producer (productId null) or of one of its products, with its validity. */
export const registryDocuments = pgTable(
  'registry_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    producerId: uuid()
      .notNull()
      .references(() => producers.id, { onDelete: 'cascade' }),
    productId: uuid().references(() => products.id, { onDelete: 'cascade' }),
    kind: text({ enum: DOCUMENT_KINDS }).notNull(),
    number: text(),
    issuer: text(),
    validFrom: date({ mode: 'string' }),
    validTo: date({ mode: 'string' }),
    note: text(),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    /** Raised by every change; an edit names the version it read, so two concurrent edits cannot both land. */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('registry_documents_producer_idx').on(t.producerId),
    index('registry_documents_product_idx').on(t.productId),
    index('registry_documents_expiry_idx').on(t.provinceCode, t.kind, t.validTo),
    uniqueIndex('registry_documents_file_key').on(t.fileId),
    check('registry_documents_validity_check', sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type StoredFileRow = typeof storedFiles.$inferSelect;
export type ProductImageRow = typeof productImages.$inferSelect;
export type RegistryDocumentRow = typeof registryDocuments.$inferSelect;
