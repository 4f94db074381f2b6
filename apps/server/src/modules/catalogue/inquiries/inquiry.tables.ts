import { INQUIRY_STATUSES } from '@ocop/domain/catalogue';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';
import { products } from '../../registry/products/product.tables';

/**
 * A buyer's inquiry to a producer, sent from a public page. The buyer's address is kept only as a
 * keyed hash (enough to see a flood from one place, not who sent it).
 */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    /** The producer's commune when the inquiry came: the commune officer's reach. */
    communeCode: text().notNull(),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    productId: uuid().references(() => products.id),
    /** The names the buyer saw on the page (the inbox shows them even after the product leaves the catalogue). */
    producerName: text().notNull(),
    productName: text(),
    name: text().notNull(),
    contact: text().notNull(),
    quantity: text(),
    message: text().notNull(),
    status: text({ enum: INQUIRY_STATUSES }).notNull().default('new'),
    statusChangedAt: timestamp({ withTimezone: true }),
    statusChangedBy: uuid().references(() => users.id),
    sourceIpHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('inquiries_producer_idx').on(t.producerId, t.createdAt),
    index('inquiries_province_idx').on(t.provinceCode, t.communeCode, t.createdAt),
    // The per-address limit counts an address's inquiries in the last minutes, in every process.
    index('inquiries_source_idx').on(t.sourceIpHash, t.createdAt),
    check('inquiries_name_check', sql`char_length(${t.name}) between 1 and 100`),
    check('inquiries_contact_check', sql`char_length(${t.contact}) between 1 and 120`),
    check('inquiries_quantity_check', sql`char_length(${t.quantity}) <= 100`),
    check('inquiries_message_check', sql`char_length(${t.message}) between 1 and 2000`),
    check('inquiries_status_check', sql`(${t.status} = 'new') = (${t.statusChangedAt} is null)`),
  ],
);

export type InquiryRow = typeof inquiries.$inferSelect;
export type InquiryInsert = typeof inquiries.$inferInsert;

/**
 * The keys of the inquiry form, one row: the HMAC key of form tokens and the salt of address hashes.
 * Kept in the database so a token in a page cached for a day still works after a restart and on
 * every process.
 */
export const inquiryKeys = pgTable(
  'inquiry_keys',
  {
    id: smallint().primaryKey(),
    formKey: text().notNull(),
    addressSalt: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check('inquiry_keys_one_row', sql`${t.id} = 1`)],
);
