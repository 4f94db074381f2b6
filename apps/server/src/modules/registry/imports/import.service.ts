import type { Transactions } from '../../../platform/database/transaction';
import { vietnamYear } from '@ocop/domain/registry';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import { and, desc, eq } from 'drizzle-orm';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Clock } from '../../../platform/clock';
import type { AuditContext, AuditService } from '../../identity';
import { type FileStore, readWholeFile } from '../../../platform/files/file-store';
import { sniffSpreadsheet } from '../../../platform/files/file-sniffing';
import { type ImportPlan, ImportRowError, type ParsedRow, type PlannedRow, type RowProblem } from './import-plans';
import { columnLetter, type ImportRow, readImportRows, type SheetIssue, type SheetLayout } from '../../../platform/spreadsheets/sheet-rows';
import { type RawSheet, readCsvSheet, readXlsxSheets } from '../../../platform/spreadsheets/sheet-reader';
import { type ImportIssue, type ImportJobRow, importJobs, type ImportKind, type ImportMode, type ImportReport } from './import.tables';
import type { CellInput, ParseContext, ProducerSheetValues, ProductSheetValues } from './registry-columns';
import { cellText } from './registry-columns';

export type ImportService = ReturnType<typeof createImportService>;

/** Problems kept in the job's JSON report; more are counted, and the xlsx report lists those kept. */
export const MAX_LISTED_PROBLEMS = 20_000;
/** Largest spreadsheet accepted (bytes of the upload). */
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;
/** Rows written between two yields to the event loop while an import is applied. */
const ROWS_PER_WRITE_SLICE = 200;
/** How often the stored progress of a running job is refreshed while reading. */
const PROGRESS_EVERY_ROWS = 1000;

export type ImportPhase = 'reading' | 'checking' | 'writing';
export type LiveProgress = { phase: ImportPhase; processedRows: number; totalRows: number | null };

export type ImportPlans = { producers: ImportPlan<ProducerSheetValues>; products: ImportPlan<ProductSheetValues> };

type JobActor = { userId: string | null; grants: readonly RoleGrant[] };

/**
 * Spreadsheet imports of producers and products. A job reads its upload in a streaming fashion,
 * parses every row with the registry's column definitions, checks all rows against each other
 * and the stored records, and (for an import) writes them in one transaction through the
 * producer and product services: all or nothing. Jobs run one after another in the background
 * of the process that received the upload; `GET /api/imports/:id` reports their progress.
 *
 * A dry run never opens a write transaction; an import first repeats the dry run's checks and
 * writes nothing when any row has a problem.
 */
