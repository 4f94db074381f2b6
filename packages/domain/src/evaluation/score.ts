/** Totals, band, stars after the starred minima, and disqualification of one answered sheet. */
import type { Criterion, Disqualifier } from './criteria';
import { starBand } from './regime';
import type { Answers, PreparedSheet } from './sheet';
import { chosenOptions } from './sheet';

export interface UnmetMinimum {
  readonly criterionCode: string;
  readonly label: string;
  readonly chosenOptionId: string | null;
  readonly chosenPoints: number;
  readonly requiredOptionId: string;
  readonly requiredPoints: number;
  /** The level whose mark binds (a lower level's mark binds a higher level too). */
  readonly markedForStars: number;
}

export interface SheetScore {
  readonly total: number;
  readonly parts: readonly { code: string; total: number; maxPoints: number }[];
  /** Every criterion code (groups included) → its total. */
  readonly criteria: ReadonlyMap<string, number>;
  readonly band: number;
  /** The level reached: the band, lowered until every minimum of it and of the levels below is met; null when disqualified. */
  readonly stars: number | null;
  /** For each level that has minima, those the answers miss (the marks of lower levels included). */
  readonly unmetMinima: readonly { stars: number; unmet: readonly UnmetMinimum[] }[];
  readonly disqualified: readonly Disqualifier[];
  readonly unanswered: readonly string[];
}

// Points carry at most two decimals: adding in hundredths keeps 0.1 + 0.2 at 0.3.
const toHundredths = (points: number) => Math.round(points * 100);
const fromHundredths = (hundredths: number) => hundredths / 100;

/**
 * The level reached from a band, given each level's unmet minima: requirements are cumulative, so
 * the first level (from the band down) whose own list is empty is reached. A member's sheet and
 * the council's average both end here.
 */
export function starsReached(
  sheet: PreparedSheet,
  band: number,
  unmetMinima: readonly { stars: number; unmet: readonly unknown[] }[],
): number {
  const unmetAt = new Map(unmetMinima.map((level) => [level.stars, level.unmet.length]));
  for (const level of [...sheet.levels].reverse()) if (level <= band && (unmetAt.get(level) ?? 0) === 0) return level;
  return sheet.levels[0] ?? 0;
}

/** The levels whose minima the sheet marks at all, for listing what is unmet per level. */
export function levelsWithMinima(sheet: PreparedSheet): number[] {
  return sheet.levels.filter((stars) => sheet.answerable.some((criterion) => sheet.requirement(criterion.code, stars)));
}

export function unmetMinimaAt(sheet: PreparedSheet, answers: Answers, stars: number): UnmetMinimum[] {
  const chosen = chosenOptions(sheet, answers);
  return unmetFrom(sheet, chosen, stars);
}

function unmetFrom(
  sheet: PreparedSheet,
  chosen: ReadonlyMap<string, { id: string; points: number } | null>,
  stars: number,
): UnmetMinimum[] {
  const unmet: UnmetMinimum[] = [];
  for (const criterion of sheet.answerable) {
    const requirement = sheet.requirement(criterion.code, stars);
    if (!requirement) continue;
    const option = chosen.get(criterion.code) ?? null;
    if (option && option.points >= requirement.option.points) continue;
    unmet.push({
      criterionCode: criterion.code,
      label: criterion.label,
      chosenOptionId: option?.id ?? null,
      chosenPoints: option?.points ?? 0,
      requiredOptionId: requirement.option.id,
      requiredPoints: requirement.option.points,
      markedForStars: requirement.stars,
    });
  }
  return unmet;
}

/**
 * `disqualifierIds`: the conditions of the set found to hold ("Hồ sơ bị loại khi…"); any of them
 * removes the dossier from the ranking, whatever its points.
 */
export function scoreSheet(sheet: PreparedSheet, answers: Answers, disqualifierIds: readonly string[] = []): SheetScore {
  const chosen = chosenOptions(sheet, answers);
  const criteria = new Map<string, number>();
  const totalOf = (criterion: Criterion): number => {
    let hundredths = toHundredths(chosen.get(criterion.code)?.points ?? 0);
    for (const child of criterion.children) hundredths += totalOf(child);
    criteria.set(criterion.code, fromHundredths(hundredths));
    return hundredths;
  };
  let sheetHundredths = 0;
  const parts = sheet.set.parts.map((part) => {
    const hundredths = part.criteria.reduce((sum, criterion) => sum + totalOf(criterion), 0);
    sheetHundredths += hundredths;
    return { code: part.code, total: fromHundredths(hundredths), maxPoints: part.maxPoints };
  });
  const total = fromHundredths(sheetHundredths);
  const band = starBand(sheet.regime, total);
  const unmetMinima = levelsWithMinima(sheet).map((stars) => ({ stars, unmet: unmetFrom(sheet, chosen, stars) }));
  const stars = starsReached(sheet, band, unmetMinima);
  const disqualified = sheet.set.disqualifiers.filter((condition) => disqualifierIds.includes(condition.id));
  const unanswered = sheet.answerable.filter((criterion) => !chosen.get(criterion.code)).map((criterion) => criterion.code);
  return { total, parts, criteria, band, stars: disqualified.length > 0 ? null : stars, unmetMinima, disqualified, unanswered };
}
