import type { Transactions } from '../../../platform/database/transaction';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { AuditContext, AuditService } from '../../identity';
import { type FileStore, readWholeFile } from '../../../platform/files/file-store';
import { sniffSpreadsheet } from '../../../platform/files/file-sniffing';
import { type JobContext, type JobQueue, PermanentJobError } from '../../../platform/jobs/job-queue';
import type { JobRow } from '../../../platform/jobs/jobs.tables';
import type { ImportPlan } from './import-plan-types';
import { type RawSheet, readCsvSheet, readXlsxSheets } from '../../../platform/spreadsheets/sheet-reader';
import type { ImportJobRow, ImportKind, ImportMode, ImportReport } from './import.tables';
import type { ImportJobInsert, ImportRepository } from './import.repository';
import type { ParseContext } from './sheet-columns';
import type { ProducerSheetValues } from './producer-columns';
import type { ProductSheetValues } from './product-columns';
import { checkImport, type ImportProgress } from './import-checks';
import { writeImport } from './import-writes';

export { MAX_LISTED_PROBLEMS } from './import-checks';
export type { ImportPhase, ImportProgress } from './import-checks';

export type ImportService = ReturnType<typeof createImportService>;

/** Largest spreadsheet accepted (bytes of the upload). */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;
/** The durable queue imports run on (platform/jobs); its job has the import's id. */
export const IMPORT_QUEUE = 'registry.import';
/** Runs of one import: a crash (lease lost) or an unexpected error is retried this many times in all. */
const IMPORT_ATTEMPTS = 2;

export type ImportPlans = { producers: ImportPlan<ProducerSheetValues>; products: ImportPlan<ProductSheetValues> };

type JobActor = { userId: string | null; grants: readonly RoleGrant[] };
/** `dryRunId`: the dry run this commit repeats; the commit stops when the file no longer matches the records as it did then. */
type ImportPayload = { importId: string; grants: RoleGrant[]; context: AuditContext; dryRunId?: string };

/** An import's record with the state of the job that runs it (progress, or the failure of a run that died). */
export type ImportWithJob = { job: ImportJobRow; run: JobRow | null };

/**
 * Spreadsheet imports of producers and products. Each runs as a durable job (platform/jobs): any app
 * process may run it and any shows its progress, and a run that dies with its process is retried.
 * A job reads its upload in a streaming fashion, parses every row with the registry's column
 * definitions, checks all rows against each other and the stored records, and (for an import)
 * writes them all or nothing: new products are staged in short transactions and appear together
 * when the import completes (see import-writes.ts), so readers never wait behind it.
 *
 * A dry run never opens a write transaction; an import first repeats the dry run's checks and
 * writes nothing when any row has a problem.
 */
