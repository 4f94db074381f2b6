/**
 * The council's result on a dossier (QĐ 26/2026 Art. 7.3.d, issue 11 item 6): the average of the
 * members' totals and parts, two decimals; the band of that average; and the stars after the
 * starred minima, where a minimum counts as met when the members' average points on that criterion
 * reach the points of the required option. Members far from the mean are flagged for the chair.
 */
import { DomainError } from '../shared/domain-error';
import { averageSheets, DEFAULT_MEMBER_SPREAD, meanPoints } from './average';
import { starBand } from './regime';
import type { Answers, PreparedSheet } from './sheet';
import { levelsWithMinima, scoreSheet, starsReached } from './score';

export interface MemberSheet {
  readonly memberId: string;
  readonly answers: Answers;
}

export interface CouncilUnmetMinimum {
  readonly criterionCode: string;
  readonly averagePoints: number;
  readonly requiredPoints: number;
}

export interface CouncilResult {
  readonly members: readonly { memberId: string; total: number; outlier: boolean; deviation: number | null }[];
  readonly total: number;
  readonly parts: readonly { code: string; total: number; maxPoints: number }[];
  /** Answerable criterion code → the members' average points, two decimals. */
  readonly criteria: ReadonlyMap<string, number>;
  readonly band: number;
  readonly stars: number;
  readonly unmetMinima: readonly { stars: number; unmet: readonly CouncilUnmetMinimum[] }[];
}

export function councilResult(sheet: PreparedSheet, members: readonly MemberSheet[], spread = DEFAULT_MEMBER_SPREAD): CouncilResult {
  if (members.length === 0) throw new DomainError('invalid', 'council.no_sheets', 'No member has submitted a sheet.');
  const scores = members.map((member) => ({ memberId: member.memberId, score: scoreSheet(sheet, member.answers) }));
  const average = averageSheets(
    scores.map(({ memberId, score }) => ({ memberId, total: score.total })),
    spread,
  );
  const total = average?.mean ?? 0;
  const outliers = new Map((average?.outliers ?? []).map((outlier) => [outlier.memberId, outlier.deviation]));
  const parts = sheet.set.parts.map((part, index) => ({
    code: part.code,
    maxPoints: part.maxPoints,
    total: meanPoints(scores.map(({ score }) => score.parts[index]?.total ?? 0)),
  }));
  const criteria = new Map(
    sheet.answerable.map((criterion) => [criterion.code, meanPoints(scores.map(({ score }) => score.criteria.get(criterion.code) ?? 0))]),
  );
  const band = starBand(sheet.regime, total);
  const unmetMinima = levelsWithMinima(sheet).map((stars) => ({
    stars,
    unmet: sheet.answerable.flatMap((criterion) => {
      const requirement = sheet.requirement(criterion.code, stars);
      const averagePoints = criteria.get(criterion.code) ?? 0;
      return requirement && averagePoints < requirement.option.points
        ? [{ criterionCode: criterion.code, averagePoints, requiredPoints: requirement.option.points }]
        : [];
    }),
  }));
  const stars = starsReached(sheet, band, unmetMinima);
  return {
    members: scores.map(({ memberId, score }) => ({
      memberId,
      total: score.total,
      outlier: outliers.has(memberId),
      deviation: outliers.get(memberId) ?? null,
    })),
    total,
    parts,
    criteria,
    band,
    stars,
    unmetMinima,
  };
}
