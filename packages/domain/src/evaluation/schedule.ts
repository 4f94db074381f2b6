/**
 * The calendar of the process, from the regime's data: the yearly rounds (Art. 5), the commune's
 * 15 working days to assess a dossier (Art. 7.2), and when a re-evaluation may be filed (Art. 7.6.a)
 * with the extension of Art. 12.3 for a late one. Days are ISO dates in Vietnam's calendar;
 * public holidays are the province's list (configurable), weekends are Saturday and Sunday.
 */
import { DomainError } from '../shared/domain-error';
import type { Regime, RegimeSchedule, RoundDates } from './regime';
import { addDays, parseDay, reEvaluationFilingWindow } from './regime';

export type RoundLevel = 'province' | 'ministry';

export interface RoundPlan {
  readonly year: number;
  readonly ordinal: number;
  readonly level: RoundLevel;
  readonly proposalsBy: string;
  readonly resultsBy: string;
}

function scheduleOf(regime: Regime): RegimeSchedule {
  if (!regime.schedule) {
    throw new DomainError('invalid', 'evaluation.regime_without_schedule', `${regime.code} states no schedule`, {
      regimeCode: regime.code,
    });
  }
  return regime.schedule;
}

const roundsOf = (schedule: RegimeSchedule, level: RoundLevel): readonly RoundDates[] =>
  level === 'province' ? schedule.provinceRounds : schedule.ministryRounds;

/** The default rounds of a year, in date order (the ministry's early round decides the previous year's proposals). */
export function defaultRounds(regime: Regime, year: number, level: RoundLevel): RoundPlan[] {
  return roundsOf(scheduleOf(regime), level)
    .map((dates) => ({ proposalsBy: `${year}-${dates.proposalsBy}`, resultsBy: `${year}-${dates.resultsBy}` }))
    .sort((a, b) => a.proposalsBy.localeCompare(b.proposalsBy))
    .map((dates, index) => ({ year, ordinal: index + 1, level, ...dates }));
}

/** The default round a proposal made on `day` goes to: the first whose proposal date is not past. */
export function roundForProposal(regime: Regime, day: string, level: RoundLevel): RoundPlan {
  const year = parseDay(day).getUTCFullYear();
  const candidates = [...defaultRounds(regime, year, level), ...defaultRounds(regime, year + 1, level)];
  const round = candidates.find((candidate) => candidate.proposalsBy >= day);
  if (!round) throw new Error('a schedule without rounds'); // a regime with rounds always has one next year
  return round;
}

const isWeekend = (day: string) => {
  const weekday = parseDay(day).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** Working days never hold more than a few hundred holidays; a bigger list is a mistake, not a calendar. */
export const MAX_HOLIDAYS = 1_000;

function holidaySet(holidays: Iterable<string>): ReadonlySet<string> {
  const set = new Set(holidays);
  if (set.size > MAX_HOLIDAYS) throw new RangeError(`more than ${MAX_HOLIDAYS} holidays`);
  return set;
}

const isWorkingDay = (day: string, holidays: ReadonlySet<string>) => !isWeekend(day) && !holidays.has(day);

/**
 * The day the n-th working day after `start` ends ("trong thời hạn 15 ngày làm việc kể từ ngày
 * tiếp nhận": the day of receipt does not count).
 */
export function addWorkingDays(start: string, workingDays: number, holidays: Iterable<string> = []): string {
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > 3_660) throw new RangeError(`bad count ${workingDays}`);
  const off = holidaySet(holidays);
  let day = start;
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, off)) counted++;
  }
  return day;
}

/** Working days from the day after `start` to `end` inclusive (0 when `end` is not after `start`). */
export function workingDaysBetween(start: string, end: string, holidays: Iterable<string> = []): number {
  const off = holidaySet(holidays);
  const span = Math.round((parseDay(end).getTime() - parseDay(start).getTime()) / 86_400_000);
  if (span > 3_660) throw new RangeError('more than ten years apart');
  let count = 0;
  for (let day = start; day < end; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, off)) count++;
  }
  return count;
}

export interface CommuneClock {
  readonly receivedOn: string;
  readonly dueOn: string;
  readonly allowed: number;
  readonly used: number;
  readonly remaining: number;
  readonly overdue: boolean;
}

/** The commune officer's visible clock on a dossier received on `receivedOn`, as of `today`. */
export function communeClock(regime: Regime, receivedOn: string, today: string, holidays: Iterable<string> = []): CommuneClock {
  const allowed = scheduleOf(regime).communeAssessmentWorkingDays;
  const list = [...holidays];
  const used = workingDaysBetween(receivedOn, today, list);
  return {
    receivedOn,
    dueOn: addWorkingDays(receivedOn, allowed, list),
    allowed,
    used,
    remaining: Math.max(0, allowed - used),
    overdue: used > allowed,
  };
}

export type ReEvaluationFilingStatus =
  /** Before the window opens: refused, with the day it opens. */
  | 'too_early'
  | 'in_time'
  /** After the window closed, while the certificate still runs: accepted and marked; Art. 12.3 keeps the certificate valid until the result, at most 180 days past expiry. */
  | 'late'
  /** After expiry: no longer a re-evaluation; the product is evaluated anew. */
  | 'lapsed';

export interface ReEvaluationFiling {
  readonly status: ReEvaluationFilingStatus;
  readonly window: { readonly from: string; readonly to: string };
  /** For a late filing: the last day the certificate may be extended to. */
  readonly extendedAtMostTo: string | null;
}

/** Where a re-evaluation filed on `filedOn` stands against a certificate ending on `expiresOn`. */
export function reEvaluationFiling(regime: Regime, expiresOn: string, filedOn: string): ReEvaluationFiling {
  const window = reEvaluationFilingWindow(regime, expiresOn);
  if (!window) {
    throw new DomainError('invalid', 'evaluation.regime_without_schedule', `${regime.code} states no re-evaluation window`, {
      regimeCode: regime.code,
    });
  }
  const extension = regime.transition?.lateReEvaluationExtensionMaxDays ?? 0;
  if (filedOn < window.from) return { status: 'too_early', window, extendedAtMostTo: null };
  if (filedOn <= window.to) return { status: 'in_time', window, extendedAtMostTo: null };
  if (filedOn <= expiresOn) return { status: 'late', window, extendedAtMostTo: addDays(expiresOn, extension) };
  return { status: 'lapsed', window, extendedAtMostTo: null };
}
