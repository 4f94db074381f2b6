/**
 * What a dossier must carry before the producer may submit it (QĐ 26/2026 Art. 6.1), as a
 * checklist the screen shows and the server enforces. The decision names the forms (Mẫu 01, Mẫu 02
 * with its evidence); which papers of the evidence table are indispensable is our reading of it:
 * - every dossier: the business registration and the certificate of production conditions (the
 *   legal papers every score sheet's part A asks for);
 * - an upgrade: evidence for each criterion whose answer changed against the certified dossier
 *   (Art. 6.1.b: "thể hiện rõ … minh chứng về những thay đổi");
 * - a re-evaluation: the quality declaration and the periodic lab tests (Art. 6.1.c).
 * Samples are not part of it: the office ticks them on receipt (5, none for tourism, Art. 6.2.d).
 */
import type { EvidenceItem } from './regime';

export type DossierKindCode = 'first' | 'upgrade' | 're_evaluation';

export const BASE_REQUIRED_EVIDENCE = ['giay-dang-ky-kinh-doanh', 'giay-chung-nhan-du-dieu-kien'] as const;
export const RE_EVALUATION_REQUIRED_EVIDENCE = ['cong-bo-chat-luong', 'kiem-nghiem'] as const;

/** Samples a product owes with its dossier: five, except services of the tourism group ('6'). */
export function samplesRequired(productSetCode: string): number {
  return productSetCode.split('.')[0] === '6' ? 0 : 5;
}

export interface ChecklistEvidence {
  readonly criterionCode: string | null;
  readonly evidenceItemId: string | null;
}

export interface ChecklistLine {
  /** An evidence-table id, or `criterion:<code>` for an upgrade's changed criterion. */
  readonly key: string;
  readonly label: string;
  readonly present: boolean;
}

/** Criterion codes whose answer differs between the certified dossier's answers and the new ones. */
export function changedCriteria(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return Object.keys(after)
    .filter((code) => before[code] !== after[code])
    .sort();
}

export function dossierChecklist(input: {
  kind: DossierKindCode;
  catalogue: readonly EvidenceItem[];
  evidence: readonly ChecklistEvidence[];
  /** For an upgrade: the criteria changed against the certified dossier, with their labels. */
  changed?: readonly { code: string; label: string }[];
}): ChecklistLine[] {
  const ids = [...BASE_REQUIRED_EVIDENCE, ...(input.kind === 're_evaluation' ? RE_EVALUATION_REQUIRED_EVIDENCE : [])];
  const offered = new Set(input.evidence.map((item) => item.evidenceItemId).filter((id): id is string => id !== null));
  const lines: ChecklistLine[] = ids.map((id) => ({
    key: id,
    label: input.catalogue.find((item) => item.id === id)?.label ?? id,
    present: offered.has(id),
  }));
  if (input.kind === 'upgrade') {
    const proven = new Set(input.evidence.map((item) => item.criterionCode).filter((code): code is string => code !== null));
    for (const criterion of input.changed ?? [])
      lines.push({
        key: `criterion:${criterion.code}`,
        label: `${criterion.code} ${criterion.label}`,
        present: proven.has(criterion.code),
      });
  }
  return lines;
}

/** The labels of what is still missing, as the submit refusal lists them. */
export const missingOf = (lines: readonly ChecklistLine[]): string[] => lines.filter((line) => !line.present).map((line) => line.label);
