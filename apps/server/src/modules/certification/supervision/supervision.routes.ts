import { supervisionListView, supervisionQuery } from '@ocop/contracts/certification';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition } from '../../../platform/http/uploads';
import { XLSX_CONTENT_TYPE } from '../../../platform/spreadsheets/sheet-writer';
import { supervisionFileName, supervisionWorkbook } from './supervision-sheet';
import type { CertificateSupervision } from './supervision.service';

const TAG = ['Giấy chứng nhận OCOP / Certificates'];

/** The supervision lists (expiring, expired unrenewed, revoked) as JSON and as an xlsx to hand round. */
export function supervisionRoutes(supervision: CertificateSupervision): FastifyPluginAsyncZod {
  return async (app) => {
    const actorOf = (request: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      return { userId: actor.userId, grants: actor.grants };
    };

    app.get(
      '/certificates/supervision',
      {
        config: { access: capability('certificates.read') },
        schema: {
          tags: TAG,
          summary: 'A supervision list of the certificates the caller may read (at most 5,000)',
          querystring: supervisionQuery,
          response: { 200: supervisionListView },
        },
      },
      async (request) => supervision.list(actorOf(request), request.query.list),
    );

    app.get(
      '/certificates/supervision.xlsx',
      {
        config: { access: capability('certificates.read') },
        schema: { tags: TAG, summary: 'The same list as an xlsx workbook with Vietnamese headers', querystring: supervisionQuery },
      },
      async (request, reply) => {
        const view = await supervision.list(actorOf(request), request.query.list);
        return reply
          .header('content-type', XLSX_CONTENT_TYPE)
          .header('content-disposition', contentDisposition('attachment', supervisionFileName(view)))
          .send(await supervisionWorkbook(view));
      },
    );
  };
}
