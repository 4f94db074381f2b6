import type { Regime } from '@ocop/domain/evaluation';
import { referenceSheets } from '@ocop/domain/evaluation';
import { eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../platform/database/database';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';
import { readProductSetNames } from '../../registry';
import { criteriaVersions, evaluationRegimes } from '../criteria/criteria.tables';

const EVALUATION_FOLDER = join(REFERENCE_DATA_FOLDER, 'evaluation');

export type EvaluationLoadReport = {
  /** Regimes inserted or brought up to date with the reference file. */
  regimes: string[];
  /** Per regime whose national sheets were loaded now: how many sets, and what the validator said. */
  sheets: { regimeCode: string; sets: number; unmatched: string[]; issues: number }[];
};

const digestOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Loads the regimes of `regimes.json` and, for a regime whose national sheets are not in the
 * database yet, those sheets as published version 1 of each set (one transaction per regime).
 * Sheets already there are left alone, so the secretariat's later versions survive restarts; a
 * regime's own numbers follow the reference file (no screen edits them). Runs after the
 * classifications, whose sets name the sheets.
 */
export async function loadEvaluationReference(db: Database, folder = EVALUATION_FOLDER): Promise<EvaluationLoadReport> {
  const file = JSON.parse(readFileSync(join(folder, 'regimes.json'), 'utf8')) as { regimes: Regime[] };
  const report: EvaluationLoadReport = { regimes: [], sheets: [] };
  for (const regime of file.regimes) {
    const digest = digestOf(regime);
    const [present] = await db
      .select({ digest: evaluationRegimes.digest })
      .from(evaluationRegimes)
      .where(eq(evaluationRegimes.code, regime.code));
    if (!present) await db.insert(evaluationRegimes).values({ code: regime.code, definition: regime, digest });
    else if (present.digest !== digest)
      await db
        .update(evaluationRegimes)
        .set({ definition: regime, digest, loadedAt: new Date() })
        .where(eq(evaluationRegimes.code, regime.code));
    if (!present || present.digest !== digest) report.regimes.push(regime.code);
    if (!regime.sheets) continue;
    const [anyVersion] = await db
      .select({ id: criteriaVersions.id })
      .from(criteriaVersions)
      .where(eq(criteriaVersions.regimeCode, regime.code))
      .limit(1);
    if (anyVersion) continue;
    const source = JSON.parse(readFileSync(join(folder, regime.sheets.file), 'utf8')) as unknown;
    const { sets, unmatched, issues } = referenceSheets(regime, source, await readProductSetNames(db, regime.classificationCode));
    const publishedAt = new Date();
    await db.transaction(async (tx) => {
      if (sets.length > 0)
        await tx.insert(criteriaVersions).values(
          sets.map((set) => ({
            regimeCode: regime.code,
            productSetCode: set.productSetCode,
            version: 1,
            status: 'published' as const,
            source: 'reference',
            content: set,
            publishedAt,
          })),
        );
    });
    report.sheets.push({ regimeCode: regime.code, sets: sets.length, unmatched: [...unmatched], issues: issues.length });
  }
  return report;
}
