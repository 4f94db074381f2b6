import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';
import { products } from '../../registry/products/product.tables';
import { lots } from '../lots/lot.tables';

/**
 * An order of trace stamps for a product (and optionally one of its lots). The producer, province
 * and commune are copied from the product as in `lots`, for the scope filters; the GTIN and the lot
 * code are copied at ordering, because they are printed into every stamp's Digital Link and a sheet
 * reprinted later must print the same links.
 */
export const stampOrders = pgTable(
  'stamp_orders',
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
    communeCode: text().notNull(),
    lotId: uuid().references(() => lots.id),
    lotCode: text(),
    gtin14: text(),
    quantity: integer().notNull(),
    /** Stamps inserted so far; written in the same transaction as each batch of them. */
    issuedCount: integer().notNull().default(0),
    activatedCount: integer().notNull().default(0),
    voidCount: integer().notNull().default(0),
    /** `issuing` until `issuedCount` reaches `quantity`; until then its stamps count for nothing. */
    state: text({ enum: ['issuing', 'issued', 'failed'] }).notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    issuedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('stamp_orders_producer_idx').on(t.producerId, t.createdAt),
    index('stamp_orders_province_idx').on(t.provinceCode, t.createdAt),
    check('stamp_orders_quantity_check', sql`${t.quantity} between 1 and 10000000`),
    check('stamp_orders_issued_count_check', sql`${t.issuedCount} between 0 and ${t.quantity}`),
  ],
);

/**
 * One stamp: its serial (20 characters of Crockford base32, 100 random bits; unique, so the
 * database refuses the astronomically rare collision) and its place in its order. Kept narrow:
 * an order may hold ten million.
 */
export const stamps = pgTable(
  'stamps',
  {
    serial: text().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => stampOrders.id, { onDelete: 'cascade' }),
    /** 1..quantity within the order: what a range of activation or printing names. */
    sequence: integer().notNull(),
    state: text({ enum: ['issued', 'activated', 'void'] }).notNull(),
    lotId: uuid().references(() => lots.id),
    changedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'stamps_pkey', columns: [t.serial] }),
    uniqueIndex('stamps_order_sequence_key').on(t.orderId, t.sequence),
    check('stamps_serial_check', sql`${t.serial} ~ '^[0-9A-HJKMNP-TV-Z]{20}$'`),
  ],
);

export type StampOrderRow = typeof stampOrders.$inferSelect;
export type StampOrderInsert = typeof stampOrders.$inferInsert;
export type StampRow = typeof stamps.$inferSelect;
