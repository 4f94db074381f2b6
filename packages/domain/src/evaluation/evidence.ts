/**
 * The evidence a criterion asks for: the rows of the regime's evidence table (Phụ lục III, Mẫu 02)
 * whose label fragments appear in the criterion's label. The table names topics ("Sở hữu trí tuệ",
 * "Quảng bá sản phẩm"), not criterion codes, and the codes differ between the 26 sets, so the
 * topic words are what links a row to the criteria of every set.
 */
import { foldVietnamese } from '../shared/vietnamese-text';
import type { CriteriaSet, Criterion } from './criteria';
import type { EvidenceItem } from './regime';

export function evidenceFor(label: string, catalogue: readonly EvidenceItem[]): string[] {
  const folded = foldVietnamese(label);
  return catalogue.filter((item) => item.matches.some((fragment) => folded.includes(fragment))).map((item) => item.id);
}

/** The set with each criterion's `evidence` filled from the catalogue (evidence already entered is kept). */
export function attachEvidence(set: CriteriaSet, catalogue: readonly EvidenceItem[]): CriteriaSet {
  if (catalogue.length === 0) return set;
  const attach = (criterion: Criterion): Criterion => ({
    ...criterion,
    evidence: criterion.evidence.length > 0 ? criterion.evidence : evidenceFor(criterion.label, catalogue),
    children: criterion.children.map(attach),
  });
  return { ...set, parts: set.parts.map((part) => ({ ...part, criteria: part.criteria.map(attach) })) };
}

/** The catalogue rows a plan step or an answer shows: the ids of a criterion, resolved, in catalogue order. */
export function evidenceItems(ids: readonly string[], catalogue: readonly EvidenceItem[]): EvidenceItem[] {
  return catalogue.filter((item) => ids.includes(item.id));
}
