import { and, asc, count, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { dossiers } from '../dossiers/dossier.tables';
import { type EvaluationHolidayRow, type EvaluationRoundRow, evaluationHolidays, evaluationRounds } from './round.tables';

export type RoundRepository = ReturnType<typeof createRoundRepository>;

export function createRoundRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();
  return {
    findById: async (id: string): Promise<EvaluationRoundRow | undefined> =>
      (await db().select().from(evaluationRounds).where(eq(evaluationRounds.id, id)))[0],

    /** Rounds of some provinces (all when `provinceCodes` is 'all'), a year's or every year's, in date order, with their dossier counts. */
    list: async (provinceCodes: readonly string[] | 'all', year?: number) => {
      const rows = await db()
        .select({ round: evaluationRounds, dossierCount: count(dossiers.id) })
        .from(evaluationRounds)
        .leftJoin(dossiers, eq(dossiers.roundId, evaluationRounds.id))
        .where(
          and(
            provinceCodes === 'all' ? undefined : inProvinces(provinceCodes),
            year === undefined ? undefined : eq(evaluationRounds.year, year),
          ),
        )
        .groupBy(evaluationRounds.id)
        .orderBy(asc(evaluationRounds.proposalsBy), asc(evaluationRounds.level));
      return rows.map((row) => ({ ...row.round, dossierCount: Number(row.dossierCount) }));
    },

    nextOrdinal: async (provinceCode: string, level: string, year: number): Promise<number> => {
      const [row] = await db()
        .select({ last: max(evaluationRounds.ordinal) })
        .from(evaluationRounds)
        .where(
          and(
            eq(evaluationRounds.provinceCode, provinceCode),
            eq(evaluationRounds.level, level as EvaluationRoundRow['level']),
            eq(evaluationRounds.year, year),
          ),
        );
      return (row?.last ?? 0) + 1;
    },

    /** Inserts; undefined when the province already has that ordinal of that year and level. */
    insert: async (row: typeof evaluationRounds.$inferInsert): Promise<EvaluationRoundRow | undefined> =>
      (await db().insert(evaluationRounds).values(row).onConflictDoNothing().returning())[0],

    update: async (id: string, change: Partial<typeof evaluationRounds.$inferInsert>): Promise<EvaluationRoundRow | undefined> =>
      (await db().update(evaluationRounds).set(change).where(eq(evaluationRounds.id, id)).returning())[0],

    holidays: (provinceCode: string, from?: string, to?: string): Promise<EvaluationHolidayRow[]> =>
      db()
        .select()
        .from(evaluationHolidays)
        .where(
          and(
            eq(evaluationHolidays.provinceCode, provinceCode),
            from ? gte(evaluationHolidays.day, from) : undefined,
            to ? lte(evaluationHolidays.day, to) : undefined,
          ),
        )
        .orderBy(asc(evaluationHolidays.day)),

    /** Replaces a province's holidays of one year. */
    replaceHolidays: async (provinceCode: string, year: number, holidays: readonly { day: string; name: string }[]) => {
      await db()
        .delete(evaluationHolidays)
        .where(
          and(
            eq(evaluationHolidays.provinceCode, provinceCode),
            gte(evaluationHolidays.day, `${year}-01-01`),
            lte(evaluationHolidays.day, `${year}-12-31`),
          ),
        );
      if (holidays.length > 0)
        await db()
          .insert(evaluationHolidays)
          .values(holidays.map((holiday) => ({ provinceCode, ...holiday })));
    },
  };
}

function inProvinces(codes: readonly string[]) {
  // No province reached: a condition no row meets (inArray refuses an empty list).
  return codes.length === 0 ? eq(evaluationRounds.provinceCode, '') : inArray(evaluationRounds.provinceCode, [...codes]);
}
