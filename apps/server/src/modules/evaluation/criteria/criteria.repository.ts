import type { CriteriaSet } from '@ocop/domain/evaluation';
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import {
  type CriteriaVersionRow,
  type CriteriaVersionStatus,
  criteriaVersions,
  type EvaluationRegimeRow,
  evaluationRegimes,
} from './criteria.tables';

export type CriteriaRepository = ReturnType<typeof createCriteriaRepository>;

export function createCriteriaRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();
  return {
    listRegimes: (): Promise<EvaluationRegimeRow[]> => db().select().from(evaluationRegimes),

    findRegime: async (code: string): Promise<EvaluationRegimeRow | undefined> =>
      (await db().select().from(evaluationRegimes).where(eq(evaluationRegimes.code, code)))[0],

    /** Versions of a regime's sets (drafts and published ones; superseded only when asked), newest first per set. */
    listVersions: (regimeCode: string, statuses: readonly CriteriaVersionStatus[]): Promise<CriteriaVersionRow[]> =>
      db()
        .select()
        .from(criteriaVersions)
        .where(and(eq(criteriaVersions.regimeCode, regimeCode), inArray(criteriaVersions.status, [...statuses])))
        .orderBy(asc(criteriaVersions.productSetCode), desc(criteriaVersions.version)),

    listVersionsOfSet: (regimeCode: string, productSetCode: string): Promise<CriteriaVersionRow[]> =>
      db()
        .select()
        .from(criteriaVersions)
        .where(and(eq(criteriaVersions.regimeCode, regimeCode), eq(criteriaVersions.productSetCode, productSetCode)))
        .orderBy(desc(criteriaVersions.version)),

    findVersion: async (id: string): Promise<CriteriaVersionRow | undefined> =>
      (await db().select().from(criteriaVersions).where(eq(criteriaVersions.id, id)))[0],

    findPublished: async (regimeCode: string, productSetCode: string): Promise<CriteriaVersionRow | undefined> =>
      (
        await db()
          .select()
          .from(criteriaVersions)
          .where(
            and(
              eq(criteriaVersions.regimeCode, regimeCode),
              eq(criteriaVersions.productSetCode, productSetCode),
              eq(criteriaVersions.status, 'published'),
            ),
          )
      )[0],

    countPublished: async (): Promise<Map<string, number>> => {
      const rows = await db()
        .select({ regimeCode: criteriaVersions.regimeCode, id: criteriaVersions.id })
        .from(criteriaVersions)
        .where(eq(criteriaVersions.status, 'published'));
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.regimeCode, (counts.get(row.regimeCode) ?? 0) + 1);
      return counts;
    },

    nextVersionNumber: async (regimeCode: string, productSetCode: string): Promise<number> => {
      const [row] = await db()
        .select({ top: max(criteriaVersions.version) })
        .from(criteriaVersions)
        .where(and(eq(criteriaVersions.regimeCode, regimeCode), eq(criteriaVersions.productSetCode, productSetCode)));
      return (row?.top ?? 0) + 1;
    },

    insertVersion: async (row: typeof criteriaVersions.$inferInsert): Promise<CriteriaVersionRow> => {
      const [inserted] = await db().insert(criteriaVersions).values(row).returning();
      if (!inserted) throw new Error('insert returned nothing');
      return inserted;
    },

    /** Replaces a draft's content if its revision is still `revision`; undefined when it moved on or is no draft. */
    saveDraft: async (id: string, revision: number, content: CriteriaSet, at: Date): Promise<CriteriaVersionRow | undefined> => {
      const [row] = await db()
        .update(criteriaVersions)
        .set({ content, revision: revision + 1, updatedAt: at })
        .where(and(eq(criteriaVersions.id, id), eq(criteriaVersions.status, 'draft'), eq(criteriaVersions.revision, revision)))
        .returning();
      return row;
    },

    setStatus: async (
      id: string,
      from: CriteriaVersionStatus,
      to: CriteriaVersionStatus,
      stamp: { at: Date; by: string | null } | null,
    ): Promise<CriteriaVersionRow | undefined> => {
      const [row] = await db()
        .update(criteriaVersions)
        .set({
          status: to,
          updatedAt: stamp?.at ?? new Date(),
          ...(stamp && to === 'published' ? { publishedAt: stamp.at, publishedBy: stamp.by } : {}),
        })
        .where(and(eq(criteriaVersions.id, id), eq(criteriaVersions.status, from)))
        .returning();
      return row;
    },

    deleteDraft: async (id: string): Promise<boolean> =>
      (
        await db()
          .delete(criteriaVersions)
          .where(and(eq(criteriaVersions.id, id), eq(criteriaVersions.status, 'draft')))
          .returning({ id: criteriaVersions.id })
      ).length > 0,
  };
}
