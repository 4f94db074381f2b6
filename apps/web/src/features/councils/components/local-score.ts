import type { MySheetView } from '@ocop/contracts/councils';
import type { RegimeView } from '@ocop/contracts/evaluation';
import { type CriteriaSet, type PreparedSheet, prepareSheet, type Regime, scoreSheet } from '@ocop/domain/evaluation';

export type Content = MySheetView['content'];
export type CriterionContent = Content['parts'][number]['criteria'][number];

export type RunningScore = {
  total: number;
  maxPoints: number;
  parts: { code: string; label: string; total: number; maxPoints: number }[];
  criteria: ReadonlyMap<string, number>;
  /** Null until the regime (its star bands) is here. */
  band: number | null;
  stars: number | null;
  unanswered: string[];
};

/**
 * The sheet prepared in the browser, so the running total moves on every key press without a
 * round trip. Preparing reads only the regime's star bands; the server's total stays the record.
 */
export function prepareLocalSheet(content: Content, regime: RegimeView | null | undefined): PreparedSheet {
  const bands = regime?.starBands ?? [{ stars: 0, minPoints: 0 }];
  return prepareSheet(content as CriteriaSet, { ...(regime ?? {}), starBands: bands } as unknown as Regime);
}

export function runningScore(sheet: PreparedSheet, content: Content, answers: Record<string, string>, hasBands: boolean): RunningScore {
  const score = scoreSheet(sheet, answers);
  const labels = new Map(content.parts.map((part) => [part.code, part.label]));
  return {
    total: score.total,
    maxPoints: content.parts.reduce((sum, part) => sum + part.maxPoints, 0),
    parts: score.parts.map((part) => ({ ...part, label: labels.get(part.code) ?? part.code })),
    criteria: score.criteria,
    band: hasBands ? score.band : null,
    stars: hasBands ? score.stars : null,
    unanswered: [...score.unanswered],
  };
}

/** The criteria a member answers, in sheet order, each with the part it belongs to. */
export function answerableCriteria(content: Content): { part: string; criterion: CriterionContent }[] {
  const found: { part: string; criterion: CriterionContent }[] = [];
  const walk = (part: string, criteria: readonly CriterionContent[]) => {
    for (const criterion of criteria) {
      if (criterion.children.length === 0 && criterion.options.length > 0) found.push({ part, criterion });
      walk(part, criterion.children);
    }
  };
  for (const part of content.parts) walk(part.code, part.criteria);
  return found;
}
