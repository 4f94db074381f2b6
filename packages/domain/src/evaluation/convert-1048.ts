/**
 * Reads the 2019 transcript shape (`ocop-1048-781.json`: sets named by their 2019 product-set name →
 * parts → titled sections → criteria whose code leads the title). Maxima are not in that file:
 * a leaf's is its best option, a parent's the sum of its children, so only the parts can disagree.
 */
import type { CriteriaPart, CriteriaSet, Criterion, Disqualifier } from './criteria';
import { optionId } from './criteria';

export interface Sheet1048Criterion {
  readonly title: string;
  readonly note?: string;
  readonly options?: readonly { readonly text: string; readonly points: number }[];
  readonly children?: readonly Sheet1048Criterion[];
}

export interface Sheets1048File {
  readonly criteriaSets: readonly {
    readonly productSet: string;
    readonly parts: readonly {
      readonly code: string;
      readonly maxPoints: number;
      readonly sections: readonly { readonly title: string; readonly criteria: readonly Sheet1048Criterion[] }[];
    }[];
  }[];
}

export interface ProductSetName {
  readonly code: string;
  readonly name: string;
}

const TITLE = /^\s*(\d+(?:\.\d+)*)\.?\s*(.*)$/s;
// "Bị loại nếu…" / "sẽ bị loại bỏ": a rule that removes the dossier, not a note to print.
const DISQUALIFYING = /bị loại/i;

function splitTitle(title: string): { code: string | null; label: string } {
  const match = TITLE.exec(title);
  return match ? { code: match[1] ?? null, label: (match[2] ?? '').trim() } : { code: null, label: title.trim() };
}

const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

interface Context {
  readonly disqualifiers: Disqualifier[];
}

function convertCriterion(source: Sheet1048Criterion, fallback: { code: string; label: string }, context: Context): Criterion {
  const title = source.title.trim() ? splitTitle(source.title) : fallback;
  const code = title.code ?? fallback.code;
  const notes: string[] = [];
  // The transcript lost line breaks as a literal "rn" before a second note.
  for (const note of (source.note ?? '').split(/rn(?=Ghi chú)/)) {
    if (!note.trim()) continue;
    if (DISQUALIFYING.test(note)) {
      context.disqualifiers.push({ id: `D${context.disqualifiers.length + 1}`, text: note.trim(), criterionCode: code });
    } else notes.push(note.trim());
  }
  const options = (source.options ?? []).map((option, index) => ({ id: optionId(code, index), label: option.text, points: option.points }));
  const children = (source.children ?? []).map((child, index) =>
    convertCriterion(child, { code: `${code}.${index + 1}`, label: '' }, context),
  );
  const best = options.length > 0 ? Math.max(...options.map((option) => option.points)) : 0;
  return {
    code,
    label: title.label,
    maxPoints: best + children.reduce((sum, child) => sum + child.maxPoints, 0),
    requirementNote: notes.length > 0 ? notes.join('\n') : null,
    options,
    minima: [],
    evidence: [],
    children,
  };
}

/** Sections become group criteria; a section whose one criterion has no title is that criterion. */
function convertSection(section: { title: string; criteria: readonly Sheet1048Criterion[] }, context: Context): Criterion {
  const heading = splitTitle(section.title);
  const code = heading.code ?? section.title.trim();
  const only = section.criteria.length === 1 ? section.criteria[0] : undefined;
  if (only && !only.title.trim()) return convertCriterion(only, { code, label: heading.label }, context);
  const children = section.criteria.map((criterion, index) =>
    convertCriterion(criterion, { code: `${code}.${index + 1}`, label: '' }, context),
  );
  return {
    code,
    label: heading.label,
    maxPoints: children.reduce((sum, child) => sum + child.maxPoints, 0),
    requirementNote: null,
    options: [],
    minima: [],
    evidence: [],
    children,
  };
}

/**
 * `productSets`: the regime's classification (code and name); a sheet whose 2019 name matches none
 * is returned in `unmatched` rather than guessed.
 */
export function convertSheets1048File(
  file: Sheets1048File,
  regimeCode: string,
  productSets: readonly ProductSetName[],
): { sets: CriteriaSet[]; unmatched: string[] } {
  const byName = new Map(productSets.map((set) => [normalise(set.name), set.code]));
  const sets: CriteriaSet[] = [];
  const unmatched: string[] = [];
  for (const source of file.criteriaSets) {
    const productSetCode = byName.get(normalise(source.productSet));
    if (!productSetCode) {
      unmatched.push(source.productSet);
      continue;
    }
    const context: Context = { disqualifiers: [] };
    const parts: CriteriaPart[] = source.parts.map((part) => ({
      code: part.code,
      label: part.code,
      maxPoints: part.maxPoints,
      criteria: part.sections.map((section) => convertSection(section, context)),
    }));
    sets.push({ regimeCode, productSetCode, ordinal: null, name: source.productSet, parts, disqualifiers: context.disqualifiers });
  }
  return { sets, unmatched };
}
