import type { Transactions } from '../../platform/database/transaction';
import { snapshotInForce } from '@ocop/domain/geography';
import { DomainError, escapeLikePattern, foldVietnamese } from '@ocop/domain/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { adminUnitLinks, adminUnits, type AdminUnitRow } from './admin-unit.tables';

export type AdminUnitService = ReturnType<typeof createAdminUnitService>;

export type UnitLink = { oldUnit: AdminUnitRow; newUnit: AdminUnitRow; whole: boolean };

const LEVEL_ORDER = sql`case ${adminUnits.level} when 'province' then 0 when 'district' then 1 else 2 end`;

export function createAdminUnitService({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  let snapshotCache: string[] | undefined;

  // Every reader takes the executor to use: inside a caller's transaction it must be that
  // transaction, because PGlite has one connection and a query on `db` would wait for ever.
  async function snapshots(): Promise<string[]> {
    if (snapshotCache) return snapshotCache;
    const rows = await db().selectDistinct({ snapshot: adminUnits.snapshot }).from(adminUnits).orderBy(adminUnits.snapshot);
    const list = rows.map((row) => row.snapshot);
    if (list.length > 0) snapshotCache = list; // reference data only grows at start-up
    return list;
  }

  async function snapshotFor(asOf: string | undefined): Promise<string> {
    const list = await snapshots();
    const latest = list.at(-1);
    if (!latest) throw new DomainError('not_found', 'admin_unit.not_found', 'No administrative units are loaded.', { code: '' });
    return asOf ? snapshotInForce(list, asOf) : latest;
  }

  async function findUnit(snapshot: string, code: string) {
    const [row] = await db()
      .select()
      .from(adminUnits)
      .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.code, code)));
    return row;
  }

  async function links(direction: 'successors' | 'predecessors', code: string): Promise<UnitLink[]> {
    const oldUnit = alias(adminUnits, 'old_unit');
    const newUnit = alias(adminUnits, 'new_unit');
    const list = await snapshots();
    const [oldSnapshot, newSnapshot] = [list.at(-2), list.at(-1)];
    if (!oldSnapshot || !newSnapshot) return [];
    const where =
      direction === 'successors'
        ? and(eq(adminUnitLinks.fromSnapshot, oldSnapshot), eq(adminUnitLinks.fromCode, code))
        : and(eq(adminUnitLinks.toSnapshot, newSnapshot), eq(adminUnitLinks.toCode, code));
    const anchor = direction === 'successors' ? await findUnit(oldSnapshot, code) : await findUnit(newSnapshot, code);
    if (!anchor) throw new DomainError('not_found', 'admin_unit.not_found', 'No such unit.', { code });
    const rows = await db()
      .select({ oldUnit, newUnit, whole: adminUnitLinks.whole })
      .from(adminUnitLinks)
      .innerJoin(oldUnit, and(eq(oldUnit.snapshot, adminUnitLinks.fromSnapshot), eq(oldUnit.code, adminUnitLinks.fromCode)))
      .innerJoin(newUnit, and(eq(newUnit.snapshot, adminUnitLinks.toSnapshot), eq(newUnit.code, adminUnitLinks.toCode)))
      .where(where)
      .orderBy(asc(oldUnit.code), asc(newUnit.code));
    return rows;
  }

  return {
    snapshots: () => snapshots(),
    snapshotFor,

    listProvinces: async (asOf?: string) => {
      const snapshot = await snapshotFor(asOf);
      return db()
        .select()
        .from(adminUnits)
        .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.level, 'province')))
        .orderBy(asc(adminUnits.code));
    },

    /** The province and every unit under it on the map in force on `asOf` (latest when omitted). */
    unitsOfProvince: async (provinceCode: string, asOf?: string) => {
      const snapshot = await snapshotFor(asOf);
      const rows = await db()
        .select()
        .from(adminUnits)
        .where(and(eq(adminUnits.snapshot, snapshot), eq(adminUnits.provinceCode, provinceCode)))
        .orderBy(LEVEL_ORDER, asc(adminUnits.code));
      const province = rows.find((row) => row.level === 'province');
      if (!province) throw new DomainError('not_found', 'admin_unit.not_found', 'No such province.', { code: provinceCode });
      return {
        snapshot,
        province,
        districts: rows.filter((row) => row.level === 'district'),
        communes: rows.filter((row) => row.level === 'commune'),
      };
    },

    /** The new commune(s) an old commune went into. */
    successorsOf: (oldCommuneCode: string) => links('successors', oldCommuneCode),
    /** The old communes a new commune was formed from, whole or in part. */
    predecessorsOf: (newCommuneCode: string) => links('predecessors', newCommuneCode),

    search: async (input: { q: string; asOf?: string; provinceCode?: string; level?: AdminUnitRow['level']; limit: number }) => {
      const folded = foldVietnamese(input.q);
      if (folded.length < 2) throw new DomainError('invalid', 'admin_unit.query_too_short', 'The query is too short.');
      const snapshot = await snapshotFor(input.asOf);
      const pattern = `%${escapeLikePattern(folded)}%`;
      const conditions = [eq(adminUnits.snapshot, snapshot), sql`${adminUnits.nameFolded} like ${pattern}`];
      if (input.provinceCode) conditions.push(eq(adminUnits.provinceCode, input.provinceCode));
      if (input.level) conditions.push(eq(adminUnits.level, input.level));
      // Whole-word matches of the name without its type word ("Phường", "Tỉnh") come first.
      const exactness = sql`case when regexp_replace(${adminUnits.nameFolded}, '^(thanh pho|thi xa|thi tran|dac khu|phuong|huyen|quan|tinh|xa) ', '') = ${folded} then 0 when ${adminUnits.nameFolded} like ${`%${escapeLikePattern(folded)}`} then 1 else 2 end`;
      return db()
        .select()
        .from(adminUnits)
        .where(and(...conditions))
        .orderBy(exactness, LEVEL_ORDER, asc(adminUnits.nameFolded))
        .limit(input.limit);
    },

    /** A commune of the current map inside the province, or a clear refusal naming both codes. */
    assertCommuneInProvince: async (communeCode: string, provinceCode: string) => {
      const snapshot = await snapshotFor(undefined);
      const unit = await findUnit(snapshot, communeCode);
      if (unit?.level !== 'commune' || unit.provinceCode !== provinceCode) {
        throw new DomainError('invalid', 'admin_unit.commune_not_found', 'No such commune in this province.', {
          code: communeCode,
          provinceCode,
        });
      }
      return unit;
    },

    findUnit: async (code: string, asOf?: string) => findUnit(await snapshotFor(asOf), code),
  };
}
