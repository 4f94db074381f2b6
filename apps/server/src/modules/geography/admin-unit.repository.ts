import type { Transactions } from '../../platform/database/transaction';
import { escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { adminUnitLinks, adminUnits, type AdminUnitRow } from './admin-unit.tables';

export type AdminUnitRepository = ReturnType<typeof createAdminUnitRepository>;

export type UnitLink = { oldUnit: AdminUnitRow; newUnit: AdminUnitRow; whole: boolean };
export type UnitInsert = typeof adminUnits.$inferInsert;
export type LinkInsert = typeof adminUnitLinks.$inferInsert;

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const LEVEL_ORDER = sql`case ${adminUnits.level} when 'province' then 0 when 'district' then 1 else 2 end`;

/** The only SQL on the administrative map tables; every query runs on the ambient transaction's handle. */
export function createAdminUnitRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** Writes a whole snapshot of the map; run it in one transaction, so a crash leaves all of it or none. */
    insertSnapshot: async (units: UnitInsert[], links: LinkInsert[]): Promise<void> => {
      for (const chunk of chunks(units, 1000)) await db().insert(adminUnits).values(chunk);
      for (const chunk of chunks(links, 1000)) await db().insert(adminUnitLinks).values(chunk).onConflictDoNothing();
    },

    listSnapshots: async (): Promise<string[]> => {
      const rows = await db().selectDistinct({ snapshot: adminUnits.snapshot }).from(adminUnits).orderBy(adminUnits.snapshot);
      return rows.map((row) => row.snapshot);
    },

    findByCode: async (snapshot: string, code: string): Promise<AdminUnitRow | undefined> => {
      const [row] = await db()
        .select()
        .from(adminUnits)
        .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.code, code)));
      return row;
    },

    listProvinces: (snapshot: string) =>
      db()
        .select()
        .from(adminUnits)
        .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.level, 'province')))
        .orderBy(asc(adminUnits.code)),

    /** The province and every unit under it, province first, then districts, then communes. */
    listByProvince: (snapshot: string, provinceCode: string) =>
      db()
        .select()
        .from(adminUnits)
        .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.provinceCode, provinceCode)))
        .orderBy(LEVEL_ORDER, asc(adminUnits.code)),

    /** Links of one unit between two snapshots, seen from its old code or from its new code. */
    listLinks: (side: { fromSnapshot: string; fromCode: string } | { toSnapshot: string; toCode: string }): Promise<UnitLink[]> => {
      const oldUnit = alias(adminUnits, 'old_unit');
      const newUnit = alias(adminUnits, 'new_unit');
      const where =
        'fromCode' in side
          ? and(eq(adminUnitLinks.fromSnapshot, side.fromSnapshot), eq(adminUnitLinks.fromCode, side.fromCode))
          : and(eq(adminUnitLinks.toSnapshot, side.toSnapshot), eq(adminUnitLinks.toCode, side.toCode));
      return db()
        .select({ oldUnit, newUnit, whole: adminUnitLinks.whole })
        .from(adminUnitLinks)
        .innerJoin(oldUnit, and(eq(oldUnit.snapshot, adminUnitLinks.fromSnapshot), eq(oldUnit.code, adminUnitLinks.fromCode)))
        .innerJoin(newUnit, and(eq(newUnit.snapshot, adminUnitLinks.toSnapshot), eq(newUnit.code, adminUnitLinks.toCode)))
        .where(where)
        .orderBy(asc(oldUnit.code), asc(newUnit.code));
    },

    /** Units whose folded name contains `folded`; whole-word matches without the type word first. */
    searchByName: (input: { snapshot: string; folded: string; provinceCode?: string; level?: AdminUnitRow['level']; limit: number }) => {
      const { folded } = input;
      const pattern = `%${escapeLikePattern(folded)}%`;
      const conditions = [eq(adminUnits.snapshot, input.snapshot), sql`${adminUnits.nameFolded} like ${pattern}`];
      if (input.provinceCode) conditions.push(eq(adminUnits.provinceCode, input.provinceCode));
      if (input.level) conditions.push(eq(adminUnits.level, input.level));
      const exactness = sql`case when regexp_replace(${adminUnits.nameFolded}, '^(thanh pho|thi xa|thi tran|dac khu|phuong|huyen|quan|tinh|xa) ', '') = ${folded} then 0 when ${adminUnits.nameFolded} like ${`%${escapeLikePattern(folded)}`} then 1 else 2 end`;
      return db()
        .select()
        .from(adminUnits)
        .where(and(...conditions))
        .orderBy(exactness, LEVEL_ORDER, asc(adminUnits.nameFolded))
        .limit(input.limit);
    },
  };
}
