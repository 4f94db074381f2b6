/** Small hand-built and seeded random sheets for the tests (no randomness in the rules themselves). */
import type { CriteriaSet, Criterion } from './criteria';
import { optionId } from './criteria';
import type { Regime } from './regime';
import { REGIME_26_2026 } from './testdata/regimes';

/** `[points, minStar]` per option. */
export type OptionSpec = readonly (readonly [number, number | null])[];

export function leaf(code: string, options: OptionSpec, evidence: readonly string[] = []): Criterion {
  return {
    code,
    label: `Tiêu chí ${code}`,
    maxPoints: Math.max(...options.map(([points]) => points)),
    requirementNote: null,
    options: options.map(([points], index) => ({ id: optionId(code, index), label: `${code} phương án ${index + 1}`, points })),
    minima: options.flatMap(([, stars], index) => (stars === null ? [] : [{ stars, optionId: optionId(code, index) }])),
    evidence,
    children: [],
  };
}

export function group(code: string, children: readonly Criterion[]): Criterion {
  const maxPoints = children.reduce((sum, child) => sum + child.maxPoints, 0);
  return { code, label: `Nhóm ${code}`, maxPoints, requirementNote: null, options: [], minima: [], evidence: [], children };
}

/** One part "A" holding the given criteria, under a regime whose single part has their maximum. */
export function singlePartSheet(criteria: readonly Criterion[], bands = REGIME_26_2026.starBands): { set: CriteriaSet; regime: Regime } {
  const maxPoints = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  const regime: Regime = { ...REGIME_26_2026, parts: [{ code: 'A', label: 'A', maxPoints }], starBands: bands };
  const set: CriteriaSet = {
    regimeCode: regime.code,
    productSetCode: 'thu',
    ordinal: null,
    name: 'Bộ thử',
    parts: [{ code: 'A', label: 'A', maxPoints, criteria }],
    disqualifiers: [{ id: 'D1', text: 'Hồ sơ bị loại khi: giả mạo hồ sơ', criterionCode: null }],
  };
  return { set, regime };
}

/** mulberry32: a seeded generator, so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
