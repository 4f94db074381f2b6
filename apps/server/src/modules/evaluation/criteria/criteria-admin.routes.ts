import {
  CRITERIA_FILE_BYTES,
  criteriaImportQuery,
  criteriaImportReport,
  criteriaVersionView,
  publishCriteriaBody,
  saveCriteriaDraftBody,
} from '@ocop/contracts/evaluation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition, readSingleUpload } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { CriteriaDrafts } from './criteria-drafts';
import { XLSX_TYPE } from './criteria-sheet-file';
import type { CriteriaTransfer } from './criteria-transfer';
import type { CriteriaService } from './criteria.service';
import type { CriteriaVersionRow } from './criteria.tables';
import { toVersionView } from './criteria.views';

const TAG = ['Bộ tiêu chí / Score sheets'];
const versionParams = z.object({ versionId: z.uuid() });
const setParams = z.object({ regimeCode: z.string().max(20), productSetCode: z.string().max(20) });
const MANAGE = { access: capability('criteria.manage') };

/** The secretariat's tools on score sheets: drafts, publishing, export and import. */
export function criteriaAdminRoutes(deps: {
  criteria: CriteriaService;
  drafts: CriteriaDrafts;
  transfer: CriteriaTransfer;
}): FastifyPluginAsyncZod {
  const { criteria, drafts, transfer } = deps;
  const view = async (row: CriteriaVersionRow) => toVersionView(row, await criteria.regime(row.regimeCode));

  return async (app) => {
    app.post(
      '/evaluation/criteria-versions/:versionId/drafts',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Starts the set’s draft from a published or superseded version (409 when the set has a draft)',
          params: versionParams,
          response: { 201: criteriaVersionView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await drafts.startDraft(actor.userId, request.params.versionId, auditContextOf(request));
        return reply.status(201).send(await view(row));
      },
    );

    app.put(
      '/evaluation/criteria-versions/:versionId',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Replaces a draft’s whole content; the view lists what still blocks publishing and the running part totals',
          params: versionParams,
          body: saveCriteriaDraftBody,
          response: { 200: criteriaVersionView },
        },
      },
      async (request) => view(await drafts.save(request.params.versionId, request.body, auditContextOf(request))),
    );

    app.post(
      '/evaluation/criteria-versions/:versionId/publish',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Publishes a draft the validator finds nothing in; the set’s published version becomes superseded',
          params: versionParams,
          body: publishCriteriaBody,
          response: { 200: criteriaVersionView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return view(await drafts.publish(actor.userId, request.params.versionId, request.body.revision, auditContextOf(request)));
      },
    );

    app.delete(
      '/evaluation/criteria-versions/:versionId',
      { config: MANAGE, schema: { tags: TAG, summary: 'Deletes a draft (a published version is never deleted)', params: versionParams } },
      async (request, reply) => {
        await drafts.remove(request.params.versionId, auditContextOf(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/evaluation/criteria-versions/:versionId/export.xlsx',
      {
        config: MANAGE,
        schema: { tags: TAG, summary: 'The version as an xlsx workbook: one row per option, Vietnamese headers', params: versionParams },
      },
      async (request, reply) => {
        const file = await transfer.exportXlsx(request.params.versionId);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .send(file.bytes);
      },
    );

    app.get(
      '/evaluation/criteria-versions/:versionId/export.json',
      {
        config: MANAGE,
        schema: { tags: TAG, summary: 'The version as JSON (format ocop-criteria-set, version 1)', params: versionParams },
      },
      async (request, reply) => {
        const file = await transfer.exportJson(request.params.versionId);
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .send(file.bytes);
      },
    );

    app.post(
      '/evaluation/regimes/:regimeCode/sets/:productSetCode/import',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Checks an xlsx or JSON file of a set (dryRun=true, changes nothing) or imports it as the set’s draft (dryRun=false)',
          params: setParams,
          querystring: criteriaImportQuery,
          consumes: ['multipart/form-data'],
          response: { 200: criteriaImportReport, 201: criteriaVersionView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readSingleUpload(request, CRITERIA_FILE_BYTES);
        const { regimeCode, productSetCode } = request.params;
        if (request.query.dryRun) return reply.status(200).send(await transfer.dryRun(regimeCode, productSetCode, upload.bytes));
        const row = await transfer.commit(actor.userId, regimeCode, productSetCode, upload, auditContextOf(request));
        return reply.status(201).send(await view(row));
      },
    );
  };
}
