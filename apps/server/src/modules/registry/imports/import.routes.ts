import type { Language } from '@ocop/contracts/common';
import { errorMessage } from '@ocop/contracts/errors';
import {
  type ImportJobView,
  type ImportProblemView,
  importJobView,
  importKindParams,
  importParams,
  importStartQuery,
  templateParams,
  UPLOAD_LIMITS,
} from '@ocop/contracts/registry-files';
import { vietnamDate } from '@ocop/domain/registry';
import { DomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { requestLanguage } from '../../../platform/http/language';
import { limitDetailsOf } from '../../../platform/spreadsheets/sheet-limits';
import { contentDisposition, readSingleUpload } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { ImportProgress, ImportService, ImportWithJob } from './import.service';
import type { ImportIssue } from './import.tables';
import { buildProblemReport, buildTemplate, type TemplateLists, XLSX_TYPE } from './import-workbooks';
import { PRODUCER_COLUMNS, PRODUCER_SHEET_NAME } from './producer-columns';
import { PRODUCT_COLUMNS, PRODUCT_SHEET_NAME } from './product-columns';

const TAG = ['Nhập dữ liệu / Imports'];
/** Problems sent in the JSON view; the xlsx report lists them all. */
const PROBLEMS_IN_VIEW = 1000;

export type TemplateListSource = (kind: 'producers' | 'products', provinceCode: string) => Promise<TemplateLists>;

function problemView(issue: ImportIssue, language: Language): ImportProblemView {
  return {
    row: issue.row || null,
    column: issue.column,
    header: issue.header,
    code: issue.code,
    message: errorMessage(issue.code, language, issue.details),
    details: issue.details,
  };
}

/**
 * The view of an import: its record, and while it runs the progress its job stores (any process
 * shows it). An import whose job died for good was already marked failed by the service.
 */
export function toImportJobView({ job, run }: ImportWithJob, language: Language): ImportJobView {
  const report = job.report;
  const status = job.status;
  const failureCode = job.failureCode;
  const finished = status !== 'queued' && status !== 'running';
  const live = !finished && run?.progress ? (run.progress as ImportProgress) : null;
  return {
    id: job.id,
    provinceCode: job.provinceCode,
    kind: job.kind,
    mode: job.mode === 'dry_run' ? 'dry-run' : 'commit',
    status,
    fileName: job.uploadName,
    format: job.uploadFormat,
    processedRows: live?.processedRows ?? job.processedRows,
    totalRows: live?.totalRows ?? job.totalRows,
    failure: failureCode
      ? problemView({ row: 0, column: null, header: null, code: failureCode, details: limitDetailsOf(failureCode) }, language)
      : null,
    summary: report
      ? {
          sheetName: report.sheetName,
          headerRow: report.headerRow,
          dataRows: report.dataRows,
          blankRows: report.blankRows,
          rowsWithProblems: report.rowsWithProblems,
          problemCount: report.problemCount,
          problemsTruncated: report.problemsTruncated || report.problems.length > PROBLEMS_IN_VIEW,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        }
      : null,
    problems: (report?.problems ?? []).slice(0, PROBLEMS_IN_VIEW).map((issue) => problemView(issue, language)),
    notices: (report?.notices ?? []).slice(0, PROBLEMS_IN_VIEW).map((issue) => problemView(issue, language)),
    reportUrl: finished && report ? `/api/imports/${job.id}/report.xlsx` : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export function importRoutes(deps: { imports: ImportService; templateLists: TemplateListSource }): FastifyPluginAsyncZod {
  const { imports } = deps;
  return async (app) => {
    app.get(
      '/imports/templates/:file',
      {
        config: { access: capability('imports.run') },
        schema: {
          tags: TAG,
          summary: 'Import template (xlsx): Vietnamese headers, an example row, drop-down lists of types, communes and product sets',
          params: templateParams,
          querystring: z
            .object({
              provinceCode: z
                .string()
                .regex(/^\d{2}$/)
                .optional(),
            })
            .strict(),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const kind = request.params.file === 'producers.xlsx' ? 'producers' : 'products';
        const provinceCode = imports.provinceFor(actor.grants, request.query.provinceCode);
        const lists = await deps.templateLists(kind, provinceCode);
        const bytes = await buildTemplate(
          kind === 'producers'
            ? { sheetName: PRODUCER_SHEET_NAME, columns: PRODUCER_COLUMNS as never, lists, title: 'Mẫu nhập danh sách chủ thể OCOP' }
            : { sheetName: PRODUCT_SHEET_NAME, columns: PRODUCT_COLUMNS as never, lists, title: 'Mẫu nhập danh sách sản phẩm OCOP' },
        );
        const name = kind === 'producers' ? 'mau-nhap-chu-the-ocop.xlsx' : 'mau-nhap-san-pham-ocop.xlsx';
        return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition('attachment', name)).send(bytes);
      },
    );

    app.post(
      '/imports/:kind',
      {
        config: { access: capability('imports.run') },
        schema: {
          tags: TAG,
          summary: 'Upload an xlsx or CSV (multipart field "file") for a dry run or an import; answers 202 with the job to poll',
          params: importKindParams,
          querystring: importStartQuery,
          consumes: ['multipart/form-data'],
          response: { 202: importJobView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readSingleUpload(request, UPLOAD_LIMITS.spreadsheetBytes);
        const job = await imports.start(
          { userId: actor.userId, grants: actor.grants },
          {
            kind: request.params.kind,
            mode: request.query.mode === 'commit' ? 'commit' : 'dry_run',
            provinceCode: request.query.provinceCode,
            bytes: upload.bytes,
            filename: upload.filename,
            mimetype: upload.mimetype,
          },
          auditContextOf(request),
        );
        return reply
          .status(202)
          .header('location', `/api/imports/${job.id}`)
          .send(toImportJobView({ job, run: null }, requestLanguage(request)));
      },
    );

    app.post(
      '/imports/:importId/commit',
      {
        config: { access: capability('imports.run') },
        schema: {
          tags: TAG,
          summary: 'Import the file of a dry run (its checks run again first)',
          params: importParams,
          response: { 202: importJobView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const job = await imports.commitDryRun(
          { userId: actor.userId, grants: actor.grants },
          request.params.importId,
          auditContextOf(request),
        );
        return reply
          .status(202)
          .header('location', `/api/imports/${job.id}`)
          .send(toImportJobView({ job, run: null }, requestLanguage(request)));
      },
    );

    app.get(
      '/imports',
      {
        config: { access: capability('imports.run') },
        schema: {
          tags: TAG,
          summary: 'Recent imports of a province',
          querystring: z
            .object({
              provinceCode: z
                .string()
                .regex(/^\d{2}$/)
                .optional(),
            })
            .strict(),
          response: { 200: z.array(importJobView) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const jobs = await imports.listJobs(actor.grants, imports.provinceFor(actor.grants, request.query.provinceCode));
        return jobs.map((item) => toImportJobView(item, requestLanguage(request)));
      },
    );

    app.get(
      '/imports/:importId',
      {
        config: { access: capability('imports.run') },
        schema: {
          tags: TAG,
          summary: 'An import: status, progress, problems by row and column',
          params: importParams,
          response: { 200: importJobView },
        },
      },
      async (request) => {
        return toImportJobView(await imports.getJob(requireActor(request).grants, request.params.importId), requestLanguage(request));
      },
    );

    app.get(
      '/imports/:importId/report.xlsx',
      {
        config: { access: capability('imports.run') },
        schema: { tags: TAG, summary: 'The upload with a column of problems (xlsx)', params: importParams },
      },
      async (request, reply) => {
        const { job, openSheets } = await imports.openUpload(requireActor(request).grants, request.params.importId);
        const report = job.report;
        if (!report) throw new DomainError('conflict', 'import.not_finished', 'The import has not finished yet.');
        const bytes = await buildProblemReport({ openSheets, report, fileName: job.uploadName, language: requestLanguage(request) });
        const base = job.uploadName.replace(/\.[^.]*$/, '');
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', contentDisposition('attachment', `${base}-bao-cao-loi-${vietnamDate(job.createdAt)}.xlsx`))
          .send(bytes);
      },
    );
  };
}
