import type { Transactions } from '../../../platform/database/transaction';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ClassificationVersionRow,
  classificationVersions,
  type ProductGroupRow,
  productGroups,
  productSetMappings,
  type ProductSetRow,
  productSets,
} from './classification.tables';

export type ClassificationRepository = ReturnType<typeof createClassificationRepository>;

export type ProductSetLink = { id: string; versionCode: string; code: string; name: string; isPrimary: boolean; note: string | null };

/** The only SQL on the classification tables; every query runs on the ambient transaction's handle. */
export function createClassificationRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    listVersions: (): Promise<ClassificationVersionRow[]> =>
      db().select().from(classificationVersions).orderBy(asc(classificationVersions.effectiveFrom)),

    findSetById: async (id: string): Promise<ProductSetRow | undefined> => {
      const [row] = await db().select().from(productSets).where(eq(productSets.id, id));
      return row;
    },

    listSets: (query: { versionCodes: string[]; groupCode?: string | undefined }): Promise<ProductSetRow[]> => {
      const conditions = [inArray(productSets.versionCode, query.versionCodes)];
      if (query.groupCode) conditions.push(eq(productSets.groupCode, query.groupCode));
      return db()
        .select()
        .from(productSets)
        .where(and(...conditions))
        .orderBy(asc(productSets.sortOrder));
    },

    listGroupsByVersions: (versionCodes: string[]): Promise<ProductGroupRow[]> =>
      db().select().from(productGroups).where(inArray(productGroups.versionCode, versionCodes)).orderBy(asc(productGroups.sortOrder)),

    /** Sets by id with their group's name; unknown ids are skipped. */
    listSetsWithGroupByIds: (ids: string[]) =>
      db()
        .select({ set: productSets, groupName: productGroups.name })
        .from(productSets)
        .innerJoin(
          productGroups,
          and(eq(productGroups.versionCode, productSets.versionCode), eq(productGroups.code, productSets.groupCode)),
        )
        .where(inArray(productSets.id, ids)),

    /** Mappings of the given sets, seen from the 1048-era side (`mapsTo`) or from the current side (`mappedFrom`). */
    listLinks: async (setIds: string[], direction: 'mapsTo' | 'mappedFrom') => {
      const other = alias(productSets, 'other_set');
      const [anchorColumn, otherColumn] =
        direction === 'mapsTo'
          ? [productSetMappings.legacySetId, productSetMappings.currentSetId]
          : [productSetMappings.currentSetId, productSetMappings.legacySetId];
      return db()
        .select({
          anchor: anchorColumn,
          id: other.id,
          versionCode: other.versionCode,
          code: other.code,
          name: other.name,
          isPrimary: productSetMappings.isPrimary,
          note: productSetMappings.note,
        })
        .from(productSetMappings)
        .innerJoin(other, eq(other.id, otherColumn))
        .where(inArray(anchorColumn, setIds))
        .orderBy(asc(other.sortOrder));
    },

    updateSet: async (id: string, patch: Partial<typeof productSets.$inferInsert>): Promise<ProductSetRow | undefined> => {
      const [after] = await db().update(productSets).set(patch).where(eq(productSets.id, id)).returning();
      return after;
    },
  };
}
