import { eq, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { lotCartonCounters } from './step.tables';

export type StepRepository = ReturnType<typeof createStepRepository>;

/** The only SQL of the steps: carton numbering. */
export function createStepRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** The last carton number of the lot (0 before any), its row locked until the transaction ends. */
    lastCartonNumberForUpdate: async (lotId: string): Promise<number> => {
      await db().insert(lotCartonCounters).values({ lotId, lastNumber: 0 }).onConflictDoNothing();
      const [row] = await db().select().from(lotCartonCounters).where(eq(lotCartonCounters.lotId, lotId)).for('update');
      return row?.lastNumber ?? 0;
    },

    /** Takes `count` more numbers; the caller has checked the bound under the lock. */
    advanceCartonNumber: async (lotId: string, count: number): Promise<void> => {
      await db()
        .update(lotCartonCounters)
        .set({ lastNumber: sql`${lotCartonCounters.lastNumber} + ${count}` })
        .where(eq(lotCartonCounters.lotId, lotId));
    },
  };
}
