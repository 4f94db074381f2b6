import { PRODUCT_STATUSES } from '@ocop/domain/registry';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { productSets } from '../classification/classification.tables';
import { importJobs } from '../imports/import.tables';
import { producers } from '../producers/producer.tables';

/** Sản phẩm OCOP (a good or a service) of one producer, in one product set of the current classification. */
export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    productSetId: uuid()
      .notNull()
      .references(() => productSets.id),
    /** The 1048-era set a product evaluated in 2019–2023 was scored in. */
    legacyProductSetId: uuid().references(() => productSets.id),
    /** Mã sản phẩm, stored as issued. */
    code: text().notNull(),
    slug: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text(),
    nameZh: text(),
    description: text(),
    story: text(),
    /** The producer's own Chinese texts (Sơn La trades with Yunnan); the public pages fall back to Vietnamese. */
    descriptionZh: text(),
    storyZh: text(),
    rawMaterial: text(),
    rawMaterialOrigin: text(),
    packaging: text(),
    netQuantity: text(),
    shelfLife: text(),
    storageInstructions: text(),
    /** Whole đồng. */
    priceMin: bigint({ mode: 'number' }),
    priceMax: bigint({ mode: 'number' }),
    /** Mùa vụ: months 1–12 in calendar order, each once; empty when not stated. */
    seasons: smallint().array().notNull().default(sql`'{}'::smallint[]`),
    seasonNote: text(),
    status: text({ enum: PRODUCT_STATUSES }).notNull().default('idea'),
    statusChangedAt: timestamp({ withTimezone: true }),
    nameFolded: text().notNull(),
    /** foldVietnamese of the names, the code and the producer's name; searched with a trigram index. */
    searchFolded: text().notNull(),
    isDemo: boolean().notNull().default(false),
    /**
     * The spreadsheet import that added the product. Such a row is part of the registry only once
     * that import has completed (see `isPublishedProduct`): an import writes its rows in short
     * transactions and makes all of them visible at once by completing its job.
     */
    importId: uuid().references(() => importJobs.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('products_code_key').on(t.code),
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_producer_idx').on(t.producerId),
    index('products_province_name_idx').on(t.provinceCode, t.nameFolded),
    index('products_product_set_idx').on(t.productSetId),
    index('products_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    index('products_search_trgm').using('gin', t.searchFolded.op('gin_trgm_ops')),
    check('products_seasons_check', sql`cardinality(${t.seasons}) <= 12 and ${t.seasons} <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]`),
    check(
      'products_price_check',
      sql`(${t.priceMin} is null or ${t.priceMin} >= 0) and (${t.priceMax} is null or ${t.priceMax} >= 0) and (${t.priceMin} is null or ${t.priceMax} is null or ${t.priceMin} <= ${t.priceMax})`,
    ),
  ],
);

/** GTINs of a product, normalised to 14 digits; a GTIN names one product in the whole country. */
export const productGtins = pgTable(
  'product_gtins',
  {
    gtin: text().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('product_gtins_product_idx').on(t.productId), check('product_gtins_format_check', sql`${t.gtin} ~ '^[0-9]{14}$'`)],
);

/** The last sequence number given in a product code per commune and year. */
export const productCodeSequences = pgTable(
  'product_code_sequences',
  {
    provinceCode: text().notNull(),
    communeCode: text().notNull(),
    year: integer().notNull(),
    lastValue: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.communeCode, t.year] })],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;
