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

/** One row of the evidence table (Phụ lục III, Mẫu 02): what proves the answer to the criteria it matches. */
export interface EvidenceItem {
  readonly id: string;
  readonly label: string;
  readonly requirement: string;
  /** Fragments of criterion labels, without diacritics, lower case: a criterion whose label holds one asks for this item. */
  readonly matches: readonly string[];
  /** Asked of the whole dossier (not only of the criteria it matches). */
  readonly dossier: boolean;
}

/** Where a regime's national score sheets are, in the reference data; null when it has none loaded. */
export interface RegimeSheetsSource {
  readonly file: string;
  readonly format: '26/2026' | '1048';
}

/** A round's two dates as month-day ('04-30'): proposals filed by the first are decided by the second. */
export interface RoundDates {
  readonly proposalsBy: string;
  readonly resultsBy: string;
}

/** Art. 5 and 7.2: the yearly rounds of the province and of the ministry, and the commune's time to assess. */
export interface RegimeSchedule {
  readonly communeAssessmentWorkingDays: number;
  readonly provinceRounds: readonly RoundDates[];
  readonly ministryRounds: readonly RoundDates[];
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
  /** The product classification whose sets this regime's sheets score. */
  readonly classificationCode: string;
  readonly sheets: RegimeSheetsSource | null;
  readonly evidence: readonly EvidenceItem[];
  /** null where the regime's data does not state it. */
  readonly schedule: RegimeSchedule | null;
}

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

export function parseDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not an ISO day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
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
