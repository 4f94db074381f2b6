import { LOT_UNIT_CODES } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';
import { products } from '../../registry/products/product.tables';

/**
 * A production lot (lô sản xuất) of one product. The producer, province and commune are copied
 * from the product's producer when the lot is written, so scope filters need no join into the
 * registry's tables (the commune is refreshed on every write).
 */
export const lots = pgTable(
  'lots',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    /** The producer's commune (2025 map) when the lot was last written: the commune officer's scope. */
    communeCode: text().notNull(),
    /** GS1 AI 10: 1 to 20 characters of set 82, case kept. */
    lotCode: text().notNull(),
    producedOn: date({ mode: 'string' }).notNull(),
    /** Hạn sử dụng; at most one of this and `bestBefore`. */
    expiresOn: date({ mode: 'string' }),
    bestBefore: date({ mode: 'string' }),
    quantity: numeric({ precision: 15, scale: 3 }).notNull(),
    unit: text({ enum: LOT_UNIT_CODES }).notNull(),
    /** Mã số vùng trồng, as issued. */
    growingAreaCode: text(),
    /** The growing area's commune on the 2025 map, in the lot's province. */
    growingAreaCommuneCode: text(),
    notes: text(),
    /** The lot's EPC class: the LGTIN Digital Link with a GTIN, `urn:ocop:vn:lot:{code}:{lot}` without. */
    classUri: text().notNull(),
    revision: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('lots_product_lot_code_key').on(t.productId, t.lotCode),
    index('lots_producer_idx').on(t.producerId),
    index('lots_province_commune_idx').on(t.provinceCode, t.communeCode),
    index('lots_class_uri_idx').on(t.classUri),
    check('lots_quantity_check', sql`${t.quantity} > 0`),
    check('lots_one_end_date_check', sql`${t.expiresOn} is null or ${t.bestBefore} is null`),
    check('lots_expiry_after_production_check', sql`${t.expiresOn} is null or ${t.expiresOn} > ${t.producedOn}`),
    check('lots_best_before_after_production_check', sql`${t.bestBefore} is null or ${t.bestBefore} > ${t.producedOn}`),
  ],
);

export type LotRow = typeof lots.$inferSelect;
export type LotInsert = typeof lots.$inferInsert;
