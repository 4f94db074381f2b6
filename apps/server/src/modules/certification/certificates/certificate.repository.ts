import type { ReminderKind } from '@ocop/domain/certification';
import { escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Transactions } from '../../../platform/database/transaction';
import {
  type CertificateInsert,
  type CertificateRow,
  certificateReminders,
  certificateRevocations,
  certificateSequences,
  certificates,
  certificationSettings,
  type ReminderRow,
  type RevocationRow,
  type SettingsRow,
} from './certificate.tables';

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;

/** A certificate with what its status is derived from: its revocation and the number of the one that superseded it. */
export type CertificateJoined = { certificate: CertificateRow; revocation: RevocationRow | null; supersededByNumber: string | null };

/** Where a reader's grants reach, as SQL needs it. */
export type CertificateReach =
  | 'all'
  | { provinceCodes: string[]; communes: { provinceCode: string; communeCode: string }[]; producerIds: string[] };

export type CertificateFilters = {
  q?: string | undefined;
  stars?: number | undefined;
  productId?: string | undefined;
  producerId?: string | undefined;
  dossierId?: string | undefined;
  /** Only certificates whose last valid day is in [from, to]. */
  expiresBetween?: { from: string; to: string } | undefined;
  /** Only those with (true) or without (false) a revocation. */
  revoked?: boolean | undefined;
  /** Only those no newer certificate replaced. */
  current?: boolean | undefined;
};

const successor = alias(certificates, 'successor');

const INSERT_SLICE = 500;

