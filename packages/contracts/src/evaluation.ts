import { z } from 'zod';

// ————— Bounds of a criteria set as data (a set posted or imported by the secretariat) —————

/** The largest real sheet (26/2026) has 63 answerable criteria and 4 levels; these leave room without letting a post grow unbounded. */
export const CRITERIA_LIMITS = {
  criteriaPerSet: 400,
  optionsPerCriterion: 12,
  depth: 4,
  labelChars: 2_000,
  noteChars: 4_000,
  disqualifiers: 40,
  evidencePerCriterion: 20,
} as const;

const code = z.string().trim().min(1).max(20);
const points = z.number().min(0).max(100).multipleOf(0.01);

export const criterionOptionSchema = z.object({
  id: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(CRITERIA_LIMITS.labelChars),
  points,
});

export const starredMinimumSchema = z.object({ stars: z.number().int().min(1).max(5), optionId: z.string().max(40) });

export type CriterionContent = {
  code: string;
  label: string;
  maxPoints: number;
  requirementNote: string | null;
  options: z.infer<typeof criterionOptionSchema>[];
  minima: z.infer<typeof starredMinimumSchema>[];
  evidence: string[];
  children: CriterionContent[];
};

export const criterionSchema: z.ZodType<CriterionContent> = z.lazy(() =>
  z.object({
    code,
    label: z.string().trim().min(1).max(CRITERIA_LIMITS.labelChars),
    maxPoints: points,
    requirementNote: z.string().max(CRITERIA_LIMITS.noteChars).nullable(),
    options: z.array(criterionOptionSchema).max(CRITERIA_LIMITS.optionsPerCriterion),
    minima: z.array(starredMinimumSchema).max(CRITERIA_LIMITS.optionsPerCriterion * 5),
    evidence: z.array(z.string().max(60)).max(CRITERIA_LIMITS.evidencePerCriterion),
    children: z.array(criterionSchema).max(CRITERIA_LIMITS.criteriaPerSet),
  }),
);

export const criteriaSetSchema = z.object({
  regimeCode: z.string().max(20),
  productSetCode: z.string().max(20),
  ordinal: z.number().int().nullable(),
  name: z.string().trim().min(1).max(300),
  parts: z
    .array(
      z.object({
        code,
        label: z.string().max(300),
        maxPoints: points,
        criteria: z.array(criterionSchema).max(CRITERIA_LIMITS.criteriaPerSet),
      }),
    )
    .min(1)
    .max(6),
  disqualifiers: z
    .array(
      z.object({ id: z.string().max(20), text: z.string().max(CRITERIA_LIMITS.noteChars), criterionCode: z.string().max(20).nullable() }),
    )
    .max(CRITERIA_LIMITS.disqualifiers),
});
export type CriteriaSetContent = z.infer<typeof criteriaSetSchema>;

// ————— Regimes —————

export const evidenceItemView = z.object({ id: z.string(), label: z.string(), requirement: z.string(), dossier: z.boolean() });
export type EvidenceItemView = z.infer<typeof evidenceItemView>;

export const regimeView = z.object({
  code: z.string(),
  name: z.string(),
  legalBasis: z.object({ docNo: z.string(), signed: z.string(), article: z.string() }),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** The regime that new self-assessments and dossiers use today. */
  inForce: z.boolean(),
  classificationCode: z.string(),
  parts: z.array(z.object({ code: z.string(), label: z.string(), maxPoints: z.number() })),
  starBands: z.array(z.object({ stars: z.number().int(), minPoints: z.number() })),
  recognition: z.array(z.object({ stars: z.array(z.number().int()), level: z.enum(['province', 'ministry']) })).nullable(),
  starsWithoutDecision: z.array(z.number().int()).nullable(),
  certificateValidityMonths: z.number().int().nullable(),
  reEvaluationFiling: z.object({ earliestDaysBeforeExpiry: z.number().int(), latestDaysBeforeExpiry: z.number().int() }).nullable(),
  transition: z
    .object({
      replaces: z.array(z.string()),
      replacedLapseAfterDays: z.number().int(),
      pendingFirstOrUpgradeWithinDays: z.number().int(),
      pendingReEvaluationWithinDays: z.number().int(),
      lateReEvaluationExtensionMaxDays: z.number().int(),
    })
    .nullable(),
  evidence: z.array(evidenceItemView),
  /** Art. 5 and 7.2: rounds as month-day ('04-30') and the commune's working days; null where not stated. */
  schedule: z
    .object({
      communeAssessmentWorkingDays: z.number().int(),
      provinceRounds: z.array(z.object({ proposalsBy: z.string(), resultsBy: z.string() })),
      ministryRounds: z.array(z.object({ proposalsBy: z.string(), resultsBy: z.string() })),
    })
    .nullable(),
  /** How many product sets have a published sheet under this regime. */
  publishedSets: z.number().int(),
});
export type RegimeView = z.infer<typeof regimeView>;

// ————— Criteria versions —————

export const CRITERIA_VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type CriteriaVersionStatus = (typeof CRITERIA_VERSION_STATUSES)[number];

export const criteriaIssueView = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const criteriaVersionSummaryView = z.object({
  id: z.uuid(),
  regimeCode: z.string(),
  productSetCode: z.string(),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(CRITERIA_VERSION_STATUSES),
  /** 'reference' (loaded from the national data), 'secretariat' (edited) or 'import' (from a file). */
  source: z.string(),
  revision: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Each part's maximum as its criteria add up now, beside the regime's maximum. */
  partTotals: z.array(z.object({ code: z.string(), maxPoints: z.number(), sum: z.number() })),
  answerableCriteria: z.number().int(),
});
export type CriteriaVersionSummaryView = z.infer<typeof criteriaVersionSummaryView>;

