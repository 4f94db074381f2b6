import { DomainError } from '@ocop/domain/shared';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { RegistryActor } from '../shared/registry-support';
import { type CheckedImport, type ImportProgress, rowIssue } from './import-checks';
import { type ApplyEnv, type ImportPlan, ImportRowError, type PlannedRow } from './import-plan-types';
import type { ImportJobRow, ImportReport } from './import.tables';

/** Rows written between two yields to the event loop inside the final transaction. */
const ROWS_PER_WRITE_SLICE = 200;

type Row = PlannedRow<Record<string, unknown>>;

type WriteImportParams = {
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
  /** Notes the stored records the import changed; called inside the final transaction. */
  recordChanges: (recordIds: string[]) => Promise<void>;
  /** Marks the import completed with its report; called inside the final transaction. */
  complete: (report: ImportReport) => Promise<void>;
  /** Marks the import rejected because of one row's problem; nothing of it is stored. */
  reject: (report: ImportReport) => Promise<void>;
};

/** The row a write failed on, when one row is to blame; it becomes the rejected import's one problem. */
type Failure = { row: { row: Row; error: DomainError } | null };

/**
 * Writes a checked, problem-free import: all or nothing. Rows that add a record are staged first
 * when the plan can (short transactions, invisible rows); then one transaction writes the changes
 * to matched records, the import's audit entry and the completed job, which is the step that makes
 * the staged rows part of the registry. Any failure discards the staged rows.
 */
export async function writeImport(p: WriteImportParams): Promise<'completed' | 'rejected'> {
  const { job, plan, checked, transactions } = p;
  const { planned, report } = checked;
  const env: ApplyEnv = { actor: p.actor, context: p.context, provinceCode: job.provinceCode };
  const fresh = planned.filter((row) => row.existingId === null);
  const { staging, createMany } = plan;
  const bulk = staging !== undefined || createMany !== undefined;
  const failure: Failure = { row: null };
  let written = 0;
  const advance = async (rows: number) => {
    p.assertRunning();
    written += rows;
    await p.progress({ phase: 'writing', processedRows: written, totalRows: planned.length });
  };

  await p.progress({ phase: 'writing', processedRows: 0, totalRows: planned.length });
  try {
    if (staging && fresh.length > 0) await namingFailedRow(failure, fresh, () => staging.stage(fresh, env, job.id, advance));
    await transactions.run(async () => {
      if (!staging && createMany && fresh.length > 0) await namingFailedRow(failure, fresh, () => createMany(fresh, env, advance));
      if (bulk) report.created += fresh.length;
      const changed = await applyRows(p, env, bulk, failure);
      if (changed.length > 0) await p.recordChanges(changed);
      await recordImported(p);
      await p.complete(report);
    });
  } catch (error) {
    // Whatever the failure, the staged rows go (they were never visible); a crash leaves them to the retry.
    if (staging) await staging.discard(job.id);
    if (!failure.row) throw error;
    await p.reject(rejectedReport(failure.row, checked));
    return 'rejected';
  }
  if (staging && fresh.length > 0) {
    await p.progress({ phase: 'publishing', processedRows: planned.length, totalRows: planned.length });
    await staging.recordCreated(job.id, p.context, p.signal);
  }
  return 'completed';
}

/** Runs a bulk write; when a row of it fails, remembers that row and throws its DomainError. */
async function namingFailedRow(failure: Failure, rows: readonly Row[], work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ImportRowError)) throw error;
    const row = rows.find((candidate) => candidate.rowNumber === error.rowNumber);
    if (row) failure.row = { row, error: error.error };
    throw error.error;
  }
}

/**
 * Writes one by one the rows that match a stored record (and the new ones when the plan has no bulk
 * path), inside the final transaction, yielding to the event loop every slice of rows. Returns the
 * ids of the stored records it changed.
 */
async function applyRows(p: WriteImportParams, env: ApplyEnv, bulk: boolean, failure: Failure): Promise<string[]> {
  const { plan } = p;
  const { planned, report } = p.checked;
  // Rows that match a record and would change nothing are counted without a write.
  const matched = planned.filter((row) => row.existingId !== null);
  const same = plan.unchanged && matched.length > 0 ? await plan.unchanged(matched, env) : new Set<number>();
  const changed = new Set<string>();
  let sinceYield = 0;
  for (const row of planned) {
    if (bulk && row.existingId === null) continue;
    if (same.has(row.rowNumber)) {
      report.unchanged++;
      continue;
    }
    p.assertRunning();
    try {
      const outcome = await plan.apply(row, env);
      report[outcome]++;
      if (outcome === 'updated' && row.existingId) changed.add(row.existingId);
    } catch (error) {
      if (error instanceof DomainError) failure.row = { row, error };
      throw error;
    }
    if (++sinceYield >= ROWS_PER_WRITE_SLICE) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return [...changed];
}

/** The import's own audit entry, when it changed anything. */
async function recordImported(p: WriteImportParams) {
  const { job } = p;
  const { planned, report } = p.checked;
  if (report.created + report.updated === 0) return;
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

/** The report of an import refused because of the row it failed on: that row's problem, nothing written. */
function rejectedReport(failed: { row: Row; error: DomainError }, checked: CheckedImport): ImportReport {
  const { error } = failed;
  const problem = {
    key: typeof error.details.field === 'string' ? error.details.field : null,
    code: error.code,
    details: { ...error.details },
  };
  const issue = rowIssue(failed.row.rowNumber, problem, checked.place);
  return { ...checked.report, created: 0, updated: 0, unchanged: 0, problems: [issue], problemCount: 1, rowsWithProblems: 1 };
}
