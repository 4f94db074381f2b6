import assert from 'node:assert/strict';

// The evaluation journey's members answer a score sheet on the keyboard: which options, and what total they make.

type Option = { id: string; points: number };
type Criterion = { code: string; options: Option[]; minima: { stars: number; optionId: string }[]; children: Criterion[] };
export type SheetContent = { parts: { code: string; criteria: Criterion[] }[] };

/** The answerable criteria in sheet order (the keyboard's order): leaves with options. */
export function leaves(content: SheetContent): Criterion[] {
  const found: Criterion[] = [];
  const walk = (criteria: readonly Criterion[]) => {
    for (const criterion of criteria) {
      if (criterion.children.length === 0 && criterion.options.length > 0) found.push(criterion);
      walk(criterion.children);
    }
  };
  for (const part of content.parts) walk(part.criteria);
  return found;
}

/**
 * Option indexes whose total lands in [low, high): every criterion at its best option, then lowered
 * one by one (never below what the starred minimum at `keepMinimaOf` stars needs) while the total
 * stays at least `low`. Deterministic: the same sheet and window always give the same answers.
 */
export function choose(content: SheetContent, low: number, high: number, keepMinimaOf: number): { picks: number[]; total: number } {
  const criteria = leaves(content);
  const points = (criterion: Criterion, at: number) => criterion.options[at]?.points ?? 0;
  const picks = criteria.map((criterion) =>
    criterion.options.reduce((top, option, index) => (option.points > points(criterion, top) ? index : top), 0),
  );
  let total = criteria.reduce((sum, criterion, index) => sum + points(criterion, picks[index] ?? 0), 0);
  criteria.forEach((criterion, index) => {
    if (total < high) return;
    const current = points(criterion, picks[index] ?? 0);
    const floorId = criterion.minima.filter((minimum) => minimum.stars <= keepMinimaOf).sort((a, b) => b.stars - a.stars)[0]?.optionId;
    const floor = floorId
      ? criterion.options.find((option) => option.id === floorId)
      : [...criterion.options].sort((a, b) => a.points - b.points)[0];
    if (!floor || floor.points >= current) return;
    const candidates = criterion.options
      .map((option, at) => ({ option, at }))
      .filter(({ option }) => option.points >= floor.points && option.points < current)
      .sort((a, b) => a.option.points - b.option.points);
    const chosen = candidates.find(({ option }) => total - current + option.points >= low);
    if (!chosen) return;
    total += chosen.option.points - current;
    picks[index] = chosen.at;
  });
  assert.ok(total >= low && total < high, `no answers land in [${low}, ${high}): ${total}`);
  return { picks, total: Math.round(total * 100) / 100 };
}
