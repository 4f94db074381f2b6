import { DOSSIER_STATES } from '@ocop/domain/evaluation';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';
import { registryDocuments } from '../../registry/documents/file.tables';
import { producers } from '../../registry/producers/producer.tables';
import { products } from '../../registry/products/product.tables';
import { criteriaVersions, evaluationRegimes } from '../criteria/criteria.tables';
import { evaluationRounds } from '../rounds/round.tables';

export const DOSSIER_KINDS = ['first', 'upgrade', 're_evaluation'] as const;
export type DossierKind = (typeof DOSSIER_KINDS)[number];

export const DECISION_KINDS = ['recognition', 'ministry_proposal'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Mẫu 01 as filed: the registry's data at submission plus what the producer adds. */
export type RegistrationForm = Record<string, string | number | boolean | null>;

/** Mẫu 03: the commune's report on the product (Art. 7.2). */
export type CommuneReport = {
  rawMaterialOrigin: string;
  localLabour: string;
  ideaOrigin: string;
  localIdentity: string;
  conclusion: string;
  reportedBy: string | null;
  reportedOn: string;
};

/** The advisory team's review (tổ tư vấn): report, site-visit notes, extra lab tests asked for. */
export type AdvisoryReview = {
  report: string;
  siteVisitNotes: string;
  labTestsRequested: string;
  reviewedBy: string | null;
  reviewedOn: string;
};

/** The council's result, stored when scoring closes (the domain's CouncilResult, as JSON). */
export type StoredCouncilResult = {
  total: number;
  band: number;
  stars: number;
  parts: { code: string; total: number; maxPoints: number }[];
  criteria: Record<string, number>;
  members: { memberId: string; total: number; outlier: boolean; deviation: number | null }[];
  unmetMinima: { stars: number; unmet: { criterionCode: string; averagePoints: number; requiredPoints: number }[] }[];
  meetingNeeded: boolean;
  closedOn: string;
};

/** The ministry's result on a ≥ 90-point proposal, recorded when it returns (Art. 7.4). */
export type MinistryResult = { stars: number; total: number | null; decisionNo: string; decidedOn: string };

/**
 * A decision of the province (quyết định công nhận) or its proposal to the ministry, which one or
 * more scored dossiers of a round carry. The number is unique in the province.
 */
export const evaluationDecisions = pgTable(
  'evaluation_decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    roundId: uuid()
      .notNull()
      .references(() => evaluationRounds.id),
    kind: text({ enum: DECISION_KINDS }).notNull(),
    number: text().notNull(),
    signedOn: date({ mode: 'string' }).notNull(),
    signerName: text(),
    signerTitle: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('evaluation_decisions_number_key').on(t.provinceCode, t.number)],
);

/**
 * An evaluation dossier (hồ sơ đánh giá, phân hạng) of one product in one round. Its state moves
 * only through the lifecycle table of `@ocop/domain`; `revision` rises with every change, so of two
 * officers moving it at once one wins and the other is told (409).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    /** The producer's commune (2025 map) when the dossier was opened: whose officer assesses it. */
    communeCode: text().notNull(),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    roundId: uuid()
      .notNull()
      .references(() => evaluationRounds.id),
    kind: text({ enum: DOSSIER_KINDS }).notNull(),
    state: text({ enum: DOSSIER_STATES }).notNull().default('draft'),
    revision: integer().notNull().default(1),
    regimeCode: text()
      .notNull()
      .references(() => evaluationRegimes.code),
    /** The certified dossier an upgrade or re-evaluation starts from (null for a first evaluation or a certificate older than the system). */
    baseDossierId: uuid(),
    /** For a re-evaluation: the last day of the certificate being renewed. */
    certificateExpiresOn: date({ mode: 'string' }),
    /** A re-evaluation filed after the window closed (Art. 12.3: certificate extended until the result, at most 180 days). */
    lateFiling: boolean().notNull().default(false),
    registration: jsonb().$type<RegistrationForm>().notNull().default({}),
    /** The self-assessment frozen at submission, with the criteria version in force that day. */
    criteriaVersionId: uuid().references(() => criteriaVersions.id),
    selfAssessment: jsonb().$type<Record<string, string>>(),
    selfAssessmentTotal: doublePrecision(),
    submittedOn: date({ mode: 'string' }),
    communeReport: jsonb().$type<CommuneReport>(),
    proposedOn: date({ mode: 'string' }),
    receivedOn: date({ mode: 'string' }),
    advisoryReview: jsonb().$type<AdvisoryReview>(),
    /** Product samples received by the office (5 asked; none for tourism services). */
    samplesReceived: integer().notNull().default(0),
    samplesCheckedBy: uuid(),
    councilId: uuid(),
    result: jsonb().$type<StoredCouncilResult>(),
    resultTotal: doublePrecision(),
    resultStars: integer(),
    decisionId: uuid().references(() => evaluationDecisions.id),
    ministryResult: jsonb().$type<MinistryResult>(),
    /** The stars finally recognised (by the province's decision or the ministry's). */
    recognisedStars: integer(),
    /** Why it was last returned or not recognised. */
    lastReasons: text(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('dossiers_board_idx').on(t.provinceCode, t.roundId, t.state),
    index('dossiers_commune_idx').on(t.provinceCode, t.communeCode, t.state),
    index('dossiers_producer_idx').on(t.producerId),
    index('dossiers_product_idx').on(t.productId),
    index('dossiers_council_idx').on(t.councilId).where(sql`${t.councilId} is not null`),
    // One open dossier per product at a time: a closed one (recognised, not recognised, ministry) frees it.
    uniqueIndex('dossiers_one_open_per_product_key')
      .on(t.productId)
      .where(sql`${t.state} not in ('recognised', 'not_recognised', 'ministry_recognised')`),
    check('dossiers_samples_check', sql`${t.samplesReceived} between 0 and 5`),
  ],
);

/** A registry document offered as evidence, for one criterion or for the dossier as a whole. */
export const dossierEvidence = pgTable(
  'dossier_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    documentId: uuid()
      .notNull()
      .references(() => registryDocuments.id, { onDelete: 'cascade' }),
    /** The criterion it proves; null for dossier-wide papers. */
    criterionCode: text(),
    /** The row of the regime's evidence table (Mẫu 02) it answers, when known. */
    evidenceItemId: text(),
    addedBy: uuid(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('dossier_evidence_key').on(
      t.dossierId,
      t.documentId,
      sql`coalesce(${t.criterionCode}, '')`,
      sql`coalesce(${t.evidenceItemId}, '')`,
    ),
    index('dossier_evidence_document_idx').on(t.documentId),
  ],
);

/** Every step a dossier took: who, when, from which state, and the reasons typed. Append-only. */
export const dossierTransitions = pgTable(
  'dossier_transitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromState: text({ enum: DOSSIER_STATES }).notNull(),
    toState: text({ enum: DOSSIER_STATES }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reasons: text(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dossier_transitions_dossier_idx').on(t.dossierId, t.at)],
);

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierInsert = typeof dossiers.$inferInsert;
export type DossierEvidenceRow = typeof dossierEvidence.$inferSelect;
export type DossierTransitionRow = typeof dossierTransitions.$inferSelect;
export type EvaluationDecisionRow = typeof evaluationDecisions.$inferSelect;
