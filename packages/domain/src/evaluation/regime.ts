/**
 * A scoring regime (the decision that sets the score sheets, its bands and who recognises what) as
 * data: rules read every number from here, so a new decision is a new object, not new code.
 */

export type PartCode = string;
export type RecognitionLevel = 'province' | 'ministry';

export interface RegimePart {
  readonly code: PartCode;
  readonly label: string;
  readonly maxPoints: number;
}

export interface StarBand {
  readonly stars: number;
  /** Lowest total (inclusive) of the band; the next band up starts where this one ends. */
  readonly minPoints: number;
}

export interface Recognition {
  readonly stars: readonly number[];
  readonly level: RecognitionLevel;
}

/** Art. 12 (transition) of a decision: deadlines for dossiers filed under the decision it replaces. */
export interface TransitionRules {
  readonly replaces: readonly string[];
  readonly replacedLapseAfterDays: number;
  readonly pendingFirstOrUpgradeWithinDays: number;
  readonly pendingReEvaluationWithinDays: number;
  readonly lateReEvaluationExtensionMaxDays: number;
}

export interface Regime {
  readonly code: string;
  readonly name: string;
  readonly legalBasis: { readonly docNo: string; readonly signed: string; readonly article: string };
  readonly effectiveFrom: string;
  /** Last day in force (inclusive); null while in force. */
  readonly effectiveTo: string | null;
  readonly parts: readonly RegimePart[];
  /** Ordered from the highest band down; the last band starts at 0. */
  readonly starBands: readonly StarBand[];
  /** null where the data of this regime does not state it. */
  readonly recognition: readonly Recognition[] | null;
  readonly starsWithoutDecision: readonly number[] | null;
  readonly certificateValidityMonths: number | null;
  readonly reEvaluationFiling: { readonly earliestDaysBeforeExpiry: number; readonly latestDaysBeforeExpiry: number } | null;
  readonly transition: TransitionRules | null;
}

const BANDS_90_70_50_30: readonly StarBand[] = [
  { stars: 5, minPoints: 90 },
  { stars: 4, minPoints: 70 },
  { stars: 3, minPoints: 50 },
  { stars: 2, minPoints: 30 },
  { stars: 1, minPoints: 0 },
];

const PARTS_40_25_35: readonly RegimePart[] = [
  { code: 'A', label: 'Sản phẩm và sức mạnh của cộng đồng', maxPoints: 40 },
  { code: 'B', label: 'Khả năng tiếp thị', maxPoints: 25 },
  { code: 'C', label: 'Chất lượng sản phẩm', maxPoints: 35 },
];

/** QĐ 26/2026/QĐ-TTg: Art. 3 (parts, bands), Art. 4 (who recognises, validity), Art. 7.6 (re-evaluation), Art. 12. */
export const REGIME_26_2026: Regime = {
  code: '26/2026',
  name: 'Quyết định 26/2026/QĐ-TTg',
  legalBasis: { docNo: '26/2026/QĐ-TTg', signed: '2026-05-22', article: 'Điều 3, 4, 7, 12; Phụ lục II' },
  effectiveFrom: '2026-05-22',
  effectiveTo: null,
  parts: PARTS_40_25_35,
  starBands: BANDS_90_70_50_30,
  recognition: [
    { stars: [3, 4], level: 'province' },
    { stars: [5], level: 'ministry' },
  ],
  starsWithoutDecision: [1, 2],
  certificateValidityMonths: 36,
  reEvaluationFiling: { earliestDaysBeforeExpiry: 180, latestDaysBeforeExpiry: 120 },
  transition: {
    replaces: ['148/QĐ-TTg', '1489/QĐ-TTg'],
    replacedLapseAfterDays: 60,
    pendingFirstOrUpgradeWithinDays: 60,
    pendingReEvaluationWithinDays: 30,
    lateReEvaluationExtensionMaxDays: 180,
  },
};

