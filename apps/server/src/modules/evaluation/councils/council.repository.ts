import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { dossiers } from '../dossiers/dossier.tables';
import { evaluationRounds } from '../rounds/round.tables';
import {
  type ConflictDeclarationRow,
  type CouncilMemberRow,
  type CouncilRow,
  conflictDeclarations,
  councilMembers,
  councils,
  type ScoreSheetRow,
  scoreSheets,
} from './council.tables';

export type CouncilRepository = ReturnType<typeof createCouncilRepository>;

/** What the council and scoring read of a dossier (the dossier's own service owns the rest). */
const dossierColumns = {
  id: dossiers.id,
  provinceCode: dossiers.provinceCode,
  roundId: dossiers.roundId,
  state: dossiers.state,
  regimeCode: dossiers.regimeCode,
  criteriaVersionId: dossiers.criteriaVersionId,
  councilId: dossiers.councilId,
};
export type ScoredDossier = { [K in keyof typeof dossierColumns]: (typeof dossiers.$inferSelect)[K] };

type SheetChange = Pick<ScoreSheetRow, 'answers' | 'comments' | 'total' | 'updatedAt'>;
type SealChange = Pick<ScoreSheetRow, 'total' | 'updatedAt'> & { submittedAt: Date; sealSeq: number; prevHash: string; hash: string };