export const criteriaVersionView = criteriaVersionSummaryView.extend({
  content: criteriaSetSchema,
  issues: z.array(criteriaIssueView),
});
export type CriteriaVersionView = z.infer<typeof criteriaVersionView>;

export const regimeSetsView = z.object({ regime: regimeView, items: z.array(criteriaVersionSummaryView) });

// ————— Self-assessment (Mẫu 02, phần III) —————

export const selfAssessmentAnswers = z.record(z.string().max(20), z.string().max(40)).refine((value) => Object.keys(value).length <= 400, {
  message: 'Too many answers',
});

export const saveSelfAssessmentBody = z.object({
  criteriaVersionId: z.uuid(),
  answers: selfAssessmentAnswers,
  /** The revision the client last read; a newer one saved elsewhere answers 409. Omit for the first save. */
  revision: z.number().int().min(0).optional(),
});
export type SaveSelfAssessmentBody = z.infer<typeof saveSelfAssessmentBody>;

export const selfAssessmentQuery = z.object({ target: z.coerce.number().int().min(1).max(5).optional() });

const unmetMinimumView = z.object({
  criterionCode: z.string(),
  label: z.string(),
  chosenOptionId: z.string().nullable(),
  chosenPoints: z.number(),
  requiredOptionId: z.string(),
  requiredPoints: z.number(),
  markedForStars: z.number().int(),
});

export const planStepView = z.object({
  criterionCode: z.string(),
  label: z.string(),
  currentOptionId: z.string().nullable(),
  currentLabel: z.string().nullable(),
  currentPoints: z.number(),
  neededOptionId: z.string(),
  neededLabel: z.string(),
  neededPoints: z.number(),
  pointsGained: z.number(),
  /** 'minimum': a starred minimum of the target; 'band': raised to reach the band's total. */
  reason: z.enum(['minimum', 'band']),
  evidence: z.array(evidenceItemView),
});
export type PlanStepView = z.infer<typeof planStepView>;

export const starPlanView = z.object({
  target: z.number().int(),
  reachable: z.boolean(),
  totalAfter: z.number(),
  pointsGained: z.number(),
  steps: z.array(planStepView),
});
export type StarPlanView = z.infer<typeof starPlanView>;

export const selfAssessmentView = z.object({
  product: z.object({
    id: z.uuid(),
    name: z.string(),
    producerId: z.uuid(),
    producerName: z.string(),
    productSet: z.object({ versionCode: z.string(), code: z.string(), name: z.string() }),
  }),
  regime: z.object({ code: z.string(), name: z.string(), docNo: z.string() }),
  version: criteriaVersionSummaryView,
  content: criteriaSetSchema,
  evidence: z.array(evidenceItemView),
  answers: z.record(z.string(), z.string()),
  /** 0 before the first save. */
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  /** True when the saved answers belong to an older version than the one the product's set uses now. */
  answersFromOtherVersion: z.boolean(),
  score: z.object({
    total: z.number(),
    maxPoints: z.number(),
    parts: z.array(z.object({ code: z.string(), label: z.string(), total: z.number(), maxPoints: z.number() })),
    criteria: z.record(z.string(), z.number()),
    band: z.number().int(),
    stars: z.number().int().nullable(),
    unmetMinima: z.array(z.object({ stars: z.number().int(), unmet: z.array(unmetMinimumView) })),
    unanswered: z.array(z.string()),
  }),
  /** The cheapest way to the target (the next star by default); null at the top level. */
  plan: starPlanView.nullable(),
  /** Who may change the answers (a member of the product's producer). */
  canEdit: z.boolean(),
});
export type SelfAssessmentView = z.infer<typeof selfAssessmentView>;

// ————— The secretariat's tools: drafts, publishing, import and export —————

export const saveCriteriaDraftBody = z.object({
  content: criteriaSetSchema,
  /** The revision the editor last read; a save made elsewhere meanwhile answers 409. */
  revision: z.number().int().min(1),
});
export type SaveCriteriaDraftBody = z.infer<typeof saveCriteriaDraftBody>;

export const publishCriteriaBody = z.object({ revision: z.number().int().min(1) });

/** Largest criteria file accepted for import (a 26/2026 sheet exports to about 40 KB). */
export const CRITERIA_FILE_BYTES = 2 * 1024 * 1024;

export const criteriaImportQuery = z.object({ dryRun: z.stringbool().default(true) });

export const criteriaImportIssueView = z.object({
  /** The first row of the xlsx it concerns, and all of them (absent for a JSON file or a problem of the whole file). */
  row: z.number().int().optional(),
  rows: z.array(z.number().int()).optional(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type CriteriaImportIssueView = z.infer<typeof criteriaImportIssueView>;

export const criteriaImportReport = z.object({
  ok: z.boolean(),
  issues: z.array(criteriaImportIssueView),
  summary: z.object({
    parts: z.array(z.object({ code: z.string(), maxPoints: z.number(), sum: z.number() })),
    criteria: z.number().int(),
    options: z.number().int(),
  }),
});
export type CriteriaImportReport = z.infer<typeof criteriaImportReport>;

/** The JSON export of one version; an import reads the same shape. */
export const CRITERIA_FILE_FORMAT = 'ocop-criteria-set';
export const criteriaTransferFile = z.object({
  format: z.literal(CRITERIA_FILE_FORMAT),
  formatVersion: z.literal(1),
  regimeCode: z.string().max(20),
  productSetCode: z.string().max(20),
  version: z.number().int(),
  content: criteriaSetSchema,
});
export type CriteriaTransferFile = z.infer<typeof criteriaTransferFile>;
