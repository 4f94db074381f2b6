import { SALES_POINT_KINDS, SALES_POINT_STATUSES } from '@ocop/domain/catalogue';
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { products } from '../../registry/products/product.tables';

/**
 * A showcase and sales point of OCOP products (điểm giới thiệu và bán sản phẩm OCOP), kept by the
 * province: where it is on both maps (the new commune, and the former district the programme's
 * targets still count by), when it opens, who runs it. An online store has a web address instead of
 * a place on the map.
 */
export const salesPoints = pgTable(
  'sales_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    name: text().notNull(),
    kind: text({ enum: SALES_POINT_KINDS }).notNull(),
    status: text({ enum: SALES_POINT_STATUSES }).notNull().default('active'),
    /** The commune on the 2025 map, in the point's province. */
    communeCode: text().notNull(),
    /** The former district (before July 2025) the point lies in: coverage counts by it. */
    legacyDistrictCode: text(),
    address: text(),
    hours: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    websiteUrl: text(),
    phone: text(),
    operatorName: text(),
    /** When the operator last changed what the point stocks. */
    stockUpdatedAt: timestamp({ withTimezone: true }),
    revision: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('sales_points_province_idx').on(t.provinceCode, t.status, t.name),
    check('sales_points_name_check', sql`char_length(${t.name}) between 1 and 200`),
    check('sales_points_location_check', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    check('sales_points_texts_check', sql`coalesce(char_length(${t.address}), 0) <= 300 and coalesce(char_length(${t.hours}), 0) <= 200`),
  ],
);

/** What a point has on its shelf: one row per certified product it stocks. */
export const salesPointStock = pgTable(
  'sales_point_stock',
  {
    salesPointId: uuid()
      .notNull()
      .references(() => salesPoints.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    addedAt: timestamp({ withTimezone: true }).notNull(),
    addedBy: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.salesPointId, t.productId] }),
    // "Where to buy" on a product page reads by product.
    index('sales_point_stock_product_idx').on(t.productId),
  ],
);

export type SalesPointRow = typeof salesPoints.$inferSelect;
export type SalesPointInsert = typeof salesPoints.$inferInsert;