/** QĐ 148/QĐ-TTg (2023): its structure only; its sheets are entered by a province that has them. */
export const REGIME_148_2023: Regime = {
  code: '148/2023',
  name: 'Quyết định 148/QĐ-TTg',
  legalBasis: { docNo: '148/QĐ-TTg', signed: '2023-02-24', article: 'Phụ lục' },
  effectiveFrom: '2023-02-24',
  effectiveTo: '2026-07-20',
  parts: PARTS_40_25_35,
  starBands: BANDS_90_70_50_30,
  recognition: null,
  starsWithoutDecision: null,
  certificateValidityMonths: 36,
  reEvaluationFiling: null,
  transition: null,
};

/** QĐ 1048/QĐ-TTg (2019) as amended by QĐ 781/QĐ-TTg (2020): parts 35 / 25 / 40. */
export const REGIME_1048_2019: Regime = {
  code: '1048/2019',
  name: 'Quyết định 1048/QĐ-TTg, sửa đổi bởi Quyết định 781/QĐ-TTg',
  legalBasis: { docNo: '1048/QĐ-TTg; 781/QĐ-TTg', signed: '2019-08-21', article: 'Phụ lục' },
  effectiveFrom: '2019-08-21',
  effectiveTo: '2023-02-23',
  parts: [
    { code: 'A', label: 'Sản phẩm và sức mạnh của cộng đồng', maxPoints: 35 },
    { code: 'B', label: 'Khả năng tiếp thị', maxPoints: 25 },
    { code: 'C', label: 'Chất lượng sản phẩm', maxPoints: 40 },
  ],
  starBands: BANDS_90_70_50_30,
  recognition: null,
  starsWithoutDecision: null,
  certificateValidityMonths: 36,
  reEvaluationFiling: null,
  transition: null,
};

export function regimeMaxPoints(regime: Regime): number {
  return regime.parts.reduce((sum, part) => sum + part.maxPoints, 0);
}

/** The band a total falls in (before the starred minima). */
export function starBand(regime: Regime, total: number): number {
  for (const band of regime.starBands) if (total >= band.minPoints) return band.stars;
  return regime.starBands[regime.starBands.length - 1]?.stars ?? 0;
}

export function bandMinPoints(regime: Regime, stars: number): number | null {
  return regime.starBands.find((band) => band.stars === stars)?.minPoints ?? null;
}

/** Who decides and certifies a star level; null for levels that get no decision (or not stated). */
export function recognitionLevel(regime: Regime, stars: number): RecognitionLevel | null {
  return regime.recognition?.find((entry) => entry.stars.includes(stars))?.level ?? null;
}

export function isRegimeInForce(regime: Regime, day: string): boolean {
  return day >= regime.effectiveFrom && (regime.effectiveTo === null || day <= regime.effectiveTo);
}

function parseDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not an ISO day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

function addDays(day: string, days: number): string {
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDay(date);
}

/** Last day a certificate issued on `issuedOn` is valid ("36 tháng kể từ ngày … ban hành"). */
export function certificateExpiry(regime: Regime, issuedOn: string): string | null {
  if (regime.certificateValidityMonths === null) return null;
  const issued = parseDay(issuedOn);
  // The term ends the day before the same date 36 months on (a 29 February rolls to 1 March).
  const end = new Date(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth() + regime.certificateValidityMonths, issued.getUTCDate() - 1));
  return formatDay(end);
}

/** Days on which a re-evaluation dossier may be filed for a certificate ending on `expiresOn`. */
export function reEvaluationFilingWindow(regime: Regime, expiresOn: string): { from: string; to: string } | null {
  if (!regime.reEvaluationFiling) return null;
  return {
    from: addDays(expiresOn, -regime.reEvaluationFiling.earliestDaysBeforeExpiry),
    to: addDays(expiresOn, -regime.reEvaluationFiling.latestDaysBeforeExpiry),
  };
}
