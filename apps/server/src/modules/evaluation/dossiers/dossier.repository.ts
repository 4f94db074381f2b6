import type { DossierState } from '@ocop/domain/evaluation';
import { escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { councilMembers, councils } from '../councils/council.tables';
import { evaluationRounds } from '../rounds/round.tables';
import {
  type DossierEvidenceRow,
  type DossierInsert,
  type DossierRow,
  type DossierTransitionRow,
  dossierEvidence,
  dossierTransitions,
  dossiers,
  type EvaluationDecisionRow,
  evaluationDecisions,
} from './dossier.tables';

export type DossierRepository = ReturnType<typeof createDossierRepository>;

/** Where a reader's grants reach, as the board's SQL needs it; `councilMemberUserId` adds the dossiers of that user's councils. */
export type DossierReach =
  | 'all'
  | {
      provinceCodes: string[];
      communes: { provinceCode: string; communeCode: string }[];
      producerIds: string[];
      councilMemberUserId: string | null;
    };

export type DossierFilters = {
  roundId?: string | undefined;
  state?: DossierState | undefined;
  kind?: DossierRow['kind'] | undefined;
  communeCode?: string | undefined;
  producerId?: string | undefined;
  q?: string | undefined;
};

/** A dossier with its round's name, as a list or a screen shows it. */
export type DossierJoined = DossierRow & { roundName: string };

const joinedColumns = { dossier: dossiers, roundName: evaluationRounds.name };

const flatten = (row: { dossier: DossierRow; roundName: string }): DossierJoined => ({ ...row.dossier, roundName: row.roundName });

function reachCondition(reach: DossierReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(dossiers.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(dossiers.provinceCode, commune.provinceCode), eq(dossiers.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(dossiers.producerId, reach.producerIds));
  if (reach.councilMemberUserId)
    parts.push(
      inArray(
        dossiers.councilId,
        sql`(select ${councilMembers.councilId} from ${councilMembers} where ${councilMembers.userId} = ${reach.councilMemberUserId})`,
      ),
    );
  // Reaching nowhere: no row.
  return parts.length > 0 ? or(...parts) : sql`false`;
}

function filterConditions(filters: DossierFilters, withState: boolean): SQL[] {
  const conditions: SQL[] = [];
  if (filters.roundId) conditions.push(eq(dossiers.roundId, filters.roundId));
  if (withState && filters.state) conditions.push(eq(dossiers.state, filters.state));
  if (filters.kind) conditions.push(eq(dossiers.kind, filters.kind));
  if (filters.communeCode) conditions.push(eq(dossiers.communeCode, filters.communeCode));
  if (filters.producerId) conditions.push(eq(dossiers.producerId, filters.producerId));
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${escapeLikePattern(q)}%`;
    const match = or(ilike(dossiers.productName, pattern), ilike(dossiers.producerName, pattern), ilike(dossiers.productCode, pattern));
    if (match) conditions.push(match);
  }
  return conditions;
}

export function createDossierRepository({ transactions }: { transactions: Transactions }) {
  const db = () => transactions.db();
  const joined = () => db().select(joinedColumns).from(dossiers).innerJoin(evaluationRounds, eq(evaluationRounds.id, dossiers.roundId));

  return {
    findById: async (id: string): Promise<DossierRow | undefined> => (await db().select().from(dossiers).where(eq(dossiers.id, id)))[0],

    findJoined: async (id: string): Promise<DossierJoined | undefined> => {
      const [row] = await joined().where(eq(dossiers.id, id));
      return row ? flatten(row) : undefined;
    },

    /** Several dossiers with their names, in the order of `ids`. */
    findJoinedMany: async (ids: readonly string[]): Promise<DossierJoined[]> => {
      if (ids.length === 0) return [];
      const rows = (await joined().where(inArray(dossiers.id, [...ids]))).map(flatten);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)).filter((row): row is DossierJoined => row !== undefined);
    },

    /** Inserts; undefined when the product already has a dossier in progress. */
    insert: async (row: DossierInsert): Promise<DossierRow | undefined> =>
      (await db().insert(dossiers).values(row).onConflictDoNothing().returning())[0],

    /** Changes the dossier if it is still at `revision` (raising it); undefined when someone changed it meanwhile. */
    updateOver: async (id: string, revision: number, change: Partial<DossierInsert>): Promise<DossierRow | undefined> =>
      (
        await db()
          .update(dossiers)
          .set({ ...change, revision: revision + 1 })
          .where(and(eq(dossiers.id, id), eq(dossiers.revision, revision)))
          .returning()
      )[0],

    /** A page of the dossiers in reach under the filters, newest change first. */
    listPage: async (reach: DossierReach, filters: DossierFilters, page: { page: number; pageSize: number }): Promise<DossierJoined[]> =>
      (
        await joined()
          .where(and(reachCondition(reach), ...filterConditions(filters, true)))
          .orderBy(desc(dossiers.updatedAt), asc(dossiers.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize)
      ).map(flatten),

    /** Dossiers per state under the filters, the state filter aside (the board's counts). */
    countByState: async (reach: DossierReach, filters: DossierFilters): Promise<Record<string, number>> => {
      const rows = await db()
        .select({ state: dossiers.state, n: count() })
        .from(dossiers)
        .where(and(reachCondition(reach), ...filterConditions(filters, false)))
        .groupBy(dossiers.state);
      return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
    },

    /** The last recognised dossier of a product (the base of an upgrade or re-evaluation). */
    findLastRecognised: async (productId: string): Promise<DossierRow | undefined> =>
      (
        await db()
          .select()
          .from(dossiers)
          .where(and(eq(dossiers.productId, productId), inArray(dossiers.state, ['recognised', 'ministry_recognised'])))
          .orderBy(desc(dossiers.updatedAt))
          .limit(1)
      )[0],

    // ————— Council membership, read for scope (the councils entity owns these rows) —————

    isCouncilMember: async (councilId: string, userId: string, positions: readonly string[]): Promise<boolean> => {
      const rows = await db()
        .select({ id: councilMembers.id })
        .from(councilMembers)
        .where(
          and(
            eq(councilMembers.councilId, councilId),
            eq(councilMembers.userId, userId),
            inArray(councilMembers.position, positions as DossierPositions),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    councilName: async (councilId: string): Promise<string | null> =>
      (await db().select({ name: councils.name }).from(councils).where(eq(councils.id, councilId)))[0]?.name ?? null,

    councilUserIds: async (councilId: string, positions: readonly string[]): Promise<string[]> =>
      (
        await db()
          .select({ userId: councilMembers.userId })
          .from(councilMembers)
          .where(and(eq(councilMembers.councilId, councilId), inArray(councilMembers.position, positions as DossierPositions)))
      )
        .map((row) => row.userId)
        .filter((id): id is string => id !== null),

    // ————— History —————

    insertTransition: async (row: typeof dossierTransitions.$inferInsert): Promise<void> => {
      await db().insert(dossierTransitions).values(row);
    },

    listTransitions: (dossierId: string): Promise<DossierTransitionRow[]> =>
      db().select().from(dossierTransitions).where(eq(dossierTransitions.dossierId, dossierId)).orderBy(asc(dossierTransitions.at)),

    // ————— Evidence —————

    listEvidence: (dossierId: string): Promise<DossierEvidenceRow[]> =>
      db().select().from(dossierEvidence).where(eq(dossierEvidence.dossierId, dossierId)).orderBy(asc(dossierEvidence.addedAt)),

    /** Links a document; undefined when the same link exists. */
    insertEvidence: async (row: typeof dossierEvidence.$inferInsert): Promise<DossierEvidenceRow | undefined> =>
      (await db().insert(dossierEvidence).values(row).onConflictDoNothing().returning())[0],

    deleteEvidence: async (dossierId: string, evidenceId: string): Promise<boolean> =>
      (
        await db()
          .delete(dossierEvidence)
          .where(and(eq(dossierEvidence.id, evidenceId), eq(dossierEvidence.dossierId, dossierId)))
          .returning({ id: dossierEvidence.id })
      ).length > 0,

    // ————— Decisions —————

    /** Inserts; undefined when the province already used the number. */
    insertDecision: async (row: typeof evaluationDecisions.$inferInsert): Promise<EvaluationDecisionRow | undefined> =>
      (await db().insert(evaluationDecisions).values(row).onConflictDoNothing().returning())[0],

    findDecision: async (id: string): Promise<EvaluationDecisionRow | undefined> =>
      (await db().select().from(evaluationDecisions).where(eq(evaluationDecisions.id, id)))[0],

    dossierIdsOfDecision: async (decisionId: string): Promise<string[]> =>
      (
        await db().select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.decisionId, decisionId)).orderBy(asc(dossiers.createdAt))
      ).map((row) => row.id),
  };
}

type DossierPositions = ('chair' | 'member' | 'secretary' | 'advisory')[];
