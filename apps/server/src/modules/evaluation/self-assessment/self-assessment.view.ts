import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { type EvidenceItem, evidenceItems, regimeMaxPoints } from '@ocop/domain/evaluation';
import { toVersionSummary } from '../criteria/criteria.views';
import type { SelfAssessmentState } from './self-assessment.service';

const evidenceView = (items: readonly EvidenceItem[]) =>
  items.map(({ id, label, requirement, dossier }) => ({ id, label, requirement, dossier }));

export function toSelfAssessmentView(state: SelfAssessmentState): SelfAssessmentView {
  const { product, regime, version, score, plan } = state;
  const partLabel = new Map(regime.parts.map((part) => [part.code, part.label]));
  return {
    product: {
      id: product.id,
      name: product.name,
      producerId: product.producer.id,
      producerName: product.producer.name,
      productSet: { versionCode: product.productSet.versionCode, code: product.productSet.code, name: product.productSet.name },
    },
    regime: { code: regime.code, name: regime.name, docNo: regime.legalBasis.docNo },
    version: toVersionSummary(version, regime),
    content: version.content as SelfAssessmentView['content'],
    evidence: evidenceView(regime.evidence),
    answers: { ...state.answers },
    revision: state.revision,
    updatedAt: state.updatedAt?.toISOString() ?? null,
    answersFromOtherVersion: state.answersFromOtherVersion,
    score: {
      total: score.total,
      maxPoints: regimeMaxPoints(regime),
      parts: score.parts.map((part) => ({ ...part, label: partLabel.get(part.code) ?? part.code })),
      criteria: Object.fromEntries(score.criteria),
      band: score.band,
      stars: score.stars,
      unmetMinima: score.unmetMinima.map((level) => ({ stars: level.stars, unmet: level.unmet.map((entry) => ({ ...entry })) })),
      unanswered: [...score.unanswered],
    },
    plan: plan && {
      target: plan.target,
      reachable: plan.reachable,
      totalAfter: plan.totalAfter,
      pointsGained: plan.pointsGained,
      steps: plan.steps.map((step) => ({ ...step, evidence: evidenceView(evidenceItems(step.evidence, regime.evidence)) })),
    },
    canEdit: state.canEdit,
  };
}
