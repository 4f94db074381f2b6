import { and, eq } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { type SelfAssessmentRow, selfAssessments } from './self-assessment.tables';

export type SelfAssessmentRepository = ReturnType<typeof createSelfAssessmentRepository>;

export function createSelfAssessmentRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();
  return {
    findByProduct: async (productId: string): Promise<SelfAssessmentRow | undefined> =>
      (await db().select().from(selfAssessments).where(eq(selfAssessments.productId, productId)))[0],

    /** The first save of a product's answers; undefined when another save got there first. */
    insert: async (row: typeof selfAssessments.$inferInsert): Promise<SelfAssessmentRow | undefined> =>
      (await db().insert(selfAssessments).values(row).onConflictDoNothing().returning())[0],

    /** Saves over `revision`; undefined when the stored revision moved on meanwhile. */
    saveOver: async (
      productId: string,
      revision: number,
      change: { criteriaVersionId: string; answers: Record<string, string>; updatedAt: Date; updatedBy: string | null },
    ): Promise<SelfAssessmentRow | undefined> =>
      (
        await db()
          .update(selfAssessments)
          .set({ ...change, revision: revision + 1 })
          .where(and(eq(selfAssessments.productId, productId), eq(selfAssessments.revision, revision)))
          .returning()
      )[0],
  };
}
