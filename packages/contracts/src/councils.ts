import { z } from 'zod';
import { criteriaSetSchema, criteriaVersionSummaryView, selfAssessmentAnswers } from './evaluation';

/**
 * The wire shapes of the provincial evaluation council (QĐ 26/2026 Art. 7.3): councils and their
 * members, the dossiers assigned to them, members' conflict declarations, their score sheets, the
 * seal of submitted sheets and the council's scores on one dossier.
 */

export const COUNCIL_POSITION_VALUES = ['chair', 'member', 'secretary', 'advisory'] as const;
export const COUNCIL_DEPARTMENT_VALUES = [
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

/** Bounds of what a member types on a sheet. */
export const SCORING_LIMITS = { commentChars: 2_000, comments: 400, reasonChars: 2_000 } as const;

// ————— Councils —————

export const createCouncilBody = z.object({
  roundId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  /** The decision that set the council up (số quyết định thành lập). */
  establishedBy: z.string().trim().max(300).nullable().optional(),
  spreadLimit: z.number().min(0).max(100).multipleOf(0.01).default(10),
  quorum: z.number().int().min(1).max(50).default(3),
  writtenOpinion: z.boolean().default(false),
});
export type CreateCouncilBody = z.infer<typeof createCouncilBody>;

export const councilListQuery = z.object({ roundId: z.uuid() });

export const addCouncilMemberBody = z.object({
  userId: z.uuid(),
  position: z.enum(COUNCIL_POSITION_VALUES),
  department: z.enum(COUNCIL_DEPARTMENT_VALUES),
  title: z.string().trim().max(200).nullable().optional(),
});
export type AddCouncilMemberBody = z.infer<typeof addCouncilMemberBody>;

export const assignDossiersBody = z.object({ dossierIds: z.array(z.uuid()).min(1).max(200) });
export type AssignDossiersBody = z.infer<typeof assignDossiersBody>;

export const councilMemberView = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  fullName: z.string(),
  title: z.string().nullable(),
  position: z.enum(COUNCIL_POSITION_VALUES),
  department: z.enum(COUNCIL_DEPARTMENT_VALUES),
});
export type CouncilMemberView = z.infer<typeof councilMemberView>;

export const councilSummaryView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  roundId: z.uuid(),
  name: z.string(),
  establishedBy: z.string().nullable(),
  spreadLimit: z.number(),
  quorum: z.number().int(),
  writtenOpinion: z.boolean(),
  createdAt: z.string(),
});

export const councilView = councilSummaryView.extend({
  members: z.array(councilMemberView),
  dossiers: z.array(z.object({ id: z.uuid(), state: z.string() })),
});
export type CouncilView = z.infer<typeof councilView>;

export const councilListView = z.object({ items: z.array(councilSummaryView) });

// ————— Conflicts of interest —————

export const declareConflictBody = z.object({
  hasConflict: z.boolean(),
  reason: z.string().trim().max(SCORING_LIMITS.reasonChars).nullable().optional(),
});
export type DeclareConflictBody = z.infer<typeof declareConflictBody>;

export const conflictView = z.object({
  dossierId: z.uuid(),
  memberId: z.uuid(),
  hasConflict: z.boolean(),
  reason: z.string().nullable(),
  declaredAt: z.string(),
  /** True when declaring the conflict discarded the member's draft sheet. */
  draftDiscarded: z.boolean(),
});

// ————— A member's score sheet —————

export const sheetComments = z
  .record(z.string().max(20), z.string().max(SCORING_LIMITS.commentChars))
  .refine((value) => Object.keys(value).length <= SCORING_LIMITS.comments, { message: 'Too many comments' });

export const saveSheetBody = z.object({
  answers: selfAssessmentAnswers,
  comments: sheetComments.default({}),
  /** The revision last read; 0 before the first save. */
  revision: z.number().int().min(0),
});
export type SaveSheetBody = z.infer<typeof saveSheetBody>;

export const submitSheetBody = z.object({ revision: z.number().int().min(1) });
export type SubmitSheetBody = z.infer<typeof submitSheetBody>;

const partScoreView = z.object({ code: z.string(), total: z.number(), maxPoints: z.number() });

export const mySheetView = z.object({
  dossierId: z.uuid(),
  council: z.object({ id: z.uuid(), name: z.string() }),
  member: z.object({ id: z.uuid(), position: z.enum(COUNCIL_POSITION_VALUES), department: z.enum(COUNCIL_DEPARTMENT_VALUES) }),
  version: criteriaVersionSummaryView,
  content: criteriaSetSchema,
  answers: z.record(z.string(), z.string()),
  comments: z.record(z.string(), z.string()),
  /** 'none' before the first save. */
  status: z.enum(['none', 'draft', 'submitted']),
  revision: z.number().int(),
  total: z.number(),
  parts: z.array(partScoreView),
  unanswered: z.array(z.string()),
  conflict: z.object({ hasConflict: z.boolean(), reason: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  sealSeq: z.number().int().nullable(),
  hash: z.string().nullable(),
  canEdit: z.boolean(),
});
export type MySheetView = z.infer<typeof mySheetView>;

// ————— The seal —————

export const sealBreakView = z.object({
  dossierId: z.uuid(),
  sheetId: z.uuid(),
  memberId: z.uuid(),
  sealSeq: z.number().int().nullable(),
  /** Which stored value does not match: the sequence number, the link to the previous sheet, or the sheet's own hash. */
  field: z.enum(['sealSeq', 'prevHash', 'hash']),
  expected: z.string(),
  stored: z.string().nullable(),
});
export type SealBreakView = z.infer<typeof sealBreakView>;

export const sealView = z.object({ ok: z.boolean(), sealedSheets: z.number().int(), broken: sealBreakView.nullable() });

// ————— The council's scores on a dossier —————

export const scoresView = z.object({
  dossierId: z.uuid(),
  council: z.object({ id: z.uuid(), name: z.string(), quorum: z.number().int(), spreadLimit: z.number(), writtenOpinion: z.boolean() }),
  sheets: z.array(
    z.object({
      memberId: z.uuid(),
      fullName: z.string(),
      position: z.enum(COUNCIL_POSITION_VALUES),
      department: z.enum(COUNCIL_DEPARTMENT_VALUES),
      total: z.number(),
      parts: z.array(partScoreView),
      submittedAt: z.string(),
      sealSeq: z.number().int(),
      hash: z.string(),
      outlier: z.boolean(),
      deviation: z.number().nullable(),
      criteria: z.record(z.string(), z.object({ optionId: z.string(), points: z.number(), comment: z.string().nullable() })),
    }),
  ),
  average: z
    .object({
      total: z.number(),
      band: z.number().int(),
      stars: z.number().int(),
      parts: z.array(partScoreView),
      criteria: z.record(z.string(), z.number()),
      unmetMinima: z.array(
        z.object({
          stars: z.number().int(),
          unmet: z.array(z.object({ criterionCode: z.string(), averagePoints: z.number(), requiredPoints: z.number() })),
        }),
      ),
    })
    .nullable(),
  meetingNeeded: z.boolean(),
  submittedSheets: z.number().int(),
  quorumReached: z.boolean(),
  conflicts: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), reason: z.string().nullable(), declaredAt: z.string() })),
  notSubmitted: z.array(
    z.object({ memberId: z.uuid(), fullName: z.string(), department: z.enum(COUNCIL_DEPARTMENT_VALUES), drafted: z.boolean() }),
  ),
});
export type ScoresView = z.infer<typeof scoresView>;
