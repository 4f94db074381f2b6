import { DomainError } from '@ocop/domain/shared';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { RegistryActor } from '../shared/registry-support';
import { type CheckedImport, type ImportProgress, rowIssue } from './import-checks';
import { type ImportPlan, ImportRowError, type PlannedRow } from './import-plan-types';
import type { ImportJobRow, ImportReport } from './import.tables';

/** Rows written between two yields to the event loop inside the final transaction. */
const ROWS_PER_WRITE_SLICE = 200;

type Row = PlannedRow<Record<string, unknown>>;

/**
 * Writes a checked, problem-free import: all or nothing. Rows that add a record are staged first
 * when the plan can (short transactions, invisible rows); then one transaction writes the changes
 * to matched records, the import's audit entry and the completed job, which is the step that makes
 * the staged rows part of the registry. Any failure discards the staged rows.
 */
export async function writeImport(p: {
  job: ImportJobRow;
  plan: ImportPlan<Record<string, unknown>>;
  checked: CheckedImport;
  actor: RegistryActor;
  context: AuditContext;
  transactions: Transactions;
  audit: AuditService;
  progress: (progress: ImportProgress) => Promise<void>;
  assertRunning: () => void;
  signal: AbortSignal;
  /** Marks the import completed with its report; called inside the final transaction. */
  complete: (report: ImportReport) => Promise<void>;
  /** Marks the import rejected because of one row's problem; nothing of it is stored. */
  reject: (report: ImportReport) => Promise<void>;
}): Promise<'completed' | 'rejected'> {
  const { job, plan, checked, transactions } = p;
  const { planned } = checked;
  const report = checked.report;
  const env = { actor: p.actor, context: p.context, provinceCode: job.provinceCode };
  const fresh = planned.filter((row) => row.existingId === null);
  const staging = plan.staging;
  const bulk = staging !== undefined || plan.createMany !== undefined;
  let written = 0;
  const advance = async (rows: number) => {
    p.assertRunning();
    written += rows;
    await p.progress({ phase: 'writing', processedRows: written, totalRows: planned.length });
  };
  let failedRow: { row: Row; error: DomainError } | null = null;
  const rowFailure = (error: unknown, rows: readonly Row[]) => {
    if (error instanceof ImportRowError) {
      const row = rows.find((candidate) => candidate.rowNumber === error.rowNumber);
      if (row) failedRow = { row, error: error.error };
      return error.error;
    }
    return error;
  };

  await p.progress({ phase: 'writing', processedRows: 0, totalRows: planned.length });
  try {
    if (staging && fresh.length > 0) {
      try {
        await staging.stage(fresh, env, job.id, advance);
      } catch (error) {
        throw rowFailure(error, fresh);
      }
    }
    await transactions.run(async () => {
      if (!staging && plan.createMany && fresh.length > 0) {
        try {
          await plan.createMany(fresh, env, advance);
        } catch (error) {
          throw rowFailure(error, fresh);
        }
      }
      if (bulk) report.created += fresh.length;
      // Rows that match a record and would change nothing are counted without a write.
      const matched = planned.filter((row) => row.existingId !== null);
      const same = plan.unchanged && matched.length > 0 ? await plan.unchanged(matched, env) : new Set<number>();
      let sinceYield = 0;
      for (const row of planned) {
        if (bulk && row.existingId === null) continue;
        if (same.has(row.rowNumber)) {
          report.unchanged++;
          continue;
        }
        p.assertRunning();
        try {
          report[await plan.apply(row, env)]++;
        } catch (error) {
          if (error instanceof DomainError) failedRow = { row, error };
          throw error;
        }
        if (++sinceYield >= ROWS_PER_WRITE_SLICE) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
      if (report.created + report.updated > 0) {
        await p.audit.record(p.context, {
          action: `import.${job.kind}_imported`,
          entityType: 'import',
          entityId: job.id,
          provinceCode: job.provinceCode,
          after: {
            fileName: job.uploadName,
            rows: planned.length,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
          },
        });
      }
      await p.complete(report);
    });
  } catch (error) {
    // Whatever the failure, the staged rows go (they were never visible); a crash leaves them to the retry.
    if (staging) await staging.discard(job.id);
    const failure = failedRow as { row: Row; error: DomainError } | null;
    if (!failure) throw error;
    const issue = rowIssue(
      failure.row.rowNumber,
      {
        key: typeof failure.error.details.field === 'string' ? failure.error.details.field : null,
        code: failure.error.code,
        details: { ...failure.error.details },
      },
      checked.place,
    );
    await p.reject({ ...report, created: 0, updated: 0, unchanged: 0, problems: [issue], problemCount: 1, rowsWithProblems: 1 });
    return 'rejected';
  }
  if (staging && fresh.length > 0) {
    await p.progress({ phase: 'publishing', processedRows: planned.length, totalRows: planned.length });
    await staging.recordCreated(job.id, p.context, p.signal);
  }
  return 'completed';
}
