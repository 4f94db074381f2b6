/**
 * A regime's national sheets as the server loads them: converted from the transcript's shape,
 * keyed by the code of the product set in the regime's classification (found by the set's name,
 * so the sheet file and the classification stay two independent copies of the law), with the
 * evidence of the regime's table attached, and checked by the validator.
 */
import type { CriteriaSet } from './criteria';
import type { ProductSetName, Sheets1048File } from './convert-1048';
import { convertSheets1048File } from './convert-1048';
import type { Sheets26File } from './convert-26-2026';
import { convertSheets26File } from './convert-26-2026';
import { attachEvidence } from './evidence';
import type { Regime } from './regime';
import type { CriteriaIssue } from './validate';
import { validateRegimeSets } from './validate';

export interface ReferenceSheets {
  readonly sets: readonly CriteriaSet[];
  /** Sheet names that match no product set of the classification (not loaded). */
  readonly unmatched: readonly string[];
  readonly issues: readonly CriteriaIssue[];
}

const normalise = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

export function referenceSheets(regime: Regime, file: unknown, productSets: readonly ProductSetName[]): ReferenceSheets {
  if (!regime.sheets) return { sets: [], unmatched: [], issues: [] };
  let converted: CriteriaSet[];
  const unmatched: string[] = [];
  if (regime.sheets.format === '1048') {
    const result = convertSheets1048File(file as Sheets1048File, regime.code, productSets);
    converted = result.sets;
    unmatched.push(...result.unmatched);
  } else {
    const byName = new Map(productSets.map((set) => [normalise(set.name), set.code]));
    converted = [];
    for (const set of convertSheets26File(file as Sheets26File, regime.code)) {
      const code = byName.get(normalise(set.name));
      if (code) converted.push({ ...set, productSetCode: code });
      else unmatched.push(set.name);
    }
  }
  const sets = converted.map((set) => attachEvidence(set, regime.evidence));
  const issues = validateRegimeSets(
    regime,
    sets,
    productSets.map((set) => set.code),
  );
  return { sets, unmatched, issues };
}
