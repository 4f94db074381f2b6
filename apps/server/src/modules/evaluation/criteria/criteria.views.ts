import type { CriteriaVersionSummaryView, CriteriaVersionView, RegimeView } from '@ocop/contracts/evaluation';
import type { CriteriaSet, Regime } from '@ocop/domain/evaluation';
import { answerableCriteria, validateCriteriaSet } from '@ocop/domain/evaluation';
import type { CriteriaVersionRow } from './criteria.tables';

const sumHundredths = (values: readonly number[]) => values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;

export function toRegimeView(regime: Regime, inForceCode: string | null, publishedSets: number): RegimeView {
  const { sheets: _source, evidence, ...rest } = regime;
  return {
    ...rest,
    evidence: evidence.map(({ id, label, requirement, dossier }) => ({ id, label, requirement, dossier })),
    inForce: regime.code === inForceCode,
    publishedSets,
    parts: regime.parts.map((part) => ({ ...part })),
    starBands: regime.starBands.map((band) => ({ ...band })),
    recognition: regime.recognition?.map((entry) => ({ stars: [...entry.stars], level: entry.level })) ?? null,
    starsWithoutDecision: regime.starsWithoutDecision ? [...regime.starsWithoutDecision] : null,
    transition: regime.transition ? { ...regime.transition, replaces: [...regime.transition.replaces] } : null,
    schedule: regime.schedule
      ? {
          communeAssessmentWorkingDays: regime.schedule.communeAssessmentWorkingDays,
          provinceRounds: regime.schedule.provinceRounds.map((round) => ({ ...round })),
          ministryRounds: regime.schedule.ministryRounds.map((round) => ({ ...round })),
        }
      : null,
  };
}

/** Each part's maximum as its top-level criteria add up, beside the regime's maximum for it. */
export function partTotals(set: CriteriaSet, regime: Regime) {
  return regime.parts.map((part) => {
    const own = set.parts.find((candidate) => candidate.code === part.code);
    return { code: part.code, maxPoints: part.maxPoints, sum: sumHundredths(own?.criteria.map((criterion) => criterion.maxPoints) ?? []) };
  });
}

export function toVersionSummary(row: CriteriaVersionRow, regime: Regime): CriteriaVersionSummaryView {
  return {
    id: row.id,
    regimeCode: row.regimeCode,
    productSetCode: row.productSetCode,
    name: row.content.name,
    version: row.version,
    status: row.status,
    source: row.source,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    partTotals: partTotals(row.content, regime),
    answerableCriteria: answerableCriteria(row.content).length,
  };
}

export function toVersionView(row: CriteriaVersionRow, regime: Regime): CriteriaVersionView {
  return {
    ...toVersionSummary(row, regime),
    content: row.content as CriteriaVersionView['content'],
    issues: validateCriteriaSet(row.content, regime).map(({ path, code, message }) => ({ path, code, message })),
  };
}