export function createImportService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  store: FileStore;
  jobs: JobQueue;
  importJobs: ImportRepository;
  parseContext: (provinceCode: string) => Promise<ParseContext>;
  plans: ImportPlans;
  /** Where unexpected failures of background jobs are logged (they have no request to answer). */
  logger?: { error: (details: object, message: string) => void };
}) {
  const { transactions, clock, audit, store, jobs, importJobs } = deps;

  function assertMayImport(grants: readonly RoleGrant[], provinceCode: string) {
    if (!can(grants, 'imports.run', { provinceCode })) {
      throw new DomainError('forbidden', 'import.not_allowed', 'Only provincial staff may import spreadsheets.', { provinceCode });
    }
  }

  function provinceOf(grants: readonly RoleGrant[], requested: string | undefined): string {
    if (requested) return requested;
    const own = [...new Set(grants.map((grant) => grant.provinceCode).filter((code): code is string => code !== null))];
    if (own.length === 1 && own[0]) return own[0];
    throw new DomainError('invalid', 'import.province_required', 'Choose the province to import into.', { field: 'provinceCode' });
  }

  async function loadJob(grants: readonly RoleGrant[], importId: string): Promise<ImportJobRow> {
    const job = await importJobs.findById(importId);
    if (!job || !can(grants, 'imports.run', { provinceCode: job.provinceCode }))
      throw new DomainError('not_found', 'import.not_found', 'No such import.');
    return job;
  }

  async function save(jobId: string, patch: Partial<ImportJobInsert>) {
    await importJobs.update(jobId, { ...patch, updatedAt: clock.now() });
  }

  /** Uploads are at most UPLOAD_LIMITS' size, so the bytes are read whole: the xlsx zip directory is checked before inflating. */
  async function openSheets(job: ImportJobRow): Promise<AsyncIterable<RawSheet>> {
    const bytes = await readWholeFile(store, job.uploadKey);
    if (job.uploadFormat === 'csv') {
      return (async function* () {
        yield readCsvSheet(bytes, job.uploadName);
      })();
    }
    return readXlsxSheets(bytes);
  }

  /** The handler of the import queue: one run of one import, from reading to publishing. */
  async function runImport(payload: ImportPayload, run: JobContext): Promise<{ status: string }> {
    const job = await importJobs.findById(payload.importId);
    if (!job) throw new PermanentJobError('import.not_found', `No import ${payload.importId}.`);
    const plan = deps.plans[job.kind] as unknown as ImportPlan<Record<string, unknown>>;
    if (job.status === 'completed') {
      // A run that died after publishing: only the audit trail of the staged rows may be missing.
      if (job.mode === 'commit') await plan.staging?.recordCreated(job.id, payload.context, run.signal);
      return { status: job.status };
    }
    if (job.status === 'rejected' || job.status === 'failed') return { status: job.status };
    const assertRunning = () => {
      if (run.signal.aborted) throw new DomainError('invalid', 'import.interrupted', 'The import was stopped.');
    };
    const progress = (value: ImportProgress) => run.progress(value);
    try {
      // A retried run starts from a clean slate: what an earlier run staged is removed first.
      if (job.mode === 'commit') await plan.staging?.discard(job.id, run.signal);
      await save(job.id, { status: 'running' });
      const ctx = await deps.parseContext(job.provinceCode);
      const checked = await checkImport({ job, plan, sheets: await openSheets(job), ctx, clock, progress, assertRunning });
      const rows = checked.report.dataRows;
      if (job.mode === 'commit' && payload.dryRunId && checked.problemFree) {
        const dry = await importJobs.findById(payload.dryRunId);
        if (dry?.report?.matchDigest !== checked.report.matchDigest) markChangedSinceDryRun(checked.report);
      }
      if (job.mode === 'dry_run' || !checked.problemFree || checked.report.problemCount > 0) {
        const status = job.mode === 'dry_run' ? 'completed' : 'rejected';
        await save(job.id, { status, report: checked.report, processedRows: rows, totalRows: rows, finishedAt: clock.now() });
        return { status };
      }
      const outcome = await writeImport({
        job,
        plan,
        checked,
        actor: { grants: payload.grants },
        context: payload.context,
        transactions,
        audit,
        progress,
        assertRunning,
        signal: run.signal,
        recordChanges: (recordIds) => importJobs.addChanges(job.id, recordIds),
        complete: (report) =>
          save(job.id, {
            status: 'completed',
            report,
            processedRows: checked.planned.length,
            totalRows: checked.planned.length,
            finishedAt: clock.now(),
          }),
        reject: (report) => save(job.id, { status: 'rejected', report, finishedAt: clock.now() }),
      });
      return { status: outcome };
    } catch (error) {
      // Stopped with the server: the queue gives the job back and the next run starts afresh.
      if (run.signal.aborted) throw error;
      const retry = !(error instanceof DomainError) && run.attempt < IMPORT_ATTEMPTS;
      if (retry) throw error;
      if (!(error instanceof DomainError)) deps.logger?.error({ err: error, importId: job.id }, 'import failed');
      const code = error instanceof DomainError ? error.code : 'import.failed';
      await save(job.id, { status: 'failed', failureCode: code, finishedAt: clock.now() });
      throw new PermanentJobError(code, error instanceof Error ? error.message : String(error));
    }
  }

  jobs.register(IMPORT_QUEUE, (payload, run) => runImport(payload as ImportPayload, run), {
    maxAttempts: IMPORT_ATTEMPTS,
    retryDelayMs: () => 1_000,
  });

  /** Imports whose last run died with its process (no attempt left): marked failed, their staged rows removed. */
  async function settleAbandoned(found: ImportWithJob[]): Promise<ImportWithJob[]> {
    const out: ImportWithJob[] = [];
    for (const item of found) {
      const abandoned = (item.job.status === 'queued' || item.job.status === 'running') && item.run?.status === 'failed';
      if (!abandoned) {
        out.push(item);
        continue;
      }
      const failureCode = item.run?.error?.code === 'job.lease_expired' ? 'import.interrupted' : (item.run?.error?.code ?? 'import.failed');
      await save(item.job.id, { status: 'failed', failureCode, finishedAt: clock.now() });
      if (item.job.mode === 'commit') await deps.plans[item.job.kind].staging?.discard(item.job.id);
      out.push({ job: { ...item.job, status: 'failed', failureCode }, run: item.run });
    }
    return out;
  }

  async function withRuns(found: ImportJobRow[]): Promise<ImportWithJob[]> {
    const runs = await jobs.getMany(found.map((job) => job.id));
    return settleAbandoned(found.map((job) => ({ job, run: runs.get(job.id) ?? null })));
  }

  async function startJob(
    actor: JobActor,
    input: {
      kind: ImportKind;
      mode: ImportMode;
      provinceCode: string;
      uploadKey: string;
      uploadName: string;
      uploadFormat: 'xlsx' | 'csv';
      uploadSizeBytes: number;
    },
    context: AuditContext,
    dryRunId?: string,
  ) {
    const now = clock.now();
    // The record and its job are written together (the job row is the outbox of the upload).
    return transactions.run(async () => {
      const job = await importJobs.insert({ ...input, status: 'queued', createdBy: actor.userId, createdAt: now, updatedAt: now });
      const payload: ImportPayload = { importId: job.id, grants: [...actor.grants], context, ...(dryRunId ? { dryRunId } : {}) };
      await jobs.enqueue(IMPORT_QUEUE, payload, { id: job.id });
      return job;
    });
  }

  return {
    /** Stores the upload and queues a dry run or an import of it; answers at once with the job. */
    start: async (
      actor: JobActor,
      input: { kind: ImportKind; mode: ImportMode; provinceCode?: string | undefined; bytes: Buffer; filename: string; mimetype: string },
      context: AuditContext,
    ): Promise<ImportJobRow> => {
      const provinceCode = provinceOf(actor.grants, input.provinceCode);
      assertMayImport(actor.grants, provinceCode);
      const format = await sniffSpreadsheet(input.bytes, { filename: input.filename, mimetype: input.mimetype });
      const blob = await store.put(input.bytes);
      return startJob(
        actor,
        {
          kind: input.kind,
          mode: input.mode,
          provinceCode,
          uploadKey: blob.key,
          uploadName: input.filename,
          uploadFormat: format,
          uploadSizeBytes: blob.sizeBytes,
        },
        context,
      );
    },

    /** Imports the file of an earlier dry run, without uploading it again; its checks run again first. */
    commitDryRun: async (actor: JobActor, importId: string, context: AuditContext): Promise<ImportJobRow> => {
      const dry = await loadJob(actor.grants, importId);
      assertMayImport(actor.grants, dry.provinceCode);
      if (dry.mode !== 'dry_run') throw new DomainError('conflict', 'import.not_a_dry_run', 'Only a dry run can be imported this way.');
      return startJob(
        actor,
        {
          kind: dry.kind,
          mode: 'commit',
          provinceCode: dry.provinceCode,
          uploadKey: dry.uploadKey,
          uploadName: dry.uploadName,
          uploadFormat: dry.uploadFormat,
          uploadSizeBytes: dry.uploadSizeBytes,
        },
        context,
        dry.id,
      );
    },

    /** The province an import or template is for: the one asked for, else the actor's own; the actor must be provincial staff there. */
    provinceFor: (grants: readonly RoleGrant[], requested: string | undefined) => {
      const provinceCode = provinceOf(grants, requested);
      assertMayImport(grants, provinceCode);
      return provinceCode;
    },

    getJob: async (grants: readonly RoleGrant[], importId: string): Promise<ImportWithJob> => {
      const [found] = await withRuns([await loadJob(grants, importId)]);
      return found as ImportWithJob;
    },

    listJobs: async (grants: readonly RoleGrant[], provinceCode: string, limit = 20): Promise<ImportWithJob[]> => {
      assertMayImport(grants, provinceCode);
      return withRuns(await importJobs.listByProvince(provinceCode, limit));
    },

    /** The job and a way to read its upload afresh, for the xlsx problem report. */
    openUpload: async (grants: readonly RoleGrant[], importId: string) => {
      const job = await loadJob(grants, importId);
      return { job, openSheets: () => openSheets(job) };
    },

    /** For tests, the benchmark and the CLI: resolves when this process's worker has run every job due so far. */
    idle: () => jobs.settle(),
  };
}

/**
 * The records the rows match are not those the dry run showed (someone added or changed one
 * meanwhile): the commit writes nothing and asks for a new dry run, rather than update a record
 * the user never saw in the dry run's result.
 */
function markChangedSinceDryRun(report: ImportReport) {
  report.problems = [{ row: 0, column: null, header: null, code: 'import.changed_since_dry_run', details: {} }];
  report.problemCount = 1;
  report.rowsWithProblems = 1;
}
