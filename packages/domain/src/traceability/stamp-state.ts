/**
 * The life of a trace stamp: issued (printed, not yet on a product) → activated at packing (on a
 * product, optionally of a lot) → void (destroyed, lost or stolen). A stolen roll of issued stamps
 * is worth nothing until its producer activates them, and voiding makes a stamp say so when scanned.
 *
 * Batch steps (a range or a list) are all-or-nothing: one stamp the step may not take refuses the
 * whole call, so a packing line never ends half-activated. A stamp already in the target state is
 * left as it is and counted, because a packer scanning a roll twice is normal.
 */

export const STAMP_STATES = ['issued', 'activated', 'void'] as const;
export type StampState = (typeof STAMP_STATES)[number];

export type StampAction = 'activate' | 'void';

export type StampFacts = { state: StampState; lotId: string | null };

/** Why a stamp refuses a step. */
export type StampRefusal = 'void' | 'other_lot';

export type StampStep =
  | { kind: 'change'; state: StampState; lotId: string | null }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: StampRefusal };

/**
 * The step `action` takes on one stamp. Activation may attach `lotId`; a stamp already activated
 * with another lot is refused (its printed lot would lie), and a void stamp never comes back.
 */
export function stampStep(stamp: StampFacts, action: StampAction, lotId: string | null = null): StampStep {
  if (action === 'void') return stamp.state === 'void' ? { kind: 'unchanged' } : { kind: 'change', state: 'void', lotId: stamp.lotId };
  if (stamp.state === 'void') return { kind: 'refused', reason: 'void' };
  const lot = lotId ?? stamp.lotId;
  if (stamp.lotId !== null && lotId !== null && stamp.lotId !== lotId) return { kind: 'refused', reason: 'other_lot' };
  if (stamp.state === 'activated' && lot === stamp.lotId) return { kind: 'unchanged' };
  return { kind: 'change', state: 'activated', lotId: lot };
}

/** What a batch step does to a set of stamps, counted by outcome; `refused` lists the first few refusals. */
export type StampBatchPlan = {
  changed: number;
  unchanged: number;
  refused: { index: number; reason: StampRefusal }[];
};

const REFUSALS_SHOWN = 10;

/** Plans a batch step; the caller applies it only when `refused` is empty. */
export function planStampBatch(stamps: Iterable<StampFacts>, action: StampAction, lotId: string | null = null): StampBatchPlan {
  const plan: StampBatchPlan = { changed: 0, unchanged: 0, refused: [] };
  let index = 0;
  for (const stamp of stamps) {
    const step = stampStep(stamp, action, lotId);
    if (step.kind === 'change') plan.changed++;
    else if (step.kind === 'unchanged') plan.unchanged++;
    else if (plan.refused.length < REFUSALS_SHOWN) plan.refused.push({ index, reason: step.reason });
    index++;
  }
  return plan;
}

/** Bounds of an order and of each call on it. */
export const STAMP_LIMITS = {
  /** Stamps in one order: one issuing job. */
  orderMax: 10_000_000,
  /** Serials in one activation or voiding by list (a scanned or pasted batch). */
  listMax: 10_000,
  /** Sequence numbers in one activation or voiding by range (one UPDATE in one request). */
  rangeMax: 100_000,
  /** Stamps in one printed PDF. */
  sheetMax: 10_000,
} as const;