/** The only SQL on councils, their members, conflict declarations and score sheets; it reads dossiers and sets their council. */
export function createCouncilRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();
  return {
    // ————— Rounds and dossiers (read; the council column is the one write) —————
    findRound: async (id: string) =>
      (
        await db()
          .select({ id: evaluationRounds.id, provinceCode: evaluationRounds.provinceCode })
          .from(evaluationRounds)
          .where(eq(evaluationRounds.id, id))
      )[0],

    findDossier: async (id: string, lock = false): Promise<ScoredDossier | undefined> => {
      const query = db().select(dossierColumns).from(dossiers).where(eq(dossiers.id, id));
      return (await (lock ? query.for('update') : query))[0];
    },

    listDossiers: (ids: readonly string[]): Promise<ScoredDossier[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db()
            .select(dossierColumns)
            .from(dossiers)
            .where(inArray(dossiers.id, [...ids])),

    listDossiersOfCouncil: (councilId: string) =>
      db()
        .select({ id: dossiers.id, state: dossiers.state })
        .from(dossiers)
        .where(eq(dossiers.councilId, councilId))
        .orderBy(asc(dossiers.createdAt)),

    assignDossiers: async (ids: readonly string[], councilId: string) => {
      if (ids.length > 0)
        await db()
          .update(dossiers)
          .set({ councilId })
          .where(inArray(dossiers.id, [...ids]));
    },

    // ————— Councils and members —————
    insertCouncil: async (row: typeof councils.$inferInsert): Promise<CouncilRow> => {
      const [inserted] = await db().insert(councils).values(row).returning();
      if (!inserted) throw new Error('council not inserted');
      return inserted;
    },

    findCouncil: async (id: string): Promise<CouncilRow | undefined> => (await db().select().from(councils).where(eq(councils.id, id)))[0],

    listCouncilsOfRound: (roundId: string): Promise<CouncilRow[]> =>
      db().select().from(councils).where(eq(councils.roundId, roundId)).orderBy(asc(councils.createdAt), asc(councils.name)),

    listMembers: (councilId: string): Promise<CouncilMemberRow[]> =>
      db()
        .select()
        .from(councilMembers)
        .where(eq(councilMembers.councilId, councilId))
        .orderBy(
          sql`case ${councilMembers.position} when 'chair' then 0 when 'member' then 1 when 'secretary' then 2 else 3 end`,
          asc(councilMembers.fullName),
        ),

    findMember: async (councilId: string, memberId: string): Promise<CouncilMemberRow | undefined> =>
      (
        await db()
          .select()
          .from(councilMembers)
          .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.id, memberId)))
      )[0],

    findMemberByUser: async (councilId: string, userId: string): Promise<CouncilMemberRow | undefined> =>
      (
        await db()
          .select()
          .from(councilMembers)
          .where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.userId, userId)))
      )[0],

    /** Undefined when the user sits on the council already. */
    insertMember: async (row: typeof councilMembers.$inferInsert): Promise<CouncilMemberRow | undefined> =>
      (await db().insert(councilMembers).values(row).onConflictDoNothing().returning())[0],

    deleteMember: async (memberId: string) => {
      await db()
        .delete(scoreSheets)
        .where(and(eq(scoreSheets.memberId, memberId), eq(scoreSheets.status, 'draft')));
      await db().delete(councilMembers).where(eq(councilMembers.id, memberId));
    },

    countSubmittedOf: async (memberId: string): Promise<number> =>
      (
        await db()
          .select({ count: sql<number>`count(*)::int` })
          .from(scoreSheets)
          .where(and(eq(scoreSheets.memberId, memberId), eq(scoreSheets.status, 'submitted')))
      )[0]?.count ?? 0,

    /** Sheets of the dossier by members of other councils (a reassignment would orphan them). */
    countSheetsOutside: async (dossierId: string, councilId: string): Promise<number> =>
      (
        await db()
          .select({ count: sql<number>`count(*)::int` })
          .from(scoreSheets)
          .innerJoin(councilMembers, eq(councilMembers.id, scoreSheets.memberId))
          .where(and(eq(scoreSheets.dossierId, dossierId), sql`${councilMembers.councilId} <> ${councilId}`))
      )[0]?.count ?? 0,

    // ————— Conflict declarations —————
    findConflict: async (memberId: string, dossierId: string): Promise<ConflictDeclarationRow | undefined> =>
      (
        await db()
          .select()
          .from(conflictDeclarations)
          .where(and(eq(conflictDeclarations.memberId, memberId), eq(conflictDeclarations.dossierId, dossierId)))
      )[0],

    saveConflict: async (row: ConflictDeclarationRow): Promise<ConflictDeclarationRow> => {
      const [saved] = await db()
        .insert(conflictDeclarations)
        .values(row)
        .onConflictDoUpdate({
          target: [conflictDeclarations.memberId, conflictDeclarations.dossierId],
          set: { hasConflict: row.hasConflict, reason: row.reason, declaredAt: row.declaredAt },
        })
        .returning();
      if (!saved) throw new Error('conflict declaration not saved');
      return saved;
    },

    listConflicts: (dossierId: string): Promise<ConflictDeclarationRow[]> =>
      db().select().from(conflictDeclarations).where(eq(conflictDeclarations.dossierId, dossierId)),

    // ————— Score sheets —————
    findSheet: async (dossierId: string, memberId: string): Promise<ScoreSheetRow | undefined> =>
      (
        await db()
          .select()
          .from(scoreSheets)
          .where(and(eq(scoreSheets.dossierId, dossierId), eq(scoreSheets.memberId, memberId)))
      )[0],

    /** Undefined when another first save got there first. */
    insertSheet: async (row: typeof scoreSheets.$inferInsert): Promise<ScoreSheetRow | undefined> =>
      (await db().insert(scoreSheets).values(row).onConflictDoNothing().returning())[0],

    /** Saves a draft over `revision`; undefined when it moved on or was submitted meanwhile. */
    saveDraftOver: async (id: string, revision: number, change: SheetChange): Promise<ScoreSheetRow | undefined> =>
      (
        await db()
          .update(scoreSheets)
          .set({ ...change, revision: revision + 1 })
          .where(and(eq(scoreSheets.id, id), eq(scoreSheets.revision, revision), eq(scoreSheets.status, 'draft')))
          .returning()
      )[0],

    deleteDraft: async (id: string): Promise<boolean> =>
      (
        await db()
          .delete(scoreSheets)
          .where(and(eq(scoreSheets.id, id), eq(scoreSheets.status, 'draft')))
          .returning({ id: scoreSheets.id })
      ).length > 0,

    /** The sealed sheet last in the dossier's chain. */
    lastSealed: async (dossierId: string): Promise<Pick<ScoreSheetRow, 'sealSeq' | 'hash'> | undefined> =>
      (
        await db()
          .select({ sealSeq: scoreSheets.sealSeq, hash: scoreSheets.hash })
          .from(scoreSheets)
          .where(and(eq(scoreSheets.dossierId, dossierId), isNotNull(scoreSheets.sealSeq)))
          .orderBy(sql`${scoreSheets.sealSeq} desc`)
          .limit(1)
      )[0],

    /** Submits and seals a draft read at `revision`; undefined when it moved on meanwhile. */
    seal: async (id: string, revision: number, change: SealChange): Promise<ScoreSheetRow | undefined> =>
      (
        await db()
          .update(scoreSheets)
          .set({ ...change, status: 'submitted', revision: revision + 1 })
          .where(and(eq(scoreSheets.id, id), eq(scoreSheets.revision, revision), eq(scoreSheets.status, 'draft')))
          .returning()
      )[0],

    listSheets: (dossierId: string): Promise<ScoreSheetRow[]> =>
      db()
        .select()
        .from(scoreSheets)
        .where(eq(scoreSheets.dossierId, dossierId))
        .orderBy(asc(scoreSheets.sealSeq), asc(scoreSheets.updatedAt)),

    /** Every row that takes part in a chain: submitted, or carrying any seal field. */
    listSealed: (dossierId?: string): Promise<ScoreSheetRow[]> => {
      const sealed = or(eq(scoreSheets.status, 'submitted'), isNotNull(scoreSheets.sealSeq), isNotNull(scoreSheets.hash));
      return db()
        .select()
        .from(scoreSheets)
        .where(dossierId ? and(eq(scoreSheets.dossierId, dossierId), sealed) : sealed)
        .orderBy(asc(scoreSheets.dossierId), asc(scoreSheets.sealSeq));
    },
  };
}
