import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';
import { criteriaVersions } from '../criteria/criteria.tables';
import { dossiers } from '../dossiers/dossier.tables';
import { evaluationRounds } from '../rounds/round.tables';

/** A member's seat: the chair and members score; the secretary and the advisory team do not. */
export const COUNCIL_POSITIONS = ['chair', 'member', 'secretary', 'advisory'] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];

/** The departments a provincial council draws its members from (Art. 7.3.b), and invited experts. */
export const COUNCIL_DEPARTMENTS = [
  'agriculture_environment',
  'industry_trade',
  'health',
  'science_technology',
  'culture_sports_tourism',
  'food_safety',
  'finance',
  'expert',
  'ocop_office',
] as const;
export type CouncilDepartment = (typeof COUNCIL_DEPARTMENTS)[number];

export const SHEET_STATUSES = ['draft', 'submitted'] as const;

/**
 * A province's evaluation council (Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh) for a round.
 * `spreadLimit` is how far a member's total may stray from the mean before it is flagged (and, for a
 * re-evaluation by written opinion, before a meeting is needed); `quorum` is how many submitted
 * sheets close the scoring.
 */
export const councils = pgTable(
  'councils',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    roundId: uuid()
      .notNull()
      .references(() => evaluationRounds.id),
    name: text().notNull(),
    /** The decision that set the council up (quyết định thành lập). */
    establishedBy: text(),
    spreadLimit: doublePrecision().notNull().default(10),
    quorum: integer().notNull().default(3),
    /** Re-evaluations scored remotely by written opinion (văn bản), a meeting only when the totals spread too far. */
    writtenOpinion: boolean().notNull().default(false),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('councils_round_idx').on(t.provinceCode, t.roundId)],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    councilId: uuid()
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id),
    fullName: text().notNull(),
    title: text(),
    position: text({ enum: COUNCIL_POSITIONS }).notNull(),
    department: text({ enum: COUNCIL_DEPARTMENTS }).notNull(),
  },
  (t) => [uniqueIndex('council_members_user_key').on(t.councilId, t.userId), index('council_members_user_idx').on(t.userId)],
);

/** A member's declaration on one dossier: who declares a conflict of interest does not score it. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    memberId: uuid()
      .notNull()
      .references(() => councilMembers.id, { onDelete: 'cascade' }),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    hasConflict: boolean().notNull(),
    reason: text(),
    declaredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.dossierId] })],
);

/**
 * One member's score sheet (phiếu chấm) on one dossier: a draft until submitted, then locked and
 * sealed — `hash` covers its content and the previous sealed sheet's hash of the same dossier
 * (`prevHash`, in `sealSeq` order), so changing any sealed sheet breaks the chain from there on.
 */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => councilMembers.id),
    criteriaVersionId: uuid()
      .notNull()
      .references(() => criteriaVersions.id),
    answers: jsonb().$type<Record<string, string>>().notNull(),
    comments: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: text({ enum: SHEET_STATUSES }).notNull().default('draft'),
    revision: integer().notNull().default(1),
    total: doublePrecision(),
    submittedAt: timestamp({ withTimezone: true }),
    sealSeq: integer(),
    prevHash: text(),
    hash: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('score_sheets_member_key').on(t.dossierId, t.memberId),
    uniqueIndex('score_sheets_seal_key').on(t.dossierId, t.sealSeq),
  ],
);

export type CouncilRow = typeof councils.$inferSelect;
export type CouncilMemberRow = typeof councilMembers.$inferSelect;
export type ConflictDeclarationRow = typeof conflictDeclarations.$inferSelect;
export type ScoreSheetRow = typeof scoreSheets.$inferSelect;
