/** The council's result: the mean of its members' sheets, and who strays from it. */

export interface MemberTotal {
  readonly memberId: string;
  readonly total: number;
}

export interface AverageResult {
  /** Rounded to two decimals, half away from zero. */
  readonly mean: number;
  /** Members whose total is more than `spread` points from the (unrounded) mean. */
  readonly outliers: readonly { memberId: string; total: number; deviation: number }[];
}

export const DEFAULT_MEMBER_SPREAD = 10;

/** A sum of hundredths over a count, back to points with two decimals, half away from zero. */
const roundedMeanOfHundredths = (sum: number, count: number) => (Math.sign(sum) * Math.round(Math.abs(sum) / count)) / 100;

/** The mean of some points to two decimals, added in hundredths so 0.1 + 0.2 stays 0.3. */
export function meanPoints(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return roundedMeanOfHundredths(
    values.reduce((total, value) => total + Math.round(value * 100), 0),
    values.length,
  );
}

export function averageSheets(members: readonly MemberTotal[], spread: number = DEFAULT_MEMBER_SPREAD): AverageResult | null {
  if (members.length === 0) return null;
  // In hundredths and scaled by the count, every comparison stays in whole numbers.
  const count = members.length;
  const hundredths = members.map((member) => Math.round(member.total * 100));
  const sum = hundredths.reduce((total, value) => total + value, 0);
  const mean = roundedMeanOfHundredths(sum, count);
  const limit = Math.round(spread * 100) * count;
  const outliers = members
    .map((member, index) => ({ member, scaled: (hundredths[index] ?? 0) * count - sum }))
    .filter(({ scaled }) => Math.abs(scaled) > limit)
    .map(({ member, scaled }) => ({ memberId: member.memberId, total: member.total, deviation: Math.round(scaled / count) / 100 }));
  return { mean, outliers };
}
