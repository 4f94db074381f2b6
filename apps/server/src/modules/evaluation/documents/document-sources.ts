import { type PreparedSheet, type Regime, scoreSheet } from '@ocop/domain/evaluation';
import type { DossierContext } from '../dossiers/dossier-core';
import type { RegistrationForm, StoredCouncilResult } from '../dossiers/dossier.tables';
import type { DocumentProducer, DocumentProduct, ImprovementLine, Recognition } from './document-data';

/**
 * From the dossier's stored record to the documents' plain data: Mẫu 01 as filed (the registry's
 * snapshot at submission), the product's place in the classification, what to improve.
 */
const text = (form: RegistrationForm, key: string): string | null => {
  const value = form[key];
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
};

const LEGAL_FORM_LABELS: Record<string, string> = {
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household: 'Hộ kinh doanh',
  enterprise: 'Doanh nghiệp',
};

export function producerOf(form: RegistrationForm): DocumentProducer {
  return {
    name: text(form, 'producerName') ?? '',
    legalForm: LEGAL_FORM_LABELS[text(form, 'producerType') ?? ''] ?? text(form, 'producerType') ?? '',
    address: text(form, 'address') ?? '',
    communeName: text(form, 'communeName') ?? '',
    representative: text(form, 'representativeName') ?? '',
    representativeTitle: text(form, 'representativeTitle'),
    phone: text(form, 'phone'),
    email: text(form, 'email'),
    registrationNumber: text(form, 'registrationNumber'),
  };
}

export function productOf(form: RegistrationForm, fallback: { name: string; code: string | null }): DocumentProduct {
  const setName = text(form, 'productSetName') ?? '';
  return {
    name: text(form, 'productName') ?? fallback.name,
    code: text(form, 'productCode') ?? fallback.code,
    groupPath: setName,
    productSet: { code: text(form, 'productSetCode') ?? '', name: setName },
  };
}

/** "Tỉnh Sơn La" → "Sơn La", as the forms write "UBND tỉnh Sơn La". */
export const shortProvinceName = (name: string | null) => (name ?? '').replace(/^(Tỉnh|Thành phố)\s+/u, '');

/** Who recognises the council's result: the province (3★–4★ under 90 points), the ministry (≥ 90), or no one. */
export function recognitionOf(regime: Regime, result: Pick<StoredCouncilResult, 'total' | 'stars'>): Recognition {
  const fiveFrom = regime.starBands.find((band) => band.stars === Math.max(...regime.starBands.map((b) => b.stars)))?.minPoints ?? 90;
  if (result.total >= fiveFrom) return 'ministry';
  const level = regime.recognition?.find((entry) => entry.stars.includes(result.stars))?.level ?? null;
  return level === 'province' ? 'province' : 'none';
}

/** The option a council's average points reached on a criterion: the best one not above it. */
function reachedOption(sheet: PreparedSheet, code: string, average: number) {
  const options = [...(sheet.byCode.get(code)?.options ?? [])].sort((a, b) => a.points - b.points);
  return [...options].reverse().find((option) => option.points <= average + 1e-9) ?? options[0];
}

/**
 * What the producer should improve for the next star: every starred minimum the average missed at
 * that level, then the weakest other criteria (largest gap to their best option), with the
 * evidence the regime's table asks for each.
 */
export function improvementsOf(
  ctx: Pick<DossierContext, 'regime'> & { sheet: PreparedSheet },
  result: StoredCouncilResult,
  limit = 5,
): { nextStars: number | null; unmetMinima: ImprovementLine[]; weakCriteria: ImprovementLine[] } {
  const { sheet, regime } = ctx;
  const top = Math.max(...sheet.levels);
  const nextStars = result.stars >= top ? null : Math.max(result.stars + 1, Math.min(...sheet.levels));
  const evidenceOf = (code: string) =>
    (sheet.byCode.get(code)?.evidence ?? []).map((id) => regime.evidence.find((item) => item.id === id)?.label ?? id);
  const line = (code: string, requiredLabel: string, requiredPoints: number): ImprovementLine => {
    const average = result.criteria[code] ?? 0;
    return {
      criterionCode: code,
      criterionLabel: sheet.byCode.get(code)?.label ?? code,
      reachedLabel: reachedOption(sheet, code, average)?.label ?? '',
      requiredLabel,
      requiredPoints,
      evidence: evidenceOf(code),
    };
  };
  const unmet = nextStars === null ? [] : (result.unmetMinima.find((level) => level.stars === nextStars)?.unmet ?? []);
  const unmetMinima = unmet.map((entry) => {
    const requirement = sheet.requirement(entry.criterionCode, nextStars ?? top);
    return line(entry.criterionCode, requirement?.option.label ?? '', entry.requiredPoints);
  });
  const named = new Set(unmet.map((entry) => entry.criterionCode));
  const weakCriteria = sheet.answerable
    .filter((criterion) => !named.has(criterion.code) && criterion.options.length > 0)
    .map((criterion) => {
      const best = [...criterion.options].sort((a, b) => b.points - a.points)[0];
      return { criterion, best, gap: (best?.points ?? 0) - (result.criteria[criterion.code] ?? 0) };
    })
    .filter((entry) => entry.gap > 0.005 && entry.best)
    .sort((a, b) => b.gap - a.gap || a.criterion.code.localeCompare(b.criterion.code))
    .slice(0, limit)
    .map((entry) => {
      const average = result.criteria[entry.criterion.code] ?? 0;
      const next = [...entry.criterion.options].sort((a, b) => a.points - b.points).find((option) => option.points > average + 1e-9);
      return line(entry.criterion.code, next?.label ?? entry.best?.label ?? '', next?.points ?? entry.best?.points ?? 0);
    });
  return { nextStars, unmetMinima, weakCriteria };
}

/** The self-assessment's score and projected stars, for Mẫu 01. */
export function selfAssessmentSummary(sheet: PreparedSheet | null, answers: Readonly<Record<string, string>>) {
  if (!sheet || Object.keys(answers).length === 0) return null;
  const score = scoreSheet(sheet, answers);
  return {
    total: score.total,
    maxPoints: sheet.regime.parts.reduce((sum, part) => sum + part.maxPoints, 0),
    stars: score.stars !== null && score.stars > 0 ? score.stars : null,
    maxStars: Math.max(...sheet.levels),
  };
}
