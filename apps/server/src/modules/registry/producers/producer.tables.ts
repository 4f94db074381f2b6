import { LEGAL_FORMS, PRODUCER_STATUSES, PRODUCER_TYPES } from '@ocop/domain/registry';
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { importJobs } from '../imports/import.tables';

/** Chủ thể OCOP. Every row carries its province; every query is scoped by the reader's grants. */
export const producers = pgTable(
  'producers',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    type: text({ enum: PRODUCER_TYPES }).notNull(),
    legalForm: text({ enum: LEGAL_FORMS }),
    name: text().notNull(),
    /** Tax code, or a household/group registration number; normalised (no spaces, upper case). */
    registrationNumber: text().notNull(),
    /** Commune on the 2025-07-01 map. */
    communeCode: text().notNull(),
    /** Commune and district on the 2025-03-01 map, kept for records made before the reform. */
    legacyCommuneCode: text(),
    legacyDistrictCode: text(),
    address: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    representativeName: text(),
    phone: text(),
    email: text(),
    foundingYear: integer(),
    memberCount: integer(),
    status: text({ enum: PRODUCER_STATUSES }).notNull().default('active'),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    /** foldVietnamese(name), for sorting the same way on every engine. */
    nameFolded: text().notNull(),
    /** foldVietnamese(name + registration number), searched with a trigram index. */
    searchFolded: text().notNull(),
    isDemo: boolean().notNull().default(false),
    /** The spreadsheet import that added the producer; part of the registry once it completed (`isPublishedProducer`). */
    importId: uuid().references(() => importJobs.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('producers_registration_number_key').on(t.provinceCode, t.registrationNumber),
    index('producers_province_commune_idx').on(t.provinceCode, t.communeCode),
    index('producers_legacy_commune_idx').on(t.provinceCode, t.legacyCommuneCode),
    index('producers_name_idx').on(t.provinceCode, t.nameFolded),
    index('producers_search_trgm').using('gin', t.searchFolded.op('gin_trgm_ops')),
    index('producers_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    check('producers_legal_form_check', sql`(${t.type} = 'enterprise') = (${t.legalForm} is not null)`),
    check('producers_location_check', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  ],
);

export type ProducerRow = typeof producers.$inferSelect;
export type ProducerInsert = typeof producers.$inferInsert;
