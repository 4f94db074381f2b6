import type { SelfAssessmentView } from '@ocop/contracts/evaluation';

export type UnmetMark = { stars: number; requiredOptionId: string; requiredPoints: number };

/**
 * For each criterion below a minimum, the lowest level above the projected one that it holds back
 * (levels at or below the projection are met by definition), with the option it needs.
 */
export function unmetMarks(score: SelfAssessmentView['score']): Map<string, UnmetMark> {
  const marks = new Map<string, UnmetMark>();
  const reached = score.stars ?? 0;
  const levels = [...score.unmetMinima].sort((a, b) => a.stars - b.stars);
  for (const level of levels) {
    if (level.stars <= reached) continue;
    for (const entry of level.unmet)
      if (!marks.has(entry.criterionCode))
        marks.set(entry.criterionCode, {
          stars: level.stars,
          requiredOptionId: entry.requiredOptionId,
          requiredPoints: entry.requiredPoints,
        });
  }
  return marks;
}
