/** A classification's time in force, as ISO dates; `effectiveTo` is the last day, null while in force. */
export type ClassificationPeriod = { code: string; effectiveFrom: string; effectiveTo: string | null };

/** The classification in force on a date (the latest to start, among those not yet ended), if any. */
export function classificationInForce<T extends ClassificationPeriod>(versions: readonly T[], onDate: string): T | undefined {
  return [...versions]
    .filter((version) => version.effectiveFrom <= onDate && (version.effectiveTo === null || version.effectiveTo >= onDate))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** The calendar date in Vietnam (UTC+7) at an instant, as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