function reachCondition(reach: CertificateReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(certificates.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(certificates.provinceCode, commune.provinceCode), eq(certificates.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(certificates.producerId, reach.producerIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

function filterConditions(filters: CertificateFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = `%${escapeLikePattern(filters.q)}%`;
    const match = or(
      ilike(certificates.number, pattern),
      ilike(certificates.productName, pattern),
      ilike(certificates.producerName, pattern),
      ilike(certificates.decisionNumber, pattern),
    );
    if (match) conditions.push(match);
  }
  if (filters.stars !== undefined) conditions.push(eq(certificates.stars, filters.stars));
  if (filters.productId) conditions.push(eq(certificates.productId, filters.productId));
  if (filters.producerId) conditions.push(eq(certificates.producerId, filters.producerId));
  if (filters.dossierId) conditions.push(eq(certificates.dossierId, filters.dossierId));
  if (filters.expiresBetween) {
    conditions.push(sql`${certificates.expiresOn} between ${filters.expiresBetween.from} and ${filters.expiresBetween.to}`);
  }
  if (filters.revoked === true) conditions.push(sql`${certificateRevocations.certificateId} is not null`);
  if (filters.revoked === false) conditions.push(isNull(certificateRevocations.certificateId));
  if (filters.current) conditions.push(isNull(certificates.supersededById));
  return conditions;
}

export function createCertificateRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;

  const joined = () =>
    db()
      .select({ certificate: certificates, revocation: certificateRevocations, supersededByNumber: successor.number })
      .from(certificates)
      .leftJoin(certificateRevocations, eq(certificateRevocations.certificateId, certificates.id))
      .leftJoin(successor, eq(successor.id, certificates.supersededById));

  return {
    insert: async (row: CertificateInsert): Promise<CertificateRow | null> => {
      const [saved] = await db().insert(certificates).values(row).onConflictDoNothing().returning();
      return saved ?? null;
    },

    /** Inserts in slices: one statement may bind at most 65,535 parameters, about 1,800 certificates. */
    insertMany: async (rows: readonly CertificateInsert[]): Promise<string[]> => {
      const ids: string[] = [];
      for (let start = 0; start < rows.length; start += INSERT_SLICE) {
        const saved = await db()
          .insert(certificates)
          .values(rows.slice(start, start + INSERT_SLICE))
          .returning({ id: certificates.id });
        ids.push(...saved.map((row) => row.id));
      }
      return ids;
    },

    findJoined: async (id: string): Promise<CertificateJoined | null> => (await joined().where(eq(certificates.id, id)))[0] ?? null,

    findJoinedByNumber: async (number: string): Promise<CertificateJoined | null> =>
      (await joined().where(eq(certificates.number, number)))[0] ?? null,

    findByDossier: async (dossierId: string): Promise<CertificateRow | null> =>
      (await db().select().from(certificates).where(eq(certificates.dossierId, dossierId)))[0] ?? null,

    /** Of these numbers (upper-cased, as normalised), those a certificate already has, compared upper-cased. */
    existingNumbers: async (numbers: readonly string[]): Promise<Set<string>> => {
      if (numbers.length === 0) return new Set();
      const upper = sql<string>`upper(${certificates.number})`;
      const rows = await db()
        .select({ number: upper })
        .from(certificates)
        .where(inArray(upper, [...numbers]));
      return new Set(rows.map((row) => row.number));
    },

    list: async (reach: CertificateReach, filters: CertificateFilters, page: { limit: number; offset: number }) => {
      const where = and(reachCondition(reach), ...filterConditions(filters));
      const [rows, totals] = await Promise.all([
        joined().where(where).orderBy(desc(certificates.issuedOn), desc(certificates.number)).limit(page.limit).offset(page.offset),
        db()
          .select({ total: count() })
          .from(certificates)
          .leftJoin(certificateRevocations, eq(certificateRevocations.certificateId, certificates.id))
          .where(where),
      ]);
      return { rows, total: totals[0]?.total ?? 0 };
    },

    /** Every certificate matching, without paging (supervision lists, bounded by the caller's filters). */
    listAll: async (reach: CertificateReach, filters: CertificateFilters, limit: number): Promise<CertificateJoined[]> =>
      joined()
        .where(and(reachCondition(reach), ...filterConditions(filters)))
        .orderBy(asc(certificates.expiresOn), asc(certificates.number))
        .limit(limit),

    /** The certificates one decision issued, in number order. */
    listOfDecision: async (decisionId: string): Promise<CertificateJoined[]> =>
      joined().where(eq(certificates.decisionId, decisionId)).orderBy(asc(certificates.seq), asc(certificates.number)),

    /** The product's certificates, newest first. */
    listOfProducts: async (productIds: readonly string[]): Promise<CertificateJoined[]> => {
      if (productIds.length === 0) return [];
      return joined()
        .where(inArray(certificates.productId, [...productIds]))
        .orderBy(desc(certificates.issuedOn), desc(certificates.createdAt));
    },

    /**
     * A page of certificates by id order, for the daily job: still current, expiring in
     * (expiresAfter, expiresUpTo], of the given provinces ('all': every one).
     */
    pageForSweep: async (
      afterId: string | null,
      window: { expiresAfter: string; expiresUpTo: string; provinceCodes: readonly string[] | 'all' },
      limit: number,
    ): Promise<CertificateJoined[]> =>
      joined()
        .where(
          and(
            isNull(certificates.supersededById),
            gt(certificates.expiresOn, window.expiresAfter),
            lte(certificates.expiresOn, window.expiresUpTo),
            window.provinceCodes === 'all' ? undefined : inArray(certificates.provinceCode, [...window.provinceCodes]),
            afterId ? gt(certificates.id, afterId) : undefined,
          ),
        )
        .orderBy(asc(certificates.id))
        .limit(limit),

    /** The reminder kinds each certificate has received. */
    reminderKindsOf: async (certificateIds: readonly string[]): Promise<Map<string, Set<ReminderKind>>> => {
      const kinds = new Map<string, Set<ReminderKind>>();
      if (certificateIds.length === 0) return kinds;
      const rows = await db()
        .select({ certificateId: certificateReminders.certificateId, kind: certificateReminders.kind })
        .from(certificateReminders)
        .where(inArray(certificateReminders.certificateId, [...certificateIds]));
      for (const row of rows) {
        const known = kinds.get(row.certificateId) ?? new Set<ReminderKind>();
        known.add(row.kind);
        kinds.set(row.certificateId, known);
      }
      return kinds;
    },

    /** Records a reminder; null when this kind was already recorded for the certificate (it is never sent twice). */
    insertReminder: async (row: typeof certificateReminders.$inferInsert): Promise<ReminderRow | null> => {
      const [saved] = await db().insert(certificateReminders).values(row).onConflictDoNothing().returning();
      return saved ?? null;
    },

    findReminder: async (certificateId: string, kind: ReminderKind): Promise<ReminderRow | null> =>
      (
        await db()
          .select()
          .from(certificateReminders)
          .where(and(eq(certificateReminders.certificateId, certificateId), eq(certificateReminders.kind, kind)))
      )[0] ?? null,

    /** Notes that the short messages of a reminder went out; false when they were noted already. */
    markChannelsSent: async (certificateId: string, kind: ReminderKind, at: Date): Promise<boolean> => {
      const rows = await db()
        .update(certificateReminders)
        .set({ channelsSentAt: at })
        .where(
          and(
            eq(certificateReminders.certificateId, certificateId),
            eq(certificateReminders.kind, kind),
            isNull(certificateReminders.channelsSentAt),
          ),
        )
        .returning({ certificateId: certificateReminders.certificateId });
      return rows.length > 0;
    },

    /** Marks the product's current certificates (other than `newId`) as superseded from `on`. */
    supersedeOthers: async (productId: string, newId: string, on: string): Promise<string[]> => {
      const rows = await db()
        .update(certificates)
        .set({ supersededById: newId, supersededOn: on })
        .where(
          and(
            eq(certificates.productId, productId),
            isNull(certificates.supersededById),
            sql`${certificates.id} <> ${newId}`,
            lte(certificates.issuedOn, on),
          ),
        )
        .returning({ id: certificates.id });
      return rows.map((row) => row.id);
    },

    /**
     * For each product, the newest current certificate supersedes the older current ones from its
     * issue day (certificates imported after a newer one was issued here).
     */
    supersedeOlderOfProducts: async (productIds: readonly string[]): Promise<number> => {
      if (productIds.length === 0) return 0;
      const newest = db()
        .selectDistinctOn([certificates.productId], {
          id: certificates.id,
          productId: certificates.productId,
          issuedOn: certificates.issuedOn,
        })
        .from(certificates)
        .where(and(inArray(certificates.productId, [...productIds]), isNull(certificates.supersededById)))
        .orderBy(certificates.productId, desc(certificates.issuedOn), desc(certificates.createdAt))
        .as('newest');
      const rows = await db()
        .update(certificates)
        .set({ supersededById: sql`${newest.id}`, supersededOn: sql`${newest.issuedOn}` })
        .from(newest)
        .where(
          and(
            eq(certificates.productId, newest.productId),
            sql`${certificates.id} <> ${newest.id}`,
            isNull(certificates.supersededById),
            sql`${certificates.issuedOn} < ${newest.issuedOn}`,
          ),
        )
        .returning({ id: certificates.id });
      return rows.length;
    },

    insertRevocation: async (row: typeof certificateRevocations.$inferInsert): Promise<RevocationRow | null> => {
      const [saved] = await db().insert(certificateRevocations).values(row).onConflictDoNothing().returning();
      return saved ?? null;
    },

    findRevocation: async (certificateId: string): Promise<RevocationRow | null> =>
      (await db().select().from(certificateRevocations).where(eq(certificateRevocations.certificateId, certificateId)))[0] ?? null,

    /** The next running number of the province in `year`; the row lock serialises concurrent issuing. */
    nextSeq: async (provinceCode: string, year: number): Promise<number> => {
      const [row] = await db()
        .insert(certificateSequences)
        .values({ provinceCode, year, lastSeq: 1 })
        .onConflictDoUpdate({
          target: [certificateSequences.provinceCode, certificateSequences.year],
          set: { lastSeq: sql`${certificateSequences.lastSeq} + 1` },
        })
        .returning({ lastSeq: certificateSequences.lastSeq });
      if (!row) throw new Error('certificate sequence not advanced');
      return row.lastSeq;
    },

    peekSeq: async (provinceCode: string, year: number): Promise<number> => {
      const [row] = await db()
        .select({ lastSeq: certificateSequences.lastSeq })
        .from(certificateSequences)
        .where(and(eq(certificateSequences.provinceCode, provinceCode), eq(certificateSequences.year, year)));
      return (row?.lastSeq ?? 0) + 1;
    },

    findSettings: async (provinceCode: string): Promise<SettingsRow | null> =>
      (await db().select().from(certificationSettings).where(eq(certificationSettings.provinceCode, provinceCode)))[0] ?? null,

    /** Saves the settings over `revision` (0: none yet); null when someone saved meanwhile. */
    saveSettingsOver: async (revision: number, row: Omit<SettingsRow, 'revision'>): Promise<SettingsRow | null> => {
      if (revision === 0) {
        const [saved] = await db()
          .insert(certificationSettings)
          .values({ ...row, revision: 1 })
          .onConflictDoNothing()
          .returning();
        return saved ?? null;
      }
      const [saved] = await db()
        .update(certificationSettings)
        .set({ ...row, revision: sql`${certificationSettings.revision} + 1` })
        .where(and(eq(certificationSettings.provinceCode, row.provinceCode), eq(certificationSettings.revision, revision)))
        .returning();
      return saved ?? null;
    },
  };
}
