import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEvaluationReference } from '../apps/server/src/modules/evaluation';
import { loadAdminUnits } from '../apps/server/src/modules/geography';
import { loadClassifications } from '../apps/server/src/modules/registry';
import { openDatabase } from '../apps/server/src/platform/database/database';
import { runMigrations } from '../apps/server/src/platform/database/migrate';

type Steps = { open: number; migrations: number; adminUnits: number; classifications: number; evaluation: number };
const STEP_LABELS: [keyof Steps, string][] = [
  ['open', 'open PGlite'],
  ['migrations', 'runMigrations'],
  ['adminUnits', 'loadAdminUnits'],
  ['classifications', 'loadClassifications'],
  ['evaluation', 'loadEvaluationReference'],
];

const total = (steps: Steps) => Object.values(steps).reduce((sum, ms) => sum + ms, 0);
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

/** One start as `prepare-database.ts` does it, each step timed on its own. */
async function start(dataDir: string): Promise<Steps> {
  const timed = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  const t0 = performance.now();
  const database = await openDatabase({ dataDir });
  const open = performance.now() - t0;
  try {
    const migrations = await timed(() => runMigrations(database));
    const adminUnits = await timed(() => loadAdminUnits(database.db));
    const classifications = await timed(() => loadClassifications(database.db));
    const evaluation = await timed(() => loadEvaluationReference(database.db));
    return { open, migrations, adminUnits, classifications, evaluation };
  } finally {
    await database.close();
  }
}

/**
 * The reference data loaded at the first start (both administrative maps, the product classifications,
 * the regimes and their score sheets) on a fresh PGlite, against a second start on the same data
 * folder, which finds everything loaded and is the baseline.
 */
export async function benchReferenceLoad(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-reference-'));
  try {
    const first = await start(join(dataDir, 'db'));
    const second = await start(join(dataDir, 'db'));
    const baseline = total(second);
    const lines = [
      `first start, fresh PGlite: ${ms(total(first))} in all (${(total(first) / baseline).toFixed(1)}× the second start)`,
      ...STEP_LABELS.map(
        ([key, label]) =>
          `${label}: first start ${ms(first[key])}, second ${ms(second[key])} (${(first[key] / Math.max(second[key], 0.01)).toFixed(1)}×)`,
      ),
      `second start on the same data (nothing to load; baseline): ${ms(baseline)}`,
    ];
    return lines;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
