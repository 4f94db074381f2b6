import { DOSSIER_STATES } from '@ocop/domain/evaluation';
import { z } from 'zod';
import { isoDate, pageQuery } from './common';

// ————— Rounds (đợt đánh giá, Art. 5) —————

export const ROUND_LEVELS = ['province', 'ministry'] as const;
export const DOSSIER_KIND_CODES = ['first', 'upgrade', 're_evaluation'] as const;

const name = z.string().trim().min(1).max(200);
const longText = (max: number) => z.string().trim().max(max);

export const roundView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  level: z.enum(ROUND_LEVELS),
  kind: z.enum(['regular', 'extra']),
  year: z.number().int(),
  ordinal: z.number().int(),
  name: z.string(),
  filingBy: isoDate.nullable(),
  proposalsBy: isoDate,
  resultsBy: isoDate,
  status: z.enum(['open', 'closed']),
  dossierCount: z.number().int(),
});
export type RoundView = z.infer<typeof roundView>;

export const createRoundBody = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  level: z.enum(ROUND_LEVELS).default('province'),
  name: name.optional(),
  year: z.number().int().min(2019).max(2100),
  filingBy: isoDate.nullable().optional(),
  proposalsBy: isoDate,
  resultsBy: isoDate,
});
export type CreateRoundBody = z.infer<typeof createRoundBody>;

/** Opens the year's default rounds of the regime in force (Art. 5: two for the province, two for the ministry's 5★). */
export const openDefaultRoundsBody = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  year: z.number().int().min(2019).max(2100),
});

export const updateRoundBody = z.object({
  name: name.optional(),
  filingBy: isoDate.nullable().optional(),
  proposalsBy: isoDate.optional(),
  resultsBy: isoDate.optional(),
  status: z.enum(['open', 'closed']).optional(),
});

export const roundsQuery = z.object({
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  year: z.coerce.number().int().min(2019).max(2100).optional(),
});

export const holidayView = z.object({ day: isoDate, name: z.string() });
export const holidaysBody = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  year: z.number().int().min(2019).max(2100),
  holidays: z.array(z.object({ day: isoDate, name: z.string().trim().min(1).max(120) })).max(60),
});

// ————— Dossiers —————

export const registrationForm = z
  .record(z.string().max(60), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= 60, { message: 'at most 60 fields' });

export const createDossierBody = z.object({
  productId: z.uuid(),
  roundId: z.uuid(),
  kind: z.enum(DOSSIER_KIND_CODES),
  /** The certified dossier an upgrade or re-evaluation builds on (optional when the certificate predates the system). */
  baseDossierId: z.uuid().nullable().optional(),
  /** A re-evaluation of a certificate older than the system: its last day. */
  certificateExpiresOn: isoDate.nullable().optional(),
});
export type CreateDossierBody = z.infer<typeof createDossierBody>;

export const updateDossierBody = z.object({ revision: z.number().int().min(1), registration: registrationForm });

export const evidenceBody = z.object({
  documentId: z.uuid(),
  criterionCode: z.string().trim().min(1).max(20).nullable().optional(),
  evidenceItemId: z.string().trim().min(1).max(60).nullable().optional(),
});

