import type { DossierBrief, DossierView } from '@ocop/contracts/dossiers';
import type { CommuneClock } from '@ocop/domain/evaluation';
import type { DossierContext } from './dossier-core';
import type { DossierJoined } from './dossier.repository';
import type { DossierTransitionRow, EvaluationDecisionRow } from './dossier.tables';

export function toDossierBrief(row: DossierJoined, extra: { communeName: string | null; clock: CommuneClock | null }): DossierBrief {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    revision: row.revision,
    roundId: row.roundId,
    roundName: row.roundName,
    product: { id: row.productId, name: row.productName, code: row.productCode },
    producer: { id: row.producerId, name: row.producerName },
    communeCode: row.communeCode,
    communeName: extra.communeName,
    submittedOn: row.submittedOn,
    communeClock: extra.clock,
    selfAssessmentTotal: row.selfAssessmentTotal,
    resultTotal: row.resultTotal,
    resultStars: row.resultStars,
    recognisedStars: row.recognisedStars,
    lateFiling: row.lateFiling,
    councilId: row.councilId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDossierView(input: {
  ctx: DossierContext;
  communeName: string | null;
  councilName: string | null;
  clock: CommuneClock | null;
  steps: { action: string; to: DossierView['state']; unmet: string[] }[];
  decision: EvaluationDecisionRow | null;
  history: (DossierTransitionRow & { actorName: string | null })[];
}): DossierView {
  const { ctx } = input;
  const row = ctx.row;
  return {
    ...toDossierBrief(row, { communeName: input.communeName, clock: input.clock }),
    councilName: input.councilName,
    regimeCode: row.regimeCode,
    productSetCode: ctx.productSetCode,
    baseDossierId: row.baseDossierId,
    certificateExpiresOn: row.certificateExpiresOn,
    registration: row.registration,
    selfAssessment:
      row.criteriaVersionId && row.selfAssessment
        ? { criteriaVersionId: row.criteriaVersionId, total: row.selfAssessmentTotal ?? 0, answers: row.selfAssessment }
        : null,
    communeReport: row.communeReport,
    proposedOn: row.proposedOn,
    receivedOn: row.receivedOn,
    advisoryReview: row.advisoryReview,
    samplesReceived: row.samplesReceived,
    samplesRequired: ctx.samplesRequired,
    evidence: ctx.evidence.map((item) => ({
      id: item.id,
      documentId: item.documentId,
      criterionCode: item.criterionCode,
      evidenceItemId: item.evidenceItemId,
    })),
    checklist: ctx.checklist.map((line) => ({ ...line })),
    missingDocuments: ctx.missingDocuments,
    result: row.result,
    decision: input.decision
      ? { id: input.decision.id, number: input.decision.number, signedOn: input.decision.signedOn, kind: input.decision.kind }
      : null,
    ministryResult: row.ministryResult,
    lastReasons: row.lastReasons,
    steps: input.steps,
    history: input.history.map((entry) => ({
      action: entry.action,
      from: entry.fromState,
      to: entry.toState,
      actorName: entry.actorName,
      reasons: entry.reasons,
      at: entry.at.toISOString(),
    })),
  };
}
