import { SITE_KIND_CODES } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';

/**
 * A producer's site (địa điểm): a farm or growing area, a processing facility, a warehouse or a
 * shop, where its steps are recorded. Like a lot, it copies the producer's province and commune
 * (refreshed on every write) so scope filters need no join into the registry's tables.
 */
export const producerSites = pgTable(
  'producer_sites',
  {
    id: uuid().primaryKey().defaultRandom(),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    /** The producer's commune when the site was last written: the commune officer's scope. */
    producerCommuneCode: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: SITE_KIND_CODES }).notNull(),
    /** 13 digits with a valid check digit, when the producer has a GLN for the site. */
    gln: text(),
    /** The site's own commune on the 2025 map, in the producer's province. */
    communeCode: text().notNull(),
    address: text(),
    /** `https://id.gs1.org/414/{gln}` or `urn:ocop:vn:site:{id}`: the site in EPCIS events. */
    locationUri: text().notNull(),
    revision: integer().notNull().default(1),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('producer_sites_producer_idx').on(t.producerId, t.name),
    index('producer_sites_province_commune_idx').on(t.provinceCode, t.producerCommuneCode),
    // One GLN names one place: two sites cannot share it.
    uniqueIndex('producer_sites_gln_key').on(t.gln).where(sql`${t.gln} is not null`),
    check('producer_sites_gln_check', sql`${t.gln} is null or ${t.gln} ~ '^[0-9]{13}$'`),
    check('producer_sites_name_check', sql`char_length(${t.name}) between 1 and 200`),
    check('producer_sites_address_check', sql`${t.address} is null or char_length(${t.address}) <= 300`),
  ],
);

export type SiteRow = typeof producerSites.$inferSelect;
export type SiteInsert = typeof producerSites.$inferInsert;
