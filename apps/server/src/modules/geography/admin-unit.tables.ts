import { boolean, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Every administrative unit of every loaded snapshot. Codes are the GSO codes; the same code can
 * name different units in different snapshots (a new commune often keeps one old code), so the
 * snapshot is part of the key.
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    snapshot: text().notNull(),
    code: text().notNull(),
    level: text({ enum: ['province', 'district', 'commune'] }).notNull(),
    name: text().notNull(),
    type: text(),
    parentCode: text(),
    provinceCode: text().notNull(),
    nameFolded: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshot, t.code] }),
    index('admin_units_province_idx').on(t.snapshot, t.provinceCode, t.level),
    index('admin_units_parent_idx').on(t.snapshot, t.parentCode),
  ],
);

/** How units of one snapshot became units of the next: an old unit into a new one, whole or in part. */
export const adminUnitLinks = pgTable(
  'admin_unit_links',
  {
    fromSnapshot: text().notNull(),
    fromCode: text().notNull(),
    toSnapshot: text().notNull(),
    toCode: text().notNull(),
    level: text({ enum: ['province', 'district', 'commune'] }).notNull(),
    whole: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fromSnapshot, t.fromCode, t.toSnapshot, t.toCode] }),
    index('admin_unit_links_to_idx').on(t.toSnapshot, t.toCode),
  ],
);

export type AdminUnitRow = typeof adminUnits.$inferSelect;
