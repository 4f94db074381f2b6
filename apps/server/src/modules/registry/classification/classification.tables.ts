import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A classification of OCOP products under one legal text (QĐ 1048/2019, QĐ 148/2023, …), with the
 * dates it was in force. Rules that change by decree are data: a new decision adds a version.
 */
export const classificationVersions = pgTable('classification_versions', {
  code: text().primaryKey(), // 'qd148-2023'
  name: text().notNull(),
  legalBasis: text().notNull(), // 'QĐ 148/QĐ-TTg ngày 24/02/2023'
  effectiveFrom: date({ mode: 'string' }).notNull(),
  effectiveTo: date({ mode: 'string' }),
  note: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Top level of a classification: 6 nhóm sản phẩm (148) or 6 ngành (1048). */
export const productGroups = pgTable(
  'product_groups',
  {
    versionCode: text()
      .notNull()
      .references(() => classificationVersions.code),
    code: text().notNull(), // '1'
    name: text().notNull(),
    sortOrder: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionCode, t.code] })],
);

/** Bộ sản phẩm: the leaf of a classification, each scored with its own sheet. */
export const productSets = pgTable(
  'product_sets',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionCode: text()
      .notNull()
      .references(() => classificationVersions.code),
    code: text().notNull(), // '1.5.1': group.subgroup.set within its version
    groupCode: text().notNull(),
    subgroupCode: text(),
    subgroupName: text(),
    name: text().notNull(),
    nameFolded: text().notNull(),
    managingAgency: text(),
    requiresSamples: boolean().notNull().default(true),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    effectiveTo: date({ mode: 'string' }),
    sortOrder: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_sets_version_code_key').on(t.versionCode, t.code),
    foreignKey({ columns: [t.versionCode, t.groupCode], foreignColumns: [productGroups.versionCode, productGroups.code] }),
  ],
);

/** Which current set(s) a set of an earlier classification became; `isPrimary` marks the usual one. */
export const productSetMappings = pgTable(
  'product_set_mappings',
  {
    legacySetId: uuid()
      .notNull()
      .references(() => productSets.id),
    currentSetId: uuid()
      .notNull()
      .references(() => productSets.id),
    isPrimary: boolean().notNull(),
    note: text(),
  },
  (t) => [primaryKey({ columns: [t.legacySetId, t.currentSetId] }), index('product_set_mappings_current_idx').on(t.currentSetId)],
);

export type ClassificationVersionRow = typeof classificationVersions.$inferSelect;
export type ProductGroupRow = typeof productGroups.$inferSelect;
export type ProductSetRow = typeof productSets.$inferSelect;