export const transitionBody = z.object({
  action: z.string().min(1).max(60),
  revision: z.number().int().min(1),
  reasons: longText(4_000).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const communeReportBody = z.object({
  revision: z.number().int().min(1),
  rawMaterialOrigin: longText(4_000).min(1),
  localLabour: longText(4_000).min(1),
  ideaOrigin: longText(4_000).min(1),
  localIdentity: longText(4_000).min(1),
  conclusion: longText(4_000).min(1),
});
export type CommuneReportBody = z.infer<typeof communeReportBody>;

export const advisoryReviewBody = z.object({
  revision: z.number().int().min(1),
  report: longText(8_000).min(1),
  siteVisitNotes: longText(8_000),
  labTestsRequested: longText(4_000),
});

export const samplesBody = z.object({ revision: z.number().int().min(1), samplesReceived: z.number().int().min(0).max(5) });

export const ministryResultBody = z.object({
  revision: z.number().int().min(1),
  stars: z.number().int().min(1).max(5),
  total: z.number().min(0).max(100).nullable().optional(),
  decisionNo: z.string().trim().min(1).max(80),
  decidedOn: isoDate,
});

export const decisionBody = z.object({
  roundId: z.uuid(),
  kind: z.enum(['recognition', 'ministry_proposal']),
  number: z.string().trim().min(1).max(80),
  signedOn: isoDate,
  signerName: z.string().trim().max(120).optional(),
  signerTitle: z.string().trim().max(120).optional(),
  dossierIds: z.array(z.uuid()).min(1).max(500),
});
export type DecisionBody = z.infer<typeof decisionBody>;

const stepView = z.object({ action: z.string(), to: z.enum(DOSSIER_STATES), unmet: z.array(z.string()) });

const communeClockView = z.object({
  receivedOn: isoDate,
  dueOn: isoDate,
  allowed: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  overdue: z.boolean(),
});

export const dossierBrief = z.object({
  id: z.uuid(),
  kind: z.enum(DOSSIER_KIND_CODES),
  state: z.enum(DOSSIER_STATES),
  revision: z.number().int(),
  roundId: z.uuid(),
  roundName: z.string(),
  product: z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() }),
  producer: z.object({ id: z.uuid(), name: z.string() }),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  submittedOn: isoDate.nullable(),
  communeClock: communeClockView.nullable(),
  selfAssessmentTotal: z.number().nullable(),
  resultTotal: z.number().nullable(),
  resultStars: z.number().int().nullable(),
  recognisedStars: z.number().int().nullable(),
  lateFiling: z.boolean(),
  councilId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type DossierBrief = z.infer<typeof dossierBrief>;

export const dossierView = dossierBrief.extend({
  councilName: z.string().nullable(),
  regimeCode: z.string(),
  productSetCode: z.string().nullable(),
  baseDossierId: z.uuid().nullable(),
  certificateExpiresOn: isoDate.nullable(),
  registration: z.record(z.string(), z.unknown()),
  selfAssessment: z.object({ criteriaVersionId: z.uuid(), total: z.number(), answers: z.record(z.string(), z.string()) }).nullable(),
  communeReport: z.record(z.string(), z.unknown()).nullable(),
  proposedOn: isoDate.nullable(),
  receivedOn: isoDate.nullable(),
  advisoryReview: z.record(z.string(), z.unknown()).nullable(),
  samplesReceived: z.number().int(),
  samplesRequired: z.number().int(),
  evidence: z.array(
    z.object({
      id: z.uuid(),
      documentId: z.uuid(),
      criterionCode: z.string().nullable(),
      evidenceItemId: z.string().nullable(),
    }),
  ),
  checklist: z.array(z.object({ key: z.string(), label: z.string(), present: z.boolean() })),
  missingDocuments: z.array(z.string()),
  result: z.record(z.string(), z.unknown()).nullable(),
  decision: z.object({ id: z.uuid(), number: z.string(), signedOn: isoDate, kind: z.string() }).nullable(),
  ministryResult: z.record(z.string(), z.unknown()).nullable(),
  lastReasons: z.string().nullable(),
  /** The steps the reader may take now or once what is listed is done (the lifecycle table's rows for the reader's party). */
  steps: z.array(stepView),
  history: z.array(
    z.object({
      action: z.string(),
      from: z.enum(DOSSIER_STATES),
      to: z.enum(DOSSIER_STATES),
      actorName: z.string().nullable(),
      reasons: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type DossierView = z.infer<typeof dossierView>;

export const dossierListQuery = z.object({
  roundId: z.uuid().optional(),
  state: z.enum(DOSSIER_STATES).optional(),
  kind: z.enum(DOSSIER_KIND_CODES).optional(),
  communeCode: z.string().max(10).optional(),
  producerId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  ...pageQuery,
});
export type DossierListQuery = z.infer<typeof dossierListQuery>;

export const dossierListView = z.object({
  items: z.array(dossierBrief),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Dossiers per state under the same filters, the state filter aside: the board's counts. */
  counts: z.record(z.string(), z.number().int()),
});

export const decisionView = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  signedOn: isoDate,
  dossierIds: z.array(z.uuid()),
});
