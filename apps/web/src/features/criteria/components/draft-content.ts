import type { CriteriaSetContent, CriterionContent } from '@ocop/contracts/evaluation';
import { sumPoints } from './criteria-format';

/*
 * The editor's changes to a draft, as pure functions of the content: a criterion is found by its
 * part and its index path (criteria → children …), so two criteria sharing a code stay apart.
 */

export type CriterionAt = { part: number; path: readonly number[] };

type Criteria = readonly CriterionContent[];

function mapAt(
  criteria: Criteria,
  path: readonly number[],
  change: (list: CriterionContent[], at: number) => CriterionContent[],
): CriterionContent[] {
  const [head, ...rest] = path;
  if (head === undefined) return [...criteria];
  if (rest.length === 0) return change([...criteria], head);
  return criteria.map((criterion, at) => (at === head ? { ...criterion, children: mapAt(criterion.children, rest, change) } : criterion));
}

function changePart(content: CriteriaSetContent, part: number, change: (criteria: Criteria) => CriterionContent[]): CriteriaSetContent {
  return { ...content, parts: content.parts.map((own, at) => (at === part ? { ...own, criteria: change(own.criteria) } : own)) };
}

/** Option ids are `<criterion code>/<n>`: renumbered after every change, the starred minima following their option. */
export function renumberOptions(criterion: CriterionContent): CriterionContent {
  const renamed = new Map(criterion.options.map((option, at) => [option.id, `${criterion.code}/${at + 1}`]));
  return {
    ...criterion,
    options: criterion.options.map((option, at) => ({ ...option, id: `${criterion.code}/${at + 1}` })),
    minima: criterion.minima.flatMap((minimum) => {
      const id = renamed.get(minimum.optionId);
      return id ? [{ ...minimum, optionId: id }] : [];
    }),
  };
}

export function updateCriterion(
  content: CriteriaSetContent,
  where: CriterionAt,
  change: (criterion: CriterionContent) => CriterionContent,
): CriteriaSetContent {
  return changePart(content, where.part, (criteria) =>
    mapAt(criteria, where.path, (list, at) => {
      const own = list[at];
      if (own) list[at] = renumberOptions(change(own));
      return list;
    }),
  );
}

export function removeCriterion(content: CriteriaSetContent, where: CriterionAt): CriteriaSetContent {
  return changePart(content, where.part, (criteria) =>
    mapAt(criteria, where.path, (list, at) => list.filter((_criterion, index) => index !== at)),
  );
}

/** Swaps the criterion with its neighbour (`delta` −1 up, +1 down); nothing at the ends. */
export function moveCriterion(content: CriteriaSetContent, where: CriterionAt, delta: -1 | 1): CriteriaSetContent {
  return changePart(content, where.part, (criteria) =>
    mapAt(criteria, where.path, (list, at) => {
      const other = at + delta;
      const a = list[at];
      const b = list[other];
      if (!a || !b) return list;
      list[at] = b;
      list[other] = a;
      return list;
    }),
  );
}

/** A code not used anywhere in the sheet: the parent's code (or the part's) and the next free number. */
export function freeCode(content: CriteriaSetContent, prefix: string): string {
  const used = new Set<string>();
  const walk = (criteria: Criteria) => {
    for (const criterion of criteria) {
      used.add(criterion.code);
      walk(criterion.children);
    }
  };
  for (const part of content.parts) walk(part.criteria);
  for (let n = 1; ; n++) {
    const code = `${prefix}${n}`;
    if (!used.has(code)) return code;
  }
}

export function newCriterion(code: string, label: string, optionLabel: string): CriterionContent {
  return renumberOptions({
    code,
    label,
    maxPoints: 1,
    requirementNote: null,
    options: [
      { id: '', label: optionLabel, points: 0 },
      { id: '', label: optionLabel, points: 1 },
    ],
    minima: [],
    evidence: [],
    children: [],
  });
}

/** Adds a criterion at the end of a part (`parent` null) or of a criterion's children. */
export function addCriterion(content: CriteriaSetContent, part: number, parent: readonly number[] | null, criterion: CriterionContent) {
  if (parent === null) return changePart(content, part, (criteria) => [...criteria, criterion]);
  return updateCriterion(content, { part, path: parent }, (own) => ({ ...own, children: [...own.children, criterion] }));
}

/** Each part's top-level maxima added up now, beside the regime's maximum for it (the part's own when the regime lacks it). */
export function runningMaxima(content: CriteriaSetContent, regimeParts: readonly { code: string; maxPoints: number }[]) {
  const codes = [...new Set([...regimeParts.map((part) => part.code), ...content.parts.map((part) => part.code)])];
  return codes.map((code) => {
    const own = content.parts.find((part) => part.code === code);
    const regime = regimeParts.find((part) => part.code === code);
    return {
      code,
      maxPoints: regime?.maxPoints ?? own?.maxPoints ?? 0,
      sum: sumPoints(own?.criteria.map((criterion) => criterion.maxPoints) ?? []),
    };
  });
}

/** The star levels marked on one option. */
export const starsOf = (criterion: CriterionContent, optionId: string) =>
  criterion.minima.filter((minimum) => minimum.optionId === optionId).map((minimum) => minimum.stars);

/** Sets the star levels an option is the minimum for; a level names one option per criterion. */
export function setOptionStars(criterion: CriterionContent, optionId: string, stars: readonly number[]): CriterionContent {
  const others = criterion.minima.filter((minimum) => minimum.optionId !== optionId && !stars.includes(minimum.stars));
  const mine = [...stars].sort((a, b) => a - b).map((level) => ({ stars: level, optionId }));
  return { ...criterion, minima: [...others, ...mine].sort((a, b) => a.stars - b.stars) };
}
