import { legacyImportQuery, legacyImportReport, legacyTemplateQuery } from '@ocop/contracts/certification';
import { UPLOAD_LIMITS } from '@ocop/contracts/registry-files';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import { requestLanguage } from '../../../platform/http/language';
import { contentDisposition, readSingleUpload } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { LegacyImport } from './legacy-import.service';
import { XLSX_TYPE } from './legacy-template';

const TAG = ['Giấy chứng nhận OCOP / Certificates'];

/** Certificates issued before the system: the template, the dry run and the all-or-nothing import. */
export function legacyRoutes(legacy: LegacyImport): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/certificates/legacy-template.xlsx',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary:
            'Template (xlsx) for certificates issued before the system: headers, a marked example row, the former districts and communes',
          querystring: legacyTemplateQuery,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const bytes = await legacy.template({ userId: actor.userId, grants: actor.grants }, request.query.provinceCode);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', contentDisposition('attachment', 'mau-nhap-giay-chung-nhan-ocop-truoc-day.xlsx'))
          .send(bytes);
      },
    );

    app.post(
      '/certificates/legacy-import',
      {
        config: { access: capability('certificates.manage') },
        schema: {
          tags: TAG,
          summary:
            'Upload the filled template (multipart field "file"): dryRun=true checks and previews (200); dryRun=false imports all rows or none (201; 422 with the report)',
          querystring: legacyImportQuery,
          consumes: ['multipart/form-data'],
          response: { 200: legacyImportReport, 201: legacyImportReport },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readSingleUpload(request, UPLOAD_LIMITS.spreadsheetBytes);
        const dryRun = request.query.dryRun !== 'false';
        const report = await legacy.run(
          { userId: actor.userId, grants: actor.grants },
          {
            bytes: upload.bytes,
            fileName: upload.filename,
            provinceCode: request.query.provinceCode,
            dryRun,
            language: requestLanguage(request),
          },
          auditContextOf(request),
        );
        return reply.status(dryRun ? 200 : 201).send(report);
      },
    );
  };
}
