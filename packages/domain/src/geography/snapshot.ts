/**
 * Picks the administrative map in force on a date: the latest snapshot taken on or before it,
 * or the earliest one for older dates (records from before our first snapshot still need a map).
 * Snapshots are ISO dates ('2025-03-01', '2025-07-01'); the list is data, not a constant.
 */
export function snapshotInForce(snapshots: readonly string[], asOf: string): string {
  const sorted = [...snapshots].sort();
  const first = sorted[0];
  if (first === undefined) throw new Error('No administrative snapshot is loaded.');
  let chosen = first;
  for (const snapshot of sorted) if (snapshot <= asOf) chosen = snapshot;
  return chosen;
}

export const ADMIN_LEVELS = ['province', 'district', 'commune'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];