export function createImportService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  store: FileStore;
  parseContext: (provinceCode: string) => Promise<ParseContext>;
  plans: ImportPlans;
  /** Where unexpected failures of background jobs are logged (they have no request to answer). */
  logger?: { error: (details: object, message: string) => void };
}) {
  const { transactions, clock, audit, store } = deps;
  const db = transactions.db;
  const live = new Map<string, LiveProgress>();
  let queue: Promise<void> = Promise.resolve();
  let closing = false;

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
    const [job] = await db().select().from(importJobs).where(eq(importJobs.id, importId));
    if (!job || !can(grants, 'imports.run', { provinceCode: job.provinceCode }))
      throw new DomainError('not_found', 'import.not_found', 'No such import.');
    return job;
  }

  async function save(jobId: string, patch: Partial<typeof importJobs.$inferInsert>) {
    await db()
      .update(importJobs)
      .set({ ...patch, updatedAt: clock.now() })
      .where(eq(importJobs.id, jobId));
  }

  function enqueue(job: ImportJobRow, actor: JobActor, context: AuditContext) {
    live.set(job.id, { phase: 'reading', processedRows: 0, totalRows: null });
    // The job outlives the request that queued it: it must not inherit the request's transaction.
    queue = queue.then(() =>
      transactions
        .detached(() => runJob(job, actor, context))
        .catch(async (error: unknown) => {
          if (!(error instanceof DomainError)) deps.logger?.error({ err: error, importId: job.id }, 'import failed');
          const code = error instanceof DomainError ? error.code : 'import.failed';
          await save(job.id, { status: 'failed', failureCode: code, finishedAt: clock.now() }).catch(() => undefined);
        })
        .finally(() => live.delete(job.id)),
    );
  }

  async function openSheets(job: ImportJobRow): Promise<AsyncIterable<RawSheet>> {
    if (job.uploadFormat === 'csv') {
      const bytes = await readWholeFile(store, job.uploadKey);
      return (async function* () {
        yield readCsvSheet(bytes, job.uploadName);
      })();
    }
    return readXlsxSheets(await store.openRead(job.uploadKey));
  }

  async function runJob(job: ImportJobRow, actor: JobActor, context: AuditContext) {
    const plan = deps.plans[job.kind] as unknown as ImportPlan<Record<string, unknown>>;
    const progress = live.get(job.id) ?? { phase: 'reading' as ImportPhase, processedRows: 0, totalRows: null };
    await save(job.id, { status: 'running' });
    const ctx = await deps.parseContext(job.provinceCode);
    const found: { layout?: SheetLayout; issues: SheetIssue[]; blankRows: number } = { issues: [], blankRows: 0 };
    const issues: ImportIssue[] = [];
    const notices: ImportIssue[] = [];
    const parsed: ParsedRow<Record<string, unknown>>[] = [];
    const exampleRow = plan.columns.map((column) => column.example);
    const columnKeys = plan.columns.map((column) => column.key as string);

    const place = (key: string | null) => {
      if (key === null || !found.layout) return { column: null, header: null };
      const index = columnKeys.indexOf(key);
      if (index === -1) return { column: null, header: null };
      const fileColumn = found.layout.fileColumnOf[index] ?? -1;
      return { column: fileColumn === -1 ? null : columnLetter(fileColumn), header: plan.columns[index]?.header ?? null };
    };

    for await (const row of readImportRows(await openSheets(job), plan.columns, found)) {
      if (closing) throw new DomainError('invalid', 'import.interrupted', 'The server stopped during the import.');
      const layout = found.layout as SheetLayout;
      if (isExampleRow(row, exampleRow)) {
        notices.push({ row: row.rowNumber, column: null, header: null, code: 'import.example_row_skipped', details: {} });
        continue;
      }
      const unreadable = new Set<number>();
      for (const { columnIndex, problem } of row.cellProblems) {
        unreadable.add(columnIndex);
        const where = place(columnKeys[columnIndex] ?? null);
        issues.push({ row: row.rowNumber, ...where, code: problem.code, details: problem.details });
      }
      const { values, problems } = plan.parse(row.values, ctx);
      for (const problem of problems) {
        if (unreadable.has(columnKeys.indexOf(problem.column))) continue;
        issues.push({
          row: row.rowNumber,
          ...place(problem.column),
          code: problem.code,
          details: { ...problem.details, value: problem.details.value ?? cellText(row.values[columnKeys.indexOf(problem.column)]) },
        });
      }
      const present = new Set(columnKeys.filter((_key, index) => (layout.fileColumnOf[index] ?? -1) !== -1));
      for (const index of unreadable) present.delete(columnKeys[index] as string);
      parsed.push({ rowNumber: row.rowNumber, values, present });
      progress.processedRows++;
      if (progress.processedRows % PROGRESS_EVERY_ROWS === 0) await save(job.id, { processedRows: progress.processedRows });
    }
    for (const issue of found.issues)
      issues.push({ row: issue.row ?? 0, column: issue.column, header: issue.header, code: issue.code, details: issue.details });
    progress.totalRows = parsed.length;
    progress.phase = 'checking';
    await save(job.id, { processedRows: progress.processedRows, totalRows: parsed.length });

    let planned: PlannedRow<Record<string, unknown>>[] = [];
    if (found.layout && found.issues.length === 0) {
      planned = await plan.plan(parsed, { provinceCode: job.provinceCode, currentYear: vietnamYear(clock.now()), db });
      for (const row of planned) for (const problem of row.problems) issues.push(rowIssue(row.rowNumber, problem, place));
    }
    issues.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));

    const report: ImportReport = {
      format: job.uploadFormat,
      sheetName: found.layout?.sheetName ?? null,
      headerRow: found.layout?.headerRow ?? null,
      dataRows: parsed.length,
      blankRows: found.blankRows,
      rowsWithProblems: new Set(issues.map((issue) => issue.row)).size,
      problemCount: issues.length,
      problems: issues.slice(0, MAX_LISTED_PROBLEMS),
      problemsTruncated: issues.length > MAX_LISTED_PROBLEMS,
      created: 0,
      updated: 0,
      unchanged: 0,
      notices,
    };
    const problemFree = issues.length === 0 && found.layout !== undefined;
    if (job.mode === 'dry_run' || !problemFree) {
      if (job.mode === 'dry_run') {
        // What a dry run can tell of the rows without problems: which add a record and which match one
        // (whether a matched record would really change is known only when it is written).
        const rowsWithProblems = new Set(issues.map((issue) => issue.row));
        const clean = planned.filter((row) => !rowsWithProblems.has(row.rowNumber));
        report.updated = clean.filter((row) => row.existingId !== null).length;
        report.created = clean.length - report.updated;
      }
      await save(job.id, {
        status: job.mode === 'dry_run' ? 'completed' : 'rejected',
        report,
        processedRows: parsed.length,
        totalRows: parsed.length,
        finishedAt: clock.now(),
      });
      return;
    }

    progress.phase = 'writing';
    progress.processedRows = 0;
    await save(job.id, { processedRows: 0, totalRows: planned.length, report: { ...report, problems: [] } });
    const env = { actor: { grants: actor.grants }, context, provinceCode: job.provinceCode, db };
    let failedRow: { row: PlannedRow<Record<string, unknown>>; error: DomainError } | null = null;
    try {
      await transactions.run(async () => {
        const interrupted = () => new DomainError('invalid', 'import.interrupted', 'The server stopped during the import.');
        // Rows that add records go in bulk when the plan can (same results, a few statements per chunk).
        const fresh = plan.createMany ? planned.filter((row) => row.existingId === null) : [];
        if (plan.createMany && fresh.length > 0) {
          try {
            await plan.createMany(fresh, env, (rows) => {
              if (closing) throw interrupted();
              progress.processedRows += rows;
            });
          } catch (error) {
            if (error instanceof ImportRowError) {
              const row = fresh.find((candidate) => candidate.rowNumber === error.rowNumber);
              if (row) failedRow = { row, error: error.error };
              throw error.error;
            }
            throw error;
          }
          report.created += fresh.length;
        }
        // Rows that match a record and would change nothing are counted without a write.
        const matched = planned.filter((row) => row.existingId !== null);
        const same = plan.unchanged && matched.length > 0 ? await plan.unchanged(matched, env) : new Set<number>();
        let sinceYield = 0;
        for (const row of planned) {
          if (plan.createMany && row.existingId === null) continue;
          if (same.has(row.rowNumber)) {
            report.unchanged++;
            progress.processedRows++;
            continue;
          }
          if (closing) throw interrupted();
          let outcome: Awaited<ReturnType<typeof plan.apply>>;
          try {
            outcome = await plan.apply(row, env);
          } catch (error) {
            if (error instanceof DomainError) failedRow = { row, error };
            throw error;
          }
          report[outcome]++;
          progress.processedRows++;
          if (++sinceYield >= ROWS_PER_WRITE_SLICE) {
            sinceYield = 0;
            await yieldToEventLoop();
          }
        }
        if (report.created + report.updated > 0) {
          await audit.record(context, {
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
      });
    } catch (error) {
      const failure = failedRow as { row: PlannedRow<Record<string, unknown>>; error: DomainError } | null;
      if (!failure) throw error;
      const issue = rowIssue(
        failure.row.rowNumber,
        { key: fieldOf(failure.error), code: failure.error.code, details: { ...failure.error.details } },
        place,
      );
      await save(job.id, {
        status: 'rejected',
        report: { ...report, created: 0, updated: 0, unchanged: 0, problems: [issue], problemCount: 1, rowsWithProblems: 1 },
        finishedAt: clock.now(),
      });
      return;
    }
    await save(job.id, { status: 'completed', report, processedRows: planned.length, totalRows: planned.length, finishedAt: clock.now() });
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
  ) {
    const now = clock.now();
    const [job] = await db()
      .insert(importJobs)
      .values({ ...input, status: 'queued', createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    if (!job) throw new Error('insert returned no row');
    enqueue(job, actor, context);
    return job;
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
      );
    },

    /** The province an import or template is for: the one asked for, else the actor's own; the actor must be provincial staff there. */
    provinceFor: (grants: readonly RoleGrant[], requested: string | undefined) => {
      const provinceCode = provinceOf(grants, requested);
      assertMayImport(grants, provinceCode);
      return provinceCode;
    },

    liveProgress: (importId: string) => live.get(importId) ?? null,

    getJob: async (grants: readonly RoleGrant[], importId: string) => {
      const job = await loadJob(grants, importId);
      return { job, live: live.get(job.id) ?? null };
    },

    listJobs: async (grants: readonly RoleGrant[], provinceCode: string, limit = 20) => {
      assertMayImport(grants, provinceCode);
      return db()
        .select()
        .from(importJobs)
        .where(and(eq(importJobs.provinceCode, provinceCode)))
        .orderBy(desc(importJobs.createdAt))
        .limit(limit);
    },

    /** The job and a way to read its upload afresh, for the xlsx problem report. */
    openUpload: async (grants: readonly RoleGrant[], importId: string) => {
      const job = await loadJob(grants, importId);
      return { job, openSheets: () => openSheets(job) };
    },

    /** Resolves when every queued job has finished; new work is refused from then on. */
    drain: async () => {
      closing = true;
      await queue;
    },

    /** For tests and the benchmark: resolves when the jobs queued so far have finished. */
    idle: () => queue,
  };
}

function fieldOf(error: DomainError): string | null {
  return typeof error.details.field === 'string' ? error.details.field : null;
}

function rowIssue(
  row: number,
  problem: RowProblem,
  place: (key: string | null) => { column: string | null; header: string | null },
): ImportIssue {
  return { row, ...place(problem.key), code: problem.code, details: problem.details };
}

/** The template's example row, left in by mistake: every filled example cell is in the row, and nothing else. */
function isExampleRow(row: ImportRow, example: readonly (string | number | null)[]): boolean {
  let matched = 0;
  for (let i = 0; i < example.length; i++) {
    const wanted = example[i];
    const got: CellInput = row.values[i];
    const gotText = cellText(got);
    if (wanted === null || wanted === undefined) {
      if (gotText !== '') return false;
      continue;
    }
    if (gotText !== cellText(wanted)) return false;
    matched++;
  }
  return matched > 0;
}
